/**
 * Parameter search per scheme kind on common random numbers: every candidate of every kind
 * runs on the same market paths (same seed; the engine's streams depend only on seed and
 * path), a coarse grid at `coarsePaths`, then a local refinement around each kind's best
 * point at `refinePaths`, with the Gârleanu–Pedersen EMA beside them. Per kind: the Pareto
 * front over (opportunity cost, ruin, slippage) of the coarse grid, and the recommended
 * parameters (least objective among points with ruin ≤ p_max, by the point estimate; when
 * none qualifies, the least-ruin point, flagged unreachable).
 */
import type { MarketProfile } from "./market-profile.ts";
import { profileToScenario, type StrategyChoices } from "./profile-scenario.ts";
import { COARSE_AXES, SCHEME_KINDS, gridPoints, refineAxes, schemeOf, type Params, type SchemeKind } from "./scheme-grid.ts";
import { paretoFront } from "./pareto-front.ts";
import { DEFAULT_OBJECTIVE, objectiveEstimate, type Objective } from "./pacing-objective.ts";
import { gpRates, type GpRates } from "./gp-rate.ts";
import { runPacing } from "../engine/run-pacing.ts";
import { pacingResults } from "../engine/pacing-results.ts";
import type { Estimate } from "../metrics/intervals.ts";
import type { SchemeConfig } from "../scenario/scenario-schema.ts";

export interface SearchOptions extends StrategyChoices {
  kinds?: SchemeKind[];
  coarsePaths?: number;
  refinePaths?: number;
  workers?: number;
  objective?: Partial<Objective>;
  /** called as evaluations complete, with the work done so far and the total (paths × parameter points) */
  onProgress?: (done: number, total: number) => void;
}

export interface Evaluation {
  kind: SchemeKind | "gp-ema"; name: string; params: Params; stage: "coarse" | "refine"; paths: number;
  ruin_probability: Estimate; opportunity_cost: Estimate; slippage: Estimate; slippage_bps: Estimate; turnover: Estimate;
  terminal_log_growth_median: Estimate; objective: Estimate;
  /** ruin estimate ≤ p_max */ feasible: boolean;
  /** upper 95% bound of ruin ≤ p_max */ feasible_confident: boolean;
}

export interface Recommendation {
  kind: SchemeKind; params: Params; evaluation: Evaluation; reachable: boolean; note: string; coarse_best: Params;
}

export interface SearchResult {
  settings: { objective: Objective; coarse_paths: number; refine_paths: number; seed: number; horizon_steps: number; steps_per_year: number; strategy: Required<Omit<StrategyChoices, "paths" | "seed">> };
  evaluations: Evaluation[];
  pareto: Record<string, string[]>;
  recommendations: Record<string, Recommendation>;
  gp: GpRates & { evaluation: Evaluation | null };
  timing: { seconds: number; path_steps: number; scheme_path_steps: number };
}

/** Runs the search for `profile` (see the module comment). */
export async function pacingSearch(profile: MarketProfile, options: SearchOptions = {}): Promise<SearchResult> {
  const started = performance.now();
  const kinds = options.kinds ?? SCHEME_KINDS;
  const objective: Objective = { ...DEFAULT_OBJECTIVE, ...options.objective };
  const coarsePaths = options.coarsePaths ?? 2000, refinePaths = options.refinePaths ?? 10000, seed = options.seed ?? 1;
  const strategy = { noiseSd: 0.5, riskAversion: 3, maxLeverage: 3, ruinBarrier: 0.5, horizonYears: 5, ...options };
  const horizon = Math.round(strategy.horizonYears * profile.steps_per_year);
  const gp = gpRates(profile, strategy.riskAversion);

  const coarse = kinds.flatMap((k) => gridPoints(COARSE_AXES[k]).map((p) => ({ kind: k, params: p })));
  // total work for the progress bar: coarse now; refinement sized after (estimate 9 per kind + GP)
  const refineGuess = kinds.length * 9 + 1;
  let totalWork = coarse.length * coarsePaths + refineGuess * refinePaths, doneWork = 0;
  let schemeSteps = 0, pathSteps = 0;
  const runBatch = async (items: { kind: SchemeKind | "gp-ema"; params: Params; scheme: SchemeConfig }[], paths: number, stage: Evaluation["stage"]) => {
    const out: Evaluation[] = [];
    for (let i = 0; i < items.length; i += 64) {
      const chunk = items.slice(i, i + 64);
      const scenario = profileToScenario(profile, chunk.map((c) => c.scheme), { ...strategy, paths, seed });
      const base = doneWork;
      const run = await runPacing(scenario, {
        workers: options.workers,
        onProgress: (d, t) => options.onProgress?.(base + (d / t) * paths * chunk.length, totalWork),
      });
      doneWork = base + paths * chunk.length;
      pathSteps += paths * horizon; schemeSteps += paths * horizon * chunk.length;
      const res = pacingResults(run.blocks, run.job.schemeNames, run.baseline, run.years);
      chunk.forEach((c) => {
        const r = res.schemes[c.scheme.name];
        out.push({
          kind: c.kind, name: c.scheme.name, params: c.params, stage, paths,
          ruin_probability: r.ruin_probability, opportunity_cost: r.opportunity_cost, slippage: r.slippage,
          slippage_bps: r.slippage_bps, turnover: r.turnover, terminal_log_growth_median: r.terminal_log_growth_median,
          objective: objectiveEstimate(objective, r.opportunity_cost, r.slippage),
          feasible: (r.ruin_probability.estimate ?? 1) <= objective.maxRuin,
          feasible_confident: (r.ruin_probability.hi ?? 1) <= objective.maxRuin,
        });
      });
    }
    return out;
  };
  const coarseEvals = await runBatch(coarse.map((c) => ({ ...c, scheme: schemeOf(c.kind, c.params) })), coarsePaths, "coarse");

  const coarseBest = new Map<SchemeKind, Evaluation>();
  for (const k of kinds) coarseBest.set(k, choose(coarseEvals.filter((e) => e.kind === k)));
  const refine: { kind: SchemeKind | "gp-ema"; params: Params; scheme: SchemeConfig }[] = [];
  for (const k of kinds) {
    const pts = k === "instant" ? [{}] : gridPoints(refineAxes(k, coarseBest.get(k)!.params));
    for (const p of pts) refine.push({ kind: k, params: p, scheme: schemeOf(k, p) });
  }
  refine.push({ kind: "gp-ema", params: { lambda: gp.rate }, scheme: { name: "gp-ema", kind: "ema", lambda: Math.max(1e-6, gp.rate) } });
  totalWork = doneWork + refine.length * refinePaths;
  const refineEvals = await runBatch(refine, refinePaths, "refine");

  const recommendations: Record<string, Recommendation> = {};
  const pareto: Record<string, string[]> = {};
  for (const k of kinds) {
    const mine = refineEvals.filter((e) => e.kind === k);
    const best = choose(mine);
    const reachable = best.feasible;
    recommendations[k] = {
      kind: k, params: best.params, evaluation: best, reachable, coarse_best: coarseBest.get(k)!.params,
      note: reachable
        ? `least objective with ruin ≤ ${objective.maxRuin}${best.feasible_confident ? "" : " (ruin interval reaches above the cap)"}`
        : `ruin ≤ ${objective.maxRuin} unreachable for every ${k} parameter tried; best reachable ruin ${fmt(best.ruin_probability)}`,
    };
    const c = coarseEvals.filter((e) => e.kind === k);
    pareto[k] = paretoFront(c.map((e) => [e.opportunity_cost.estimate ?? Infinity, e.ruin_probability.estimate ?? 1, e.slippage.estimate ?? Infinity])).map((i) => c[i].name);
  }
  return {
    settings: { objective, coarse_paths: coarsePaths, refine_paths: refinePaths, seed, horizon_steps: horizon, steps_per_year: profile.steps_per_year, strategy: { noiseSd: strategy.noiseSd, riskAversion: strategy.riskAversion, maxLeverage: strategy.maxLeverage, ruinBarrier: strategy.ruinBarrier, horizonYears: strategy.horizonYears } },
    evaluations: [...coarseEvals, ...refineEvals], pareto, recommendations,
    gp: { ...gp, evaluation: refineEvals.find((e) => e.kind === "gp-ema") ?? null },
    timing: { seconds: (performance.now() - started) / 1000, path_steps: pathSteps, scheme_path_steps: schemeSteps },
  };
}

/** Least objective among feasible points; if none, least ruin (ties: least objective). */
export function choose(evals: Evaluation[]): Evaluation {
  const feasible = evals.filter((e) => e.feasible);
  const obj = (e: Evaluation) => e.objective.estimate ?? Infinity;
  if (feasible.length) return feasible.reduce((a, b) => (obj(b) < obj(a) ? b : a));
  return evals.reduce((a, b) => {
    const ra = a.ruin_probability.estimate ?? 1, rb = b.ruin_probability.estimate ?? 1;
    return rb < ra || (rb === ra && obj(b) < obj(a)) ? b : a;
  });
}

function fmt(e: Estimate): string {
  return `${e.estimate?.toFixed(4)} [${e.lo?.toFixed(4)}, ${e.hi?.toFixed(4)}]`;
}
