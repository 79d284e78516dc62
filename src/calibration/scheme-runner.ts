/**
 * Runs a list of pacing schemes on one market through the engine, in chunks of at most 64
 * schemes (the kernel's lane budget per job; a baseline takes one of them), every chunk on the
 * same seed and paths, so all schemes of one call share common random numbers (the engine's
 * streams depend only on seed and path). With a `baseline`, it is added to every chunk and each
 * scheme also gets its paired differences to it (scheme − baseline, per path;
 * engine/pacing-results.ts). Each scheme's outcome carries its per-path ln(E_T/E₀), which the
 * objectives read (pacing-objective.ts). The one runner of the search's evaluations
 * (evaluate-schemes.ts), the frontier, the robustness draws and the re-calibration comparison.
 */
import type { ScenarioInput, SchemeConfig } from "../scenario/scenario-schema.ts";
import { validateScenario } from "../scenario/validate-scenario.ts";
import { runPacing } from "../engine/run-pacing.ts";
import { pacingResults, perPath, type Difference, type PacingResults } from "../engine/pacing-results.ts";
import type { BlockSummary } from "../engine/block-summary.ts";
import type { SchemeOutcome } from "./pacing-objective.ts";

/** One scheme of a run: its outcome (results, per-path log growth, years) and, with a baseline, its paired differences to it. */
export interface SchemeRun { outcome: SchemeOutcome; paired: Record<string, Difference> | null }

/** Per scheme name, its run. */
export type SchemeRuns = Map<string, SchemeRun>;

/** Runs of at most this many scheme-paths stay in the calling thread (a worker pool costs more to start; results do not depend on workers). */
export const IN_THREAD_SCHEME_PATHS = 60_000;

/** Schemes per engine run, the baseline included. */
export const SCHEMES_PER_RUN = 64;

export interface RunSchemesOptions {
  baseline?: SchemeConfig; workers?: number;
  /** names the scenario in validation errors */ label?: string;
  /** called with the scheme-paths done so far in this call (all chunks) */ onPaths?: (done: number) => void;
}

/** The outcome of a scheme of an engine run, by name: its results and per-path log growths (the objective reads them). */
export function schemeOutcomes(engine: { blocks: BlockSummary[]; job: { schemeNames: string[] }; years: number }, res: PacingResults): (name: string) => SchemeOutcome {
  return (name) => {
    const s = engine.job.schemeNames.indexOf(name);
    return { result: res.schemes[name], logGrowth: perPath(engine.blocks, "logGrowth", s), years: engine.years };
  };
}

/**
 * @param scenarioOf builds the engine input for a list of schemes (market, strategy, paths, seed)
 * @param schemes distinct names; a scheme named like the baseline is left out (the baseline's own run is returned once)
 * @throws UsageError when the scenario is invalid (validateScenario names the field)
 */
export async function runSchemes(scenarioOf: (schemes: SchemeConfig[]) => ScenarioInput, schemes: SchemeConfig[], options: RunSchemesOptions = {}): Promise<SchemeRuns> {
  const out: SchemeRuns = new Map();
  const base = options.baseline;
  const list = base ? schemes.filter((s) => s.name !== base.name) : schemes;
  const chunkSize = base ? SCHEMES_PER_RUN - 1 : SCHEMES_PER_RUN;
  let done = 0;
  for (let i = 0; i < list.length; i += chunkSize) {
    const chunk = list.slice(i, i + chunkSize);
    const configs = base ? [base, ...chunk] : chunk;
    const input = { ...scenarioOf(configs), ...(base ? { baseline: base.name } : {}) };
    const scenario = validateScenario(input, options.label ?? "scheme run");
    const workers = configs.length * scenario.paths <= IN_THREAD_SCHEME_PATHS ? 1 : options.workers;
    const before = done;
    const run = await runPacing(scenario, { workers, onProgress: (d, t) => options.onPaths?.(before + (d / t) * scenario.paths * configs.length) });
    done += scenario.paths * configs.length;
    const res = pacingResults(run.blocks, run.job.schemeNames, run.baseline, run.years);
    const outcome = schemeOutcomes(run, res);
    for (const c of chunk) out.set(c.name, { outcome: outcome(c.name), paired: base ? res.paired_differences.schemes[c.name] : null });
    if (base && !out.has(base.name)) out.set(base.name, { outcome: outcome(base.name), paired: null });
  }
  return out;
}
