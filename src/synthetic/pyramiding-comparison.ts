/**
 * Pyramiding (G8) against holding the (G4) target, on the history: the daily P&L of each, its
 * total, volatility and the maximum drawdown of the account, each with a 95% interval from a
 * circular moving-block bootstrap of the days (pairs kept together, so the difference has its
 * own interval).
 *
 * Definitions (docs/synthetic-instruments.md): a position p_j held from the close of day j to
 * the next earns d_j = p_j·(S_{j+1} − S_j) (account currency); equity E_j = capital + Σ_{i≤j} d_i;
 * total = Σ d_j; volatility = sample sd of d_j (divisor L − 1) per day, and ×√stepsPerYear per
 * year; max drawdown = max_j (1 − E_j / max(capital, max_{i≤j} E_i)), a share of the peak.
 */
import type { Estimate } from "../metrics/intervals.ts";
import { blockBootstrapIndices, quantileSorted } from "./block-bootstrap.ts";

export interface PnlFigures { total: number; volatility: number; maxDrawdown: number }
export interface PnlEstimates { total: Estimate; volatility_daily: Estimate; volatility_annual: Estimate; max_drawdown: Estimate }
export interface PyramidingComparison {
  days: number; block: number; replicates: number; seed: number;
  no_pyramiding: PnlEstimates; pyramiding: PnlEstimates;
  /** pyramiding − no pyramiding, paired */ difference: PnlEstimates;
}

/** Total, daily volatility and max drawdown of P&L d taken in the order `idx` (all days when omitted). */
export function pnlFigures(d: ArrayLike<number>, capital: number, idx?: ArrayLike<number>): PnlFigures {
  const L = idx ? idx.length : d.length, at = (j: number) => d[idx ? idx[j] : j];
  let total = 0, peak = capital, maxDrawdown = 0;
  for (let j = 0; j < L; j++) {
    total += at(j);
    const e = capital + total;
    if (e > peak) peak = e;
    maxDrawdown = Math.max(maxDrawdown, 1 - e / peak);
  }
  const mean = total / L;
  let ss = 0;
  for (let j = 0; j < L; j++) ss += (at(j) - mean) ** 2;
  return { total, volatility: Math.sqrt(ss / (L - 1)), maxDrawdown };
}

export interface ComparisonInput {
  /** (G4) target positions on consecutive days, units of S */ target: ArrayLike<number>;
  /** pyramided positions on the same days */ pyramided: ArrayLike<number>;
  /** S on the same days */ price: ArrayLike<number>;
  capital: number; stepsPerYear: number; block: number; replicates: number; seed: number;
}

/** Compares the two policies; intervals are the 2.5% and 97.5% bootstrap percentiles. */
export function comparePyramiding(x: ComparisonInput): PyramidingComparison {
  const L = x.price.length - 1;
  const dNo = Float64Array.from({ length: L }, (_, j) => x.target[j] * (x.price[j + 1] - x.price[j]));
  const dPyr = Float64Array.from({ length: L }, (_, j) => x.pyramided[j] * (x.price[j + 1] - x.price[j]));
  const keys = ["total", "volatility", "maxDrawdown"] as const;
  const draws = { no: keys.map(() => new Float64Array(x.replicates)), pyr: keys.map(() => new Float64Array(x.replicates)), diff: keys.map(() => new Float64Array(x.replicates)) };
  const idx = new Int32Array(L);
  for (let r = 0; r < x.replicates; r++) {
    blockBootstrapIndices(idx, x.block, x.seed, r);
    const a = pnlFigures(dNo, x.capital, idx), b = pnlFigures(dPyr, x.capital, idx);
    keys.forEach((k, i) => { draws.no[i][r] = a[k]; draws.pyr[i][r] = b[k]; draws.diff[i][r] = b[k] - a[k]; });
  }
  const hist = { no: pnlFigures(dNo, x.capital), pyr: pnlFigures(dPyr, x.capital) };
  const annual = Math.sqrt(x.stepsPerYear);
  const estimates = (point: (k: (typeof keys)[number]) => number, sample: Float64Array[]): PnlEstimates => {
    const e = keys.map((k, i) => {
      const s = sample[i].slice().sort();
      return { estimate: point(k), lo: quantileSorted(s, 0.025), hi: quantileSorted(s, 0.975) };
    });
    const scale = (v: Estimate, f: number): Estimate => ({ estimate: v.estimate! * f, lo: v.lo! * f, hi: v.hi! * f });
    return { total: e[0], volatility_daily: e[1], volatility_annual: scale(e[1], annual), max_drawdown: e[2] };
  };
  return {
    days: L, block: x.block, replicates: x.replicates, seed: x.seed,
    no_pyramiding: estimates((k) => hist.no[k], draws.no),
    pyramiding: estimates((k) => hist.pyr[k], draws.pyr),
    difference: estimates((k) => hist.pyr[k] - hist.no[k], draws.diff),
  };
}
