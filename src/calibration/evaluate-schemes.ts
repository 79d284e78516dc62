/**
 * One engine run of several candidate schemes on common random numbers (same seed, same
 * paths: the engine's streams depend only on seed and path), reduced to one `Evaluation` per
 * candidate; with a `baseline`, each evaluation also carries the objective's paired
 * difference to it (candidate − baseline, per path).
 */
import type { MarketProfile } from "./market-profile.ts";
import { profileToScenario, type StrategyChoices } from "./profile-scenario.ts";
import type { Params, SchemeKind } from "./scheme-grid.ts";
import type { Objective, PacingObjective } from "./pacing-objective.ts";
import { runPacing } from "../engine/run-pacing.ts";
import { pacingResults } from "../engine/pacing-results.ts";
import type { Estimate } from "../metrics/intervals.ts";
import type { SchemeConfig } from "../scenario/scenario-schema.ts";

/** Runs of at most this many scheme-paths stay in the calling thread (extension, golden-section and interval steps). */
export const IN_THREAD_SCHEME_PATHS = 60_000;

export type Stage = "coarse" | "extend" | "refine" | "interval";

export interface Candidate { kind: SchemeKind | "gp-ema"; params: Params; scheme: SchemeConfig }

export interface Evaluation {
  kind: SchemeKind | "gp-ema"; name: string; params: Params; stage: Stage; paths: number;
  ruin_probability: Estimate; opportunity_cost: Estimate; slippage: Estimate; slippage_bps: Estimate; turnover: Estimate;
  terminal_log_growth_median: Estimate; objective: Estimate;
  /** ruin estimate ≤ p_max */ feasible: boolean;
  /** upper 95% bound of ruin ≤ p_max */ feasible_confident: boolean;
  /** objective − baseline's objective on the same paths (paired 95% interval), when run with a baseline */
  paired_to?: { baseline: string; objective: Estimate; ruin_probability: Estimate };
}

export interface EvaluationRun {
  profile: MarketProfile; strategy: StrategyChoices; seed: number; workers?: number;
  objective: Objective; objectiveFunction: PacingObjective;
  /** called with path counts done in this run */ onPaths?: (done: number) => void;
}

/**
 * Evaluates `items` at `paths` paths (in chunks of 64 schemes; each chunk on the same paths).
 * @param baseline scheme config to pair against; it is added to every chunk and not returned
 */
export async function evaluateSchemes(run: EvaluationRun, items: Candidate[], paths: number, stage: Stage, baseline?: SchemeConfig): Promise<Evaluation[]> {
  const out: Evaluation[] = [];
  for (let i = 0; i < items.length; i += 64) {
    const chunk = items.slice(i, i + 64).filter((c) => !baseline || c.scheme.name !== baseline.name);
    const configs = baseline ? [baseline, ...chunk.map((c) => c.scheme)] : chunk.map((c) => c.scheme);
    const scenario = { ...profileToScenario(run.profile, configs, { ...run.strategy, paths, seed: run.seed }), ...(baseline ? { baseline: baseline.name } : {}) };
    // a small run costs less in this thread than a worker pool's startup (results do not depend on workers)
    const workers = configs.length * paths <= IN_THREAD_SCHEME_PATHS ? 1 : run.workers;
    const engine = await runPacing(scenario, { workers, onProgress: (d, t) => run.onPaths?.((d / t) * paths * configs.length) });
    const res = pacingResults(engine.blocks, engine.job.schemeNames, engine.baseline, engine.years);
    for (const c of chunk) {
      const r = res.schemes[c.scheme.name];
      const d = baseline ? res.paired_differences.schemes[c.scheme.name] : undefined;
      out.push({
        kind: c.kind, name: c.scheme.name, params: c.params, stage, paths,
        ruin_probability: r.ruin_probability, opportunity_cost: r.opportunity_cost, slippage: r.slippage,
        slippage_bps: r.slippage_bps, turnover: r.turnover, terminal_log_growth_median: r.terminal_log_growth_median,
        objective: run.objectiveFunction.estimate(run.objective, r),
        feasible: (r.ruin_probability.estimate ?? 1) <= run.objective.maxRuin,
        feasible_confident: (r.ruin_probability.hi ?? 1) <= run.objective.maxRuin,
        ...(d && baseline ? {
          paired_to: {
            baseline: baseline.name, objective: run.objectiveFunction.pairedDifference(run.objective, d),
            ruin_probability: { estimate: d.ruin_probability.estimate, lo: d.ruin_probability.paired.lo, hi: d.ruin_probability.paired.hi },
          },
        } : {}),
      });
    }
    // a chunk containing only the baseline contributes nothing; its own row comes from elsewhere
  }
  return out;
}

/** Least objective among feasible points; if none, least ruin (ties: least objective). */
export function choose(evals: Evaluation[]): Evaluation {
  return evals.reduce((a, b) => (better(b, a) ? b : a));
}

/** b is strictly better than a under `choose`'s order (feasible first, then objective; else ruin). */
export function better(b: Evaluation, a: Evaluation): boolean {
  const obj = (e: Evaluation) => e.objective.estimate ?? Infinity;
  if (a.feasible !== b.feasible) return b.feasible;
  if (b.feasible) return obj(b) < obj(a);
  const ra = a.ruin_probability.estimate ?? 1, rb = b.ruin_probability.estimate ?? 1;
  return rb < ra || (rb === ra && obj(b) < obj(a));
}
