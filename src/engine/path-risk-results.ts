/**
 * The path-risk outputs of a pacing run (domain.md §4), per scheme with 95% intervals, and their
 * paired differences against the baseline: maximum drawdown (median and 95th percentile, order
 * statistics), expected shortfall of the horizon's return at 5% (influence function), time under
 * water (mean share of steps), funding (mean share of equity per year) and the cumulative ruin
 * probability at the end of each year (Wilson).
 */
import type { SchemeBlockStats } from "./block-summary.ts";
import { standardError } from "../metrics/running-moments.ts";
import { meanInterval, wilsonInterval, Z95, type Estimate } from "../metrics/intervals.ts";
import { quantileInterval, pairedQuantileDifference, quantileOfSorted } from "../metrics/quantile-interval.ts";
import { expectedShortfall, pairedShortfallDifference } from "../metrics/expected-shortfall.ts";
import { intervalDifference, momentDifference, noDifference, type Difference } from "./difference.ts";

export const PATH_RISK_METRICS = [
  "max_drawdown_median", "max_drawdown_p95", "cvar5_terminal_return", "time_under_water", "funding",
] as const;
export type PathRiskMetric = (typeof PATH_RISK_METRICS)[number];

/** Tail share of the expected shortfall of the terminal return. */
const CVAR_ALPHA = 0.05;

export interface RuinByYear {
  /** the end of each year of the horizon (the last is the horizon itself, possibly a fraction) */
  years: number[];
  /** per scheme, the share of paths ruined by each year's end */
  schemes: Record<string, Estimate[]>;
}

const NULL_ESTIMATE: Estimate = { estimate: null, lo: null, hi: null };

/**
 * @param maxDrawdown    per-path maximum drawdowns (empty when path risk was off: those estimates are null)
 * @param terminalReturn per-path E_T/E₀ − 1
 * @param years          horizon in years (funding is annualised by it)
 * @param sorted         both sorted ascending, when the caller has them (not checked), so they are not sorted again
 */
export function pathRiskResults(
  f: SchemeBlockStats, maxDrawdown: Float64Array, terminalReturn: Float64Array, years: number,
  sorted: SortedPaths = { maxDrawdown: Float64Array.from(maxDrawdown).sort(), terminalReturn: Float64Array.from(terminalReturn).sort() },
): Record<PathRiskMetric, Estimate> {
  return {
    max_drawdown_median: sorted.maxDrawdown.length ? quantileInterval(sorted.maxDrawdown, 0.5) : { ...NULL_ESTIMATE },
    max_drawdown_p95: sorted.maxDrawdown.length ? quantileInterval(sorted.maxDrawdown, 0.95) : { ...NULL_ESTIMATE },
    cvar5_terminal_return: expectedShortfall(terminalReturn, CVAR_ALPHA, sorted.terminalReturn),
    time_under_water: meanInterval(f.underWater),
    funding: meanInterval(f.funding, 1 / years),
  };
}

/** A scheme's per-path maximum drawdowns and terminal returns, each sorted ascending. */
export interface SortedPaths {
  maxDrawdown: Float64Array;
  terminalReturn: Float64Array;
}

/** The per-path values a scheme's and the baseline's paired quantile differences need. */
export interface PairedPaths {
  maxDrawdown: Float64Array;
  baseMaxDrawdown: Float64Array;
  terminalReturn: Float64Array;
  baseTerminalReturn: Float64Array;
  /** the scheme's and the baseline's values sorted, when the caller has them (not checked), so they are not sorted again */
  sorted?: SortedPaths;
  baseSorted?: SortedPaths;
}

/** Scheme − baseline for every path-risk output, and for the ruin probability by each year's end (`ruin_by_year_<year>`). */
export function pathRiskDifferences(f: SchemeBlockStats, base: SchemeBlockStats, v: PairedPaths, paths: number, years: number): Record<string, Difference> {
  const fromHalves = (d: { estimate: number; paired: number; unpaired: number } | null) =>
    (d ? intervalDifference(d.estimate, d.paired, d.unpaired) : noDifference());
  const out: Record<string, Difference> = {
    max_drawdown_median: fromHalves(pairedQuantileDifference(v.maxDrawdown, v.baseMaxDrawdown, 0.5, v.sorted?.maxDrawdown, v.baseSorted?.maxDrawdown)),
    max_drawdown_p95: fromHalves(pairedQuantileDifference(v.maxDrawdown, v.baseMaxDrawdown, 0.95, v.sorted?.maxDrawdown, v.baseSorted?.maxDrawdown)),
    cvar5_terminal_return: fromHalves(pairedShortfallDifference(v.terminalReturn, v.baseTerminalReturn, CVAR_ALPHA, v.sorted?.terminalReturn, v.baseSorted?.terminalReturn)),
    time_under_water: momentDifference(f.paired.underWater, standardError(f.underWater), standardError(base.underWater), 1),
    funding: momentDifference(f.paired.funding, standardError(f.funding), standardError(base.funding), 1 / years),
  };
  yearEnds(f.ruinedBy.length, years).forEach((year, y) => {
    out[`ruin_by_year_${year}`] = pairedProportionDifference(f.ruinedBy[y], base.ruinedBy[y], f.bothRuinedBy[y], paths);
  });
  return out;
}

/** Cumulative ruin probability at each year's end, per scheme (Wilson intervals). */
export function ruinByYear(folded: SchemeBlockStats[], names: string[], paths: number, years: number): RuinByYear {
  const schemes: Record<string, Estimate[]> = {};
  names.forEach((n, s) => (schemes[n] = Array.from(folded[s].ruinedBy, (k) => wilsonInterval(k, paths))));
  return { years: yearEnds(folded[0]?.ruinedBy.length ?? 0, years), schemes };
}

/** The labels of `count` year ends: 1, 2, …, and the horizon (in years) last. */
function yearEnds(count: number, years: number): number[] {
  return Array.from({ length: count }, (_, i) => (i === count - 1 ? years : i + 1));
}

/** Standard error of a proportion k/n. */
export function proportionSe(k: number, n: number): number {
  const p = k / n;
  return Math.sqrt((p * (1 - p)) / n);
}

/**
 * P(a) − P(b) from counts on the same n paths: a − b per path is −1, 0 or 1, with mean (k_a − k_b)/n
 * and second moment (k_a + k_b − 2·k_ab)/n, so its sample variance is known from the counts alone.
 */
function pairedProportionDifference(ka: number, kb: number, kab: number, n: number): Difference {
  if (n < 2) return noDifference();
  const mean = (ka - kb) / n, second = (ka + kb - 2 * kab) / n;
  const variance = Math.max(0, second - mean * mean) * (n / (n - 1));
  return intervalDifference(mean, Z95 * Math.sqrt(variance / n), Z95 * Math.hypot(proportionSe(ka, n), proportionSe(kb, n)));
}

/** The maximum-drawdown quantiles a report's box plot draws, per scheme (null when path risk was off). */
export interface DrawdownQuantiles {
  quantiles: number[];
  schemes: Record<string, number[]>;
}

/** 5%, 25%, 50%, 75% and 95% of each scheme's per-path maximum drawdowns (type-7 quantiles). */
export function drawdownQuantiles(perScheme: Float64Array[], names: string[], quantiles = [0.05, 0.25, 0.5, 0.75, 0.95]): DrawdownQuantiles | null {
  if (perScheme.length === 0 || perScheme[0].length === 0) return null;
  const schemes: Record<string, number[]> = {};
  names.forEach((n, s) => {
    const sorted = Float64Array.from(perScheme[s]).sort();
    schemes[n] = quantiles.map((p) => quantileOfSorted(sorted, p));
  });
  return { quantiles, schemes };
}
