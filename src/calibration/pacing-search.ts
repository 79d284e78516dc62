/**
 * Parameter search per scheme kind on common random numbers: every candidate of every kind
 * runs on the same market paths (same seed; the engine's streams depend only on seed and
 * path). Four stages (issue 15, item 3):
 * 1. coarse: each kind's grid (scheme-grid.ts) at `coarsePaths`;
 * 2. extend: while a kind's best lies on the edge of its axis, add a point beyond it (doubling
 *    log steps, search-domain.ts) until it is interior or at the parameter's domain edge
 *    (at most `extensionRounds` rounds);
 * 3. refine at `refinePaths`: golden-section on the log parameter for 1-D kinds, in the bracket
 *    of the best's grid neighbours; a local grid for 2-D kinds; the Gârleanu–Pedersen EMA beside;
 * 4. interval: the kind's evaluated values re-run at `intervalPaths` paired against the best,
 *    giving a 95% interval for the parameter (parameter-interval.ts).
 * The recommendation per kind is the best objective (default: certainty-equivalent growth,
 * growth-objective.ts) among points meeting the constraints (ruin ≤ p_max; max_drawdown_p95 ≤
 * d_max when given), by the point estimate; when none qualifies, the point nearest to them
 * (constraint-status.ts), flagged unreachable. The objective enters only through
 * `objectiveFunction` (pacing-objective.ts). The strategy is `target` (strategy-spec.ts; default
 * RS-1's signal) or a leverage series replayed on the history (`replay`).
 */
import type { MarketProfile } from "./market-profile.ts";
import type { StrategyChoices } from "./profile-scenario.ts";
import { COARSE_AXES, SCHEME_KINDS, gridPoints, schemeOf, type Params, type SchemeKind } from "./scheme-grid.ts";
import { paretoFront } from "./pareto-front.ts";
import { DEFAULT_OBJECTIVE, type Objective, type PacingObjective } from "./pacing-objective.ts";
import { CE_GROWTH } from "./growth-objective.ts";
import { SIGNAL_DEFAULTS, type TargetConfig } from "./strategy-spec.ts";
import { gpRates, type GpRates } from "./gp-rate.ts";
import { SCHEMES_PER_RUN } from "./scheme-runner.ts";
import { evaluateSchemes, choose, type Candidate, type Evaluation, type EvaluationRun } from "./evaluate-schemes.ts";
import { extendGrids, refineKinds } from "./search-stages.ts";
import { parameterIntervals, type ParameterInterval } from "./parameter-interval.ts";
import { atDomainEdge } from "./search-domain.ts";
import type { Estimate } from "../metrics/intervals.ts";

export { choose, type Evaluation } from "./evaluate-schemes.ts";

export interface SearchOptions extends StrategyChoices {
  kinds?: SchemeKind[];
  coarsePaths?: number;
  refinePaths?: number;
  /** paths of the paired parameter-interval runs (default coarsePaths / 2, at least 64) */ intervalPaths?: number;
  /** rounds of grid extension at an edge (default 4) */ extensionRounds?: number;
  /** golden-section steps per 1-D kind after its first two interior points (default 2: the bracket shrinks to 0.618³ ≈ 24% of the neighbours' span, finer than most parameter intervals; each step is an engine run of its own) */ refineSteps?: number;
  workers?: number;
  objective?: Partial<Objective>;
  /** the objective optimised (default CE_GROWTH) */ objectiveFunction?: PacingObjective;
  /** called as evaluations complete, with the work done so far and the total (paths × parameter points) */
  onProgress?: (done: number, total: number) => void;
}

/** How a kind's optimum was found and how sharp it is. */
export interface KindSearch {
  /** the best point lies at the end of its parameter's domain (e.g. λ = 1, or the slowest rate allowed) */
  at_domain_edge: boolean; domain_edge_parameters: string[];
  /** the best point lies on the edge of the values evaluated but not of the domain (extension budget spent) */
  at_grid_edge: boolean;
  /** per parameter, the values the extension added beyond the coarse grid */ extended: Record<string, number[]>;
  refine_method: "golden-section" | "grid" | "none";
  /** per parameter, the 95% interval: values not significantly worse than the best (paired) */
  parameter_interval: Record<string, ParameterInterval>;
  interval_paths: number;
}

export interface Recommendation {
  kind: SchemeKind; params: Params; evaluation: Evaluation; reachable: boolean; note: string; coarse_best: Params; search: KindSearch;
}

export interface SearchResult {
  settings: {
    objective: Objective; objective_function: string; objective_sense: "max" | "min"; coarse_paths: number; refine_paths: number; interval_paths: number; extension_rounds: number; refine_steps: number; seed: number; horizon_steps: number; steps_per_year: number;
    strategy: { target: TargetConfig | { kind: "series"; steps: number }; drift: number; ruinBarrier: number; horizonYears: number; noiseSd: number; riskAversion: number; maxLeverage: number };
  };
  evaluations: Evaluation[];
  pareto: Record<string, string[]>;
  recommendations: Record<string, Recommendation>;
  gp: GpRates & { evaluation: Evaluation | null };
  timing: { seconds: number; path_steps: number; scheme_path_steps: number; stage_seconds: Record<string, number> };
}

/** Runs the search for `profile` (see the module comment). */
export async function pacingSearch(profile: MarketProfile, options: SearchOptions = {}): Promise<SearchResult> {
  const started = performance.now();
  const kinds = options.kinds ?? SCHEME_KINDS;
  const objective: Objective = { ...DEFAULT_OBJECTIVE, ...options.objective };
  const objectiveFunction = options.objectiveFunction ?? CE_GROWTH;
  const coarsePaths = options.coarsePaths ?? 2000, refinePaths = options.refinePaths ?? 10000, seed = options.seed ?? 1;
  const intervalPaths = options.intervalPaths ?? Math.max(64, Math.round(coarsePaths / 2)), extensionRounds = options.extensionRounds ?? 4, refineSteps = options.refineSteps ?? 2;
  const strategy = { ...SIGNAL_DEFAULTS, ruinBarrier: 0.5, horizonYears: 5, ...options };
  const horizon = options.replay ? options.replay.returns.length : Math.round(strategy.horizonYears * profile.steps_per_year);
  // GP's risk aversion: the strategy's own γ when it has one
  const target = options.target;
  const gp = gpRates(profile, target && "riskAversion" in target ? target.riskAversion : strategy.riskAversion);

  const coarse: Candidate[] = kinds.flatMap((k) => gridPoints(COARSE_AXES[k]).map((p) => ({ kind: k, params: p, scheme: schemeOf(k, p) })));
  // progress: the coarse stage plus an estimate of the rest (refined as stages are planned)
  const progress = { done: 0, total: coarse.length * coarsePaths + kinds.length * (9 * refinePaths + 20 * intervalPaths) };
  let schemeSteps = 0, pathSteps = 0;
  const stageSeconds: Record<string, number> = {};
  const run: EvaluationRun = { profile, strategy, seed, workers: options.workers, objective, objectiveFunction };
  const evaluate: typeof evaluateSchemes = async (r, items, paths, stage, baseline) => {
    const base = progress.done, n = items.length + (baseline ? 1 : 0), t0 = performance.now();
    const out = await evaluateSchemes({ ...r, onPaths: (d) => options.onProgress?.(base + d, Math.max(progress.total, base + d)) }, items, paths, stage, baseline);
    progress.done = base + paths * n; progress.total = Math.max(progress.total, progress.done);
    stageSeconds[stage] = (stageSeconds[stage] ?? 0) + (performance.now() - t0) / 1000;
    // engine runs as runSchemes chunks them: 64 schemes a run, one of them the baseline when there is one
    pathSteps += paths * horizon * Math.ceil(items.length / (baseline ? SCHEMES_PER_RUN - 1 : SCHEMES_PER_RUN)); schemeSteps += paths * horizon * n;
    return out;
  };

  const coarseEvals = await evaluate(run, coarse, coarsePaths, "coarse");
  const coarseBest = new Map(kinds.map((k) => [k, choose(coarseEvals.filter((e) => e.kind === k))]));
  const { axes, evaluations: extendEvals, extended } = await extendGrids(kinds, coarseEvals, extensionRounds, (items) => evaluate(run, items, coarsePaths, "extend"));
  const gpCandidate: Candidate = { kind: "gp-ema", params: { lambda: gp.rate }, scheme: { name: "gp-ema", kind: "ema", lambda: Math.max(1e-6, gp.rate) } };
  const { evaluations: refineEvals, methods } = await refineKinds(kinds, [...coarseEvals, ...extendEvals], axes, refineSteps, gpCandidate,
    (items) => evaluate(run, items, refinePaths, "refine"));

  const recommendations: Record<string, Recommendation> = {};
  const pareto: Record<string, string[]> = {};
  const intervalEvals: Evaluation[] = [];
  for (const k of kinds) {
    const best = choose(refineEvals.filter((e) => e.kind === k));
    const reachable = best.feasible;
    const mine = [...coarseEvals, ...extendEvals, ...refineEvals].filter((e) => e.kind === k);
    const names = Object.keys(best.params);
    // only values on an axis through the best enter its interval; each value once
    const onAxis = mine.filter((e) => e.name !== best.name && names.filter((n) => e.params[n] !== best.params[n]).length === 1);
    const distinct = [...new Map(onAxis.map((e) => [e.name, { kind: k, params: e.params, scheme: schemeOf(k, e.params) } as Candidate])).values()];
    const paired = distinct.length ? await evaluate(run, distinct, intervalPaths, "interval", schemeOf(k, best.params)) : [];
    intervalEvals.push(...paired);
    const edges = names.filter((n) => atDomainEdge(n, best.params[n]));
    const gridEdge = names.some((n) => !edges.includes(n) && (best.params[n] === Math.min(...mine.map((e) => e.params[n])) || best.params[n] === Math.max(...mine.map((e) => e.params[n]))));
    recommendations[k] = {
      kind: k, params: best.params, evaluation: best, reachable, coarse_best: coarseBest.get(k)!.params,
      note: reachable
        ? `${objectiveFunction.sense === "max" ? "greatest" : "least"} objective with ${capText(objective)}${best.feasible_confident ? "" : " (an interval reaches above its cap)"}`
        : `${capText(objective)} unreachable for every ${k} parameter tried; nearest: ruin ${fmt(best.ruin_probability)}${objective.maxDrawdown === undefined ? "" : `, drawdown p95 ${fmt(best.max_drawdown_p95)}`}`,
      search: {
        at_domain_edge: edges.length > 0, domain_edge_parameters: edges, at_grid_edge: gridEdge, extended: extended[k] ?? {},
        refine_method: methods[k], parameter_interval: parameterIntervals(best, paired), interval_paths: intervalPaths,
      },
    };
    const c = coarseEvals.filter((e) => e.kind === k);
    pareto[k] = paretoFront(c.map((e) => [e.opportunity_cost.estimate ?? Infinity, e.ruin_probability.estimate ?? 1, e.slippage.estimate ?? Infinity])).map((i) => c[i].name);
  }
  return {
    settings: {
      objective, objective_function: objectiveFunction.name, objective_sense: objectiveFunction.sense, coarse_paths: coarsePaths, refine_paths: refinePaths, interval_paths: intervalPaths,
      extension_rounds: extensionRounds, refine_steps: refineSteps, seed, horizon_steps: horizon, steps_per_year: profile.steps_per_year,
      strategy: {
        target: options.replay ? { kind: "series", steps: horizon } : target ?? { kind: "signal", noiseSd: strategy.noiseSd, riskAversion: strategy.riskAversion, maxLeverage: strategy.maxLeverage },
        drift: options.drift ?? 0, noiseSd: strategy.noiseSd, riskAversion: strategy.riskAversion, maxLeverage: strategy.maxLeverage, ruinBarrier: strategy.ruinBarrier, horizonYears: options.replay ? horizon / profile.steps_per_year : strategy.horizonYears,
      },
    },
    evaluations: [...coarseEvals, ...extendEvals, ...refineEvals, ...intervalEvals], pareto, recommendations,
    gp: { ...gp, evaluation: refineEvals.find((e) => e.kind === "gp-ema") ?? null },
    timing: { seconds: (performance.now() - started) / 1000, path_steps: pathSteps, scheme_path_steps: schemeSteps, stage_seconds: stageSeconds },
  };
}

function capText(o: Objective): string {
  return `ruin ≤ ${o.maxRuin}${o.maxDrawdown === undefined ? "" : ` and max drawdown p95 ≤ ${o.maxDrawdown}`}`;
}

function fmt(e: Estimate): string {
  return `${e.estimate?.toFixed(4)} [${e.lo?.toFixed(4)}, ${e.hi?.toFixed(4)}]`;
}
