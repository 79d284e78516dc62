/**
 * What the studies around a finished search (frontier, robustness, re-calibration) need to
 * run schemes as the search did: the same strategy choices, seed, objective and objective
 * function, on a given profile and path count.
 */
import type { MarketProfile } from "./market-profile.ts";
import type { SearchOptions, SearchResult } from "./pacing-search.ts";
import { profileToScenarioInput } from "./profile-scenario.ts";
import { DEFAULT_OBJECTIVE, OC_SLIPPAGE, type Objective, type PacingObjective } from "./pacing-objective.ts";
import type { ScenarioInput, SchemeConfig } from "../scenario/scenario-schema.ts";
import type { SchemeResult, Difference } from "../engine/pacing-results.ts";
import type { Estimate } from "../metrics/intervals.ts";

export interface SearchContext {
  objective: Objective; objectiveFunction: PacingObjective; seed: number; workers?: number;
  /** the engine input for `schemes` on `profile` at `paths` paths, with the search's strategy and seed */
  scenarioOf(profile: MarketProfile, paths: number): (schemes: SchemeConfig[]) => ScenarioInput;
  /** the objective of one scheme's results (95% interval) */ objectiveOf(r: SchemeResult): Estimate;
  /** scheme − baseline of the objective (paired 95% interval) */ pairedObjective(d: Record<string, Difference>): Estimate;
}

/**
 * @param options the options the search ran with (strategy choices, objective, workers)
 * @throws Error when the objective function is not the one the search used (pass options.objectiveFunction)
 */
export function searchContext(search: SearchResult, options: SearchOptions = {}): SearchContext {
  const objective: Objective = { ...DEFAULT_OBJECTIVE, ...search.settings.objective, ...options.objective };
  const objectiveFunction = options.objectiveFunction ?? OC_SLIPPAGE;
  if (objectiveFunction.name !== search.settings.objective_function) {
    throw new Error(`searchContext: the search minimised '${search.settings.objective_function}' but '${objectiveFunction.name}' was given — pass the search's objectiveFunction in the options`);
  }
  const seed = search.settings.seed;
  return {
    objective, objectiveFunction, seed, workers: options.workers,
    scenarioOf: (profile, paths) => (schemes) => profileToScenarioInput(profile, schemes, { ...options, paths, seed }),
    objectiveOf: (r) => objectiveFunction.estimate(objective, r),
    pairedObjective: (d) => objectiveFunction.pairedDifference(objective, d),
  };
}

/** The 95% half-width of an estimate (null when unknown). */
export function halfWidth(e: Estimate | undefined): number | null {
  return !e || e.lo === null || e.hi === null ? null : (e.hi - e.lo) / 2;
}
