/**
 * Folds block summaries, in block order, into the RS-1 outputs per scheme
 * (reference-scenarios.md, RS-1 "Outputs"), each an estimate with its 95% interval, and
 * the paired differences against the baseline scheme beside the unpaired ones.
 */
import { emptyStats, mergeSchemeStats, type BlockSummary, type SchemeBlockStats } from "./block-summary.ts";
import { standardError, type Moments } from "../metrics/running-moments.ts";
import { meanInterval, wilsonInterval, ratioInterval, medianInterval, Z95, type Estimate } from "../metrics/intervals.ts";

export const METRICS = [
  "ruin_probability", "opportunity_cost", "slippage", "slippage_bps", "turnover",
  "terminal_log_growth_mean_survivors", "terminal_log_growth_median",
] as const;
export type Metric = (typeof METRICS)[number];

export type SchemeResult = Record<Metric, Estimate> & { paths: number; ruined: number; survivors: number };

/** A difference scheme − baseline: the estimate, its paired interval and the unpaired one. */
export interface Difference {
  estimate: number | null;
  paired: { lo: number | null; hi: number | null };
  unpaired: { lo: number | null; hi: number | null };
}

export interface PacingResults {
  schemes: Record<string, SchemeResult>;
  paired_differences: { baseline: string; note: string; schemes: Record<string, Record<string, Difference>> };
}

/**
 * @param years horizon in years (T·dt): the annualising divisor of RS-1
 * @throws Error when blocks are missing or out of order (a bug or an incomplete merge)
 */
export function pacingResults(blocks: BlockSummary[], schemeNames: string[], baseline: number, years: number): PacingResults {
  let expected = 0;
  blocks.forEach((b, i) => {
    if (b.blockIndex !== i || b.firstPath !== expected) {
      throw new Error(`pacingResults: block ${i} starts at path ${b.firstPath}, expected ${expected} — a block is missing or out of order`);
    }
    expected += b.nPaths;
  });
  const paths = expected;
  const schemes: Record<string, SchemeResult> = {};
  const folded = schemeNames.map((_, s) => foldScheme(blocks.map((b) => b.schemes[s])));
  schemeNames.forEach((name, s) => {
    const f = folded[s];
    const growth = new Float64Array(paths);
    let at = 0;
    for (const b of blocks) { growth.set(b.logGrowth[s], at); at += b.nPaths; }
    schemes[name] = {
      paths, ruined: f.ruined, survivors: f.survivorLogGrowth.n,
      ruin_probability: wilsonInterval(f.ruined, paths),
      opportunity_cost: meanInterval(f.opportunity, 1 / years),
      slippage: meanInterval(f.slippage, 1 / years),
      slippage_bps: ratioInterval(f.tradedCost, 1e4),
      turnover: meanInterval(f.turnover, 1 / years),
      terminal_log_growth_mean_survivors: meanInterval(f.survivorLogGrowth, 1 / years),
      terminal_log_growth_median: medianInterval(growth, 1 / years),
    };
  });

  const base = folded[baseline];
  const diffs: Record<string, Record<string, Difference>> = {};
  schemeNames.forEach((name, s) => {
    if (s === baseline) return;
    const f = folded[s];
    diffs[name] = {
      ruin_probability: difference(f.paired.ruin, proportionSe(f.ruined, paths), proportionSe(base.ruined, paths), 1),
      opportunity_cost: difference(f.paired.opportunity, standardError(f.opportunity), standardError(base.opportunity), 1 / years),
      slippage: difference(f.paired.slippage, standardError(f.slippage), standardError(base.slippage), 1 / years),
      turnover: difference(f.paired.turnover, standardError(f.turnover), standardError(base.turnover), 1 / years),
      terminal_log_growth: difference(f.paired.logGrowth, NaN, NaN, 1 / years),
    };
  });
  return {
    schemes,
    paired_differences: {
      baseline: schemeNames[baseline],
      note: "scheme minus baseline on common random numbers; 'paired' is the interval of the per-path difference, "
        + "'unpaired' what independent runs would give (√(se_a² + se_b²)); terminal_log_growth is over paths where both equities stay > 0, per year",
      schemes: diffs,
    },
  };
}

function foldScheme(stats: SchemeBlockStats[]): SchemeBlockStats {
  return stats.reduce(mergeSchemeStats, emptyStats());
}

function proportionSe(k: number, n: number): number {
  const p = k / n;
  return Math.sqrt((p * (1 - p)) / n);
}

function difference(paired: Moments, seA: number, seB: number, scale: number): Difference {
  if (paired.n === 0) return { estimate: null, paired: { lo: null, hi: null }, unpaired: { lo: null, hi: null } };
  const est = paired.mean;
  const hp = paired.n > 1 ? Z95 * standardError(paired) : NaN;
  const hu = Z95 * Math.sqrt(seA * seA + seB * seB);
  const bound = (x: number) => (Number.isFinite(x) ? x * scale : null);
  return {
    estimate: est * scale,
    paired: { lo: bound(est - hp), hi: bound(est + hp) },
    unpaired: { lo: bound(est - hu), hi: bound(est + hu) },
  };
}
