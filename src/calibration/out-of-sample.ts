/**
 * Out-of-sample validation of calibrated pacing parameters (issue: per-market calibration,
 * item 4): calibrate on an early window, then evaluate the recommended parameters of every
 * scheme on the later window, and report how much each scheme's objective degrades.
 *
 * Three comparisons, each in-sample (early window) against out-of-sample (later window), with
 * the same parameters, strategy, seed and paths, so differences are the market's, not noise's:
 * - parametric: scenarios from the profile of each window (the later profile is the "truth"
 *   the early calibration did not see);
 * - bootstrap: a stationary block bootstrap of each window's log-returns drives the engine;
 * - replay: each window's history itself, on every path (paths differ only in signal noise).
 * With supplied returns the signal target carries no information about the returns (its alpha
 * only moves the target), so the bootstrap and replay objectives measure pacing against a
 * noisy target on real return paths; compare them in-sample against out-of-sample, not
 * against the parametric numbers.
 *
 * Each degradation (objective and ruin, positive = worse: out − in, or in − out for a maximised objective) carries a 95% interval, unpaired (two markets:
 * see degradation.ts), and each comparison checks the search's caps out of sample (ruin ≤
 * --max-ruin and, when given, drawdown p95 ≤ --max-drawdown; degradation.ts `constraintCheck`, by
 * the search's constraint-status.ts): a comparison where a cap fails is listed in
 * `constraint_failures`, and per cap in `failures_by_constraint` (JSON, CSV, report and console all show it).
 * The paired degradation is against re-calibration (recalibration.ts): the search is run
 * again on the later window's profile, and on each later-window market the in-sample pace and
 * the re-calibrated pace run on the same paths; `recalibration` holds both paces with their
 * intervals and the paired difference (in-sample − re-calibrated) per comparison.
 */
import type { PriceSeries } from "../data/price-series.ts";
import { estimateProfile, sliceSeries, MIN_OBSERVATIONS, type MarketProfile, type ProfileOptions } from "./market-profile.ts";
import { pacingSearch, type SearchOptions, type SearchResult } from "./pacing-search.ts";
import { schemeOf } from "./scheme-grid.ts";
import { DEFAULT_OBJECTIVE, type Objective } from "./pacing-objective.ts";
import { runSchemes } from "./scheme-runner.ts";
import type { Estimate } from "../metrics/intervals.ts";
import type { SchemeConfig } from "../scenario/scenario-schema.ts";
import { UsageError } from "../errors.ts";
import { unpairedDegradation, constraintCheck, type ConstraintCheck, type ConstraintName, type Degradation } from "./degradation.ts";
import { recalibrationComparison, wayMarket, WAYS, type PairedRegret, type RecalibrationReport, type Way } from "./recalibration.ts";
import { searchContext } from "./search-context.ts";

export interface OutOfSampleOptions extends SearchOptions {
  /** share of the history used for calibration (default 0.6) */
  split?: number;
  /** paths of each evaluation run (default 4000) */
  evaluationPaths?: number;
  /** mean block length of the bootstrap, steps (default 20) */
  meanBlock?: number;
  profile?: ProfileOptions;
}

export interface WindowEvaluation { objective: Estimate; ruin_probability: Estimate; max_drawdown_p95: Estimate; opportunity_cost: Estimate; slippage: Estimate }

export interface SchemeValidation {
  scheme: string;
  params: Record<string, number>;
  /** per comparison: in-sample, out-of-sample, the degradation (positive = worse) of the objective and of ruin, the ruin cap */
  parametric: Comparison;
  bootstrap: Comparison;
  replay: Comparison;
  /** the comparisons where some cap fails out of sample (empty when every constraint holds) */
  constraint_failures: Way[];
  /** per constraint (ruin; max_drawdown_p95 when capped), the comparisons where it fails out of sample */
  failures_by_constraint: Partial<Record<ConstraintName, Way[]>>;
}


export interface Comparison {
  in_sample: WindowEvaluation; out_of_sample: WindowEvaluation;
  /** how much worse the objective is out of sample (positive = worse: out − in for a cost, in − out for growth; its interval in degradation_interval) */ degradation: number | null;
  degradation_interval: Degradation; ruin_degradation: Degradation;
  /** the search's caps in and out of sample (ruin; drawdown p95 when capped) */ constraint: ConstraintCheck;
  /** how much worse the in-sample pace is than the pace re-calibrated on the later window, on the same later-window paths (paired; positive = worse; recalibration.ts) */
  paired_degradation: PairedRegret;
}

export interface OutOfSampleReport {
  split: { calibration: { first: string; last: string; observations: number }; validation: { first: string; last: string; observations: number } };
  search: SearchResult;
  /** the same search on the later window's profile */ later_search: SearchResult;
  schemes: SchemeValidation[];
  recalibration: RecalibrationReport;
}

/**
 * @throws UsageError when either window has fewer than MIN_OBSERVATIONS returns
 */
export async function outOfSampleValidation(series: PriceSeries, options: OutOfSampleOptions = {}): Promise<OutOfSampleReport> {
  const n = series.close.length, split = options.split ?? 0.6;
  const cut = Math.floor(n * split);
  if (cut - 1 < MIN_OBSERVATIONS || n - cut < MIN_OBSERVATIONS) {
    throw new UsageError(`out-of-sample ${series.file}: ${n} prices split at ${split} leave ${cut - 1} and ${n - cut} returns; each window needs ≥ ${MIN_OBSERVATIONS} — use a longer history or move --split`);
  }
  const early = sliceSeries(series, 0, cut), late = sliceSeries(series, cut - 1, n); // the windows share the cut price
  const profileEarly = estimateProfile(early, options.profile), profileLate = estimateProfile(late, options.profile);
  const search = await pacingSearch(profileEarly, options);
  const objective: Objective = { ...DEFAULT_OBJECTIVE, ...options.objective };
  const recommended = Object.values(search.recommendations);
  const configs: SchemeConfig[] = recommended.map((r) => schemeOf(r.kind, r.params));
  const choices = { ...options, paths: options.evaluationPaths ?? 4000, seed: options.seed ?? 1 };
  const returnsOf = (s: PriceSeries) => Array.from({ length: s.close.length - 1 }, (_, i) => Math.log(s.close[i + 1] / s.close[i]));

  const ctx = searchContext(search, options), meanBlock = options.meanBlock ?? 20;
  const marketOf = (profile: MarketProfile, returns?: { kind: "bootstrap" | "replay"; returns: number[] }) => wayMarket(ctx.scenarioOf, profile, returns && { ...returns, meanBlock });
  const evaluate = async (profile: MarketProfile, returns?: { kind: "bootstrap" | "replay"; returns: number[] }) => {
    const runs = await runSchemes((s) => marketOf(profile, returns)(s, choices.paths), configs, { workers: options.workers, label: "out-of-sample scenario" });
    return configs.map((c): WindowEvaluation => {
      const { outcome } = runs.get(c.name)!, r = outcome.result;
      return { objective: ctx.objectiveOf(outcome), ruin_probability: r.ruin_probability, max_drawdown_p95: r.max_drawdown_p95, opportunity_cost: r.opportunity_cost, slippage: r.slippage };
    });
  };
  const rEarly = returnsOf(early), rLate = returnsOf(late);
  const [pIn, pOut, bIn, bOut, yIn, yOut] = [
    await evaluate(profileEarly), await evaluate(profileLate),
    await evaluate(profileEarly, { kind: "bootstrap", returns: rEarly }), await evaluate(profileEarly, { kind: "bootstrap", returns: rLate }),
    await evaluate(profileEarly, { kind: "replay", returns: rEarly }), await evaluate(profileEarly, { kind: "replay", returns: rLate }),
  ];
  const laterSearch = await pacingSearch(profileLate, options);
  const recalibration = await recalibrationComparison(search, laterSearch, {
    parametric: marketOf(profileLate), bootstrap: marketOf(profileEarly, { kind: "bootstrap", returns: rLate }), replay: marketOf(profileEarly, { kind: "replay", returns: rLate }),
  }, choices.paths, options);
  const pair = (a: WindowEvaluation, b: WindowEvaluation, regret: PairedRegret): Comparison => ({
    in_sample: a, out_of_sample: b,
    degradation: a.objective.estimate === null || b.objective.estimate === null ? null : ctx.worseBy(a.objective.estimate, b.objective.estimate),
    degradation_interval: unpairedDegradation(a.objective, b.objective, ctx.sense),
    ruin_degradation: unpairedDegradation(a.ruin_probability, b.ruin_probability),
    constraint: constraintCheck(objective, a, b),
    paired_degradation: regret,
  });
  const window = (s: PriceSeries) => ({ first: s.dates[0], last: s.dates[s.dates.length - 1], observations: s.close.length - 1 });
  return {
    split: { calibration: window(early), validation: window(late) },
    search, later_search: laterSearch, recalibration,
    schemes: configs.map((c, i) => {
      const re = recalibration.kinds.find((k) => k.kind === recommended[i].kind)!.paired;
      const ways = { parametric: pair(pIn[i], pOut[i], re.parametric), bootstrap: pair(bIn[i], bOut[i], re.bootstrap), replay: pair(yIn[i], yOut[i], re.replay) };
      const failingWays = (n?: ConstraintName) => WAYS.filter((w) => (n ? ways[w].constraint.failing.includes(n) : ways[w].constraint.fails_out_of_sample));
      const failures_by_constraint = Object.fromEntries((objective.maxDrawdown === undefined ? ["ruin"] as const : ["ruin", "max_drawdown_p95"] as const).map((n) => [n, failingWays(n)]));
      return { scheme: c.name, params: recommended[i].params, ...ways, constraint_failures: failingWays(), failures_by_constraint };
    }),
  };
}
