/**
 * Folds block summaries, in block order, into the RS-1 outputs per scheme
 * (reference-scenarios.md, RS-1 "Outputs"), each an estimate with its 95% interval, and
 * the paired differences against the baseline scheme beside the unpaired ones.
 */
import { emptyStats, mergeSchemeStats, PER_PATH, type BlockSummary, type SchemeBlockStats } from "./block-summary.ts";
import { standardError } from "../metrics/running-moments.ts";
import { meanInterval, wilsonInterval, ratioInterval, medianInterval, type Estimate } from "../metrics/intervals.ts";
import { momentDifference as difference, type Difference } from "./difference.ts";
import { checkFiniteResults } from "./check-finite-results.ts";
import { pathRiskResults, pathRiskDifferences, ruinByYear, proportionSe, type PathRiskMetric, type RuinByYear } from "./path-risk-results.ts";

export type { Difference } from "./difference.ts";
export { PATH_RISK_METRICS } from "./path-risk-results.ts";

/** The RS-1 outputs (reference-scenarios.md); PATH_RISK_METRICS are reported beside them. */
export const METRICS = [
  "ruin_probability", "opportunity_cost", "slippage", "slippage_bps", "turnover",
  "terminal_log_growth_mean_survivors", "terminal_log_growth_median",
] as const;
export type Metric = (typeof METRICS)[number];

/**
 * GP's objective per step (domain.md O1), mean over paths and steps of x·r − (γ/2)σ²dt·x² − ½Λn²
 * (x the holding after the trade and n the trade, in units of E₀; σ², Λ of the step's regime; γ the
 * target's): reported for every scheme beside the RS-1 and path-risk outputs.
 */
export const OBJECTIVE_METRICS = ["gp_objective"] as const;

export type SchemeResult = Record<Metric | PathRiskMetric | (typeof OBJECTIVE_METRICS)[number], Estimate> & {
  paths: number; ruined: number; survivors: number;
  /** gp and ac schemes: the fraction of the gap traded per step, per regime (optimal-rates.ts) */
  rate_per_step?: number[];
  /** gp schemes: the aim's scale on the signal's deviation from its mean, per regime */
  aim_scale?: number[];
};

export interface PacingResults {
  schemes: Record<string, SchemeResult>;
  ruin_by_year: RuinByYear;
  paired_differences: { baseline: string; note: string; schemes: Record<string, Record<string, Difference>> };
}

/**
 * @param years horizon in years (T·dt): the annualising divisor of RS-1
 * @throws Error when blocks are missing or out of order (a bug or an incomplete merge), or when
 *   an output is NaN or infinite (check-finite-results.ts)
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
  // each scheme's per-path values in path order, gathered once (the paired differences read the baseline's for every scheme),
  // and sorted once: the quantiles, the expected shortfall and their paired differences all read the same sorted copies
  const values = schemeNames.map((_, s) => ({
    logGrowth: perPath(blocks, "logGrowth", s), maxDrawdown: perPath(blocks, "maxDrawdown", s), terminalReturn: perPath(blocks, "terminalReturn", s),
  }));
  const sorted = values.map((v) => ({ maxDrawdown: Float64Array.from(v.maxDrawdown).sort(), terminalReturn: Float64Array.from(v.terminalReturn).sort() }));
  schemeNames.forEach((name, s) => {
    const f = folded[s], v = values[s];
    schemes[name] = {
      paths, ruined: f.ruined, survivors: f.survivorLogGrowth.n,
      ruin_probability: wilsonInterval(f.ruined, paths),
      opportunity_cost: meanInterval(f.opportunity, 1 / years),
      slippage: meanInterval(f.slippage, 1 / years),
      slippage_bps: ratioInterval(f.tradedCost, 1e4),
      turnover: meanInterval(f.turnover, 1 / years),
      terminal_log_growth_mean_survivors: meanInterval(f.survivorLogGrowth, 1 / years),
      terminal_log_growth_median: medianInterval(Float64Array.from(v.logGrowth), 1 / years), // a copy: medianInterval sorts in place
      ...pathRiskResults(f, v.maxDrawdown, v.terminalReturn, years, sorted[s]),
      gp_objective: meanInterval(f.objective),
    };
  });
  checkFiniteResults(schemes, (name) => values[schemeNames.indexOf(name)].logGrowth);

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
      gp_objective: difference(f.paired.objective, standardError(f.objective), standardError(base.objective), 1),
      ...pathRiskDifferences(f, base, {
        maxDrawdown: values[s].maxDrawdown, baseMaxDrawdown: values[baseline].maxDrawdown,
        terminalReturn: values[s].terminalReturn, baseTerminalReturn: values[baseline].terminalReturn,
        sorted: sorted[s], baseSorted: sorted[baseline],
      }, paths, years),
    };
  });
  return {
    schemes,
    ruin_by_year: ruinByYear(folded, schemeNames, paths, years),
    paired_differences: {
      baseline: schemeNames[baseline],
      note: "scheme minus baseline on common random numbers; 'paired' is the interval of the per-path difference, "
        + "'unpaired' what independent runs would give (√(se_a² + se_b²)); terminal_log_growth is over paths where both equities stay > 0, per year; "
        + "quantile differences (max_drawdown_*) by Bahadur's representation, cvar5_terminal_return by its influence function",
      schemes: diffs,
    },
  };
}

/**
 * Scheme s's per-path values of `key` over every block, in path order (empty when not tracked).
 * With one block this is the block's own array, not a copy: do not sort it in place.
 */
export function perPath(blocks: BlockSummary[], key: (typeof PER_PATH)[number], s: number): Float64Array {
  if (blocks.length === 1) return blocks[0][key][s];
  const out = new Float64Array(blocks.reduce((a, b) => a + b[key][s].length, 0));
  let at = 0;
  for (const b of blocks) { out.set(b[key][s], at); at += b[key][s].length; }
  return out;
}

function foldScheme(stats: SchemeBlockStats[]): SchemeBlockStats {
  return stats.reduce(mergeSchemeStats, emptyStats());
}


