/**
 * One engine run of several candidate schemes on common random numbers (same seed, same
 * paths: the engine's streams depend only on seed and path), reduced to one `Evaluation` per
 * candidate; with a `baseline`, each evaluation also carries the objective's paired
 * difference to it (candidate − baseline, per path).
 */
import type { MarketProfile } from "./market-profile.ts";
import { profileToScenarioInput, type StrategyChoices } from "./profile-scenario.ts";
import type { Params, SchemeKind } from "./scheme-grid.ts";
import { worseBy, type Objective, type PacingObjective } from "./pacing-objective.ts";
import { constraintStatus, preferred, type ConstraintStatus, type ConstrainedPoint } from "./constraint-status.ts";
import { runSchemes } from "./scheme-runner.ts";
import type { Estimate } from "../metrics/intervals.ts";
import type { SchemeConfig } from "../scenario/scenario-schema.ts";

export type Stage = "coarse" | "extend" | "refine" | "interval";

export interface Candidate { kind: SchemeKind | "gp-ema"; params: Params; scheme: SchemeConfig }

export interface Evaluation {
  kind: SchemeKind | "gp-ema"; name: string; params: Params; stage: Stage; paths: number;
  ruin_probability: Estimate; opportunity_cost: Estimate; slippage: Estimate; slippage_bps: Estimate; turnover: Estimate;
  terminal_log_growth_median: Estimate; funding: Estimate; max_drawdown_p95: Estimate;
  /** the objective (`objective_sense` says whether larger or smaller is better) */ objective: Estimate; objective_sense: "max" | "min";
  /** every constraint's estimate ≤ its cap (ruin ≤ p_max; max_drawdown_p95 ≤ d_max when capped) */ feasible: boolean;
  /** every constraint's upper 95% bound ≤ its cap */ feasible_confident: boolean;
  constraints: ConstraintStatus;
  /** objective − baseline's objective on the same paths (paired 95% interval), when run with a baseline */
  paired_to?: { baseline: string; objective: Estimate; ruin_probability: Estimate };
}

export interface EvaluationRun {
  profile: MarketProfile; strategy: StrategyChoices; seed: number; workers?: number;
  objective: Objective; objectiveFunction: PacingObjective;
  /** called with path counts done in this run */ onPaths?: (done: number) => void;
}

/**
 * Evaluates `items` at `paths` paths through runSchemes (scheme-runner.ts: chunks of 64 schemes, each on the same paths).
 * @param baseline scheme config to pair against; it is added to every chunk and not returned
 * @throws UsageError when the profile's scenario is invalid
 */
export async function evaluateSchemes(run: EvaluationRun, items: Candidate[], paths: number, stage: Stage, baseline?: SchemeConfig): Promise<Evaluation[]> {
  const list = items.filter((c) => !baseline || c.scheme.name !== baseline.name);
  const scenarioOf = (configs: SchemeConfig[]) => profileToScenarioInput(run.profile, configs, { ...run.strategy, paths, seed: run.seed });
  const runs = await runSchemes(scenarioOf, list.map((c) => c.scheme), { baseline, workers: run.workers, label: "profile scenario", onPaths: run.onPaths });
  const base = baseline ? runs.get(baseline.name) : undefined;
  return list.map((c): Evaluation => {
    const { outcome, paired: d } = runs.get(c.scheme.name)!, r = outcome.result;
    const status = constraintStatus(run.objective, r);
    return {
      kind: c.kind, name: c.scheme.name, params: c.params, stage, paths,
      ruin_probability: r.ruin_probability, opportunity_cost: r.opportunity_cost, slippage: r.slippage,
      slippage_bps: r.slippage_bps, turnover: r.turnover, terminal_log_growth_median: r.terminal_log_growth_median,
      funding: r.funding, max_drawdown_p95: r.max_drawdown_p95,
      objective: run.objectiveFunction.estimate(run.objective, outcome), objective_sense: run.objectiveFunction.sense,
      feasible: status.feasible, feasible_confident: status.feasible_confident, constraints: status,
      ...(d && baseline && base ? {
        paired_to: {
          baseline: baseline.name, objective: run.objectiveFunction.pairedDifference(run.objective, outcome, base.outcome, d),
          ruin_probability: { estimate: d.ruin_probability.estimate, lo: d.ruin_probability.paired.lo, hi: d.ruin_probability.paired.hi },
        },
      } : {}),
    };
  });
}

/** Best objective among feasible points; if none, least constraint excess (ties: best objective). */
export function choose(evals: Evaluation[]): Evaluation {
  return evals.reduce((a, b) => (better(b, a) ? b : a));
}

/** b is strictly better than a under `choose`'s order (constraint-status.ts `preferred`: feasible first, then objective; else constraint excess). */
export function better(b: Evaluation, a: Evaluation): boolean {
  // as a loss: smaller is better whatever the objective's sense; a missing estimate is worst
  const point = (e: Evaluation): ConstrainedPoint => ({ loss: e.objective.estimate === null ? Infinity : worseBy(e.objective_sense, 0, e.objective.estimate), status: e.constraints });
  return preferred(point(b), point(a));
}
