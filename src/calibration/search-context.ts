/**
 * What the studies around a finished search (frontier, robustness, re-calibration) need to
 * run schemes as the search did: the same strategy choices (target, drift, replay), seed,
 * objective and objective function, on a given profile and path count. The objective is read
 * from each scheme's outcome (scheme-runner.ts) as evaluate-schemes.ts reads it, so either
 * objective (growth, maximised; oc-slippage, minimised) works; `worseBy` orders by its sense.
 */
import type { MarketProfile } from "./market-profile.ts";
import type { SearchOptions, SearchResult } from "./pacing-search.ts";
import { profileToScenarioInput } from "./profile-scenario.ts";
import { DEFAULT_OBJECTIVE, worseBy, type Objective, type PacingObjective, type SchemeOutcome } from "./pacing-objective.ts";
import { CE_GROWTH } from "./growth-objective.ts";
import type { ScenarioInput, SchemeConfig } from "../scenario/scenario-schema.ts";
import type { Difference } from "../engine/pacing-results.ts";
import type { Estimate } from "../metrics/intervals.ts";

/** A finished search's way of running and scoring schemes (see the module comment). */
export interface SearchContext {
  objective: Objective; objectiveFunction: PacingObjective; seed: number; workers?: number;
  /** "max": a larger objective is better (growth); "min": a smaller one (costs) */ sense: "max" | "min";
  /** the engine input for `schemes` on `profile` at `paths` paths, with the search's strategy and seed */
  scenarioOf(profile: MarketProfile, paths: number): (schemes: SchemeConfig[]) => ScenarioInput;
  /** the objective of one scheme's outcome (95% interval) */ objectiveOf(s: SchemeOutcome): Estimate;
  /** scheme − baseline of the objective on the same paths (paired 95% interval) */ pairedObjective(s: SchemeOutcome, base: SchemeOutcome, d: Record<string, Difference>): Estimate;
  /** how much worse `b` is than `a` under the objective's sense (> 0: worse) */ worseBy(a: number, b: number): number;
}

/**
 * @param options the options the search ran with (strategy choices, objective, objectiveFunction, workers)
 * @throws Error when the objective function is not the one the search used (pass options.objectiveFunction)
 */
export function searchContext(search: SearchResult, options: SearchOptions = {}): SearchContext {
  const objective: Objective = { ...DEFAULT_OBJECTIVE, ...search.settings.objective, ...options.objective };
  const objectiveFunction = options.objectiveFunction ?? CE_GROWTH;
  if (objectiveFunction.name !== search.settings.objective_function) {
    throw new Error(`searchContext: the search optimised '${search.settings.objective_function}' but '${objectiveFunction.name}' was given — pass the search's objectiveFunction in the options`);
  }
  const seed = search.settings.seed, sense = objectiveFunction.sense;
  return {
    objective, objectiveFunction, seed, workers: options.workers, sense,
    scenarioOf: (profile, paths) => (schemes) => profileToScenarioInput(profile, schemes, { ...options, paths, seed }),
    objectiveOf: (s) => objectiveFunction.estimate(objective, s),
    pairedObjective: (s, base, d) => objectiveFunction.pairedDifference(objective, s, base, d),
    worseBy: (a, b) => worseBy(sense, a, b),
  };
}

/** The 95% half-width of an estimate (null when unknown). */
export function halfWidth(e: Estimate | undefined): number | null {
  return !e || e.lo === null || e.hi === null ? null : (e.hi - e.lo) / 2;
}

/** An estimate turned into "how much worse" under `sense`: as is for "min", negated (bounds swapped) for "max". */
export function asLoss(sense: "max" | "min", e: Estimate): Estimate {
  // 0 − x, not −x: a zero difference stays +0
  return sense === "min" ? e : { estimate: e.estimate === null ? null : 0 - e.estimate, lo: e.hi === null ? null : 0 - e.hi, hi: e.lo === null ? null : 0 - e.lo };
}
