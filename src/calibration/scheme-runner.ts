/**
 * Runs a list of pacing schemes on one market through the engine, in chunks of at most 64
 * schemes (the kernel's lane budget per job), every chunk on the same seed and paths, so all
 * schemes of one call share common random numbers (the engine's streams depend only on seed
 * and path). With a `baseline`, it is added to every chunk and each scheme also gets its
 * paired differences to it (scheme − baseline, per path; engine/pacing-results.ts).
 * Used by the frontier, the robustness draws and the re-calibration comparison.
 */
import type { ScenarioInput, SchemeConfig } from "../scenario/scenario-schema.ts";
import { validateScenario } from "../scenario/validate-scenario.ts";
import { runPacing } from "../engine/run-pacing.ts";
import { pacingResults, type Difference, type SchemeResult } from "../engine/pacing-results.ts";

/** Per scheme name: its results and, with a baseline, its paired differences to it. */
export type SchemeRuns = Map<string, { result: SchemeResult; paired: Record<string, Difference> | null }>;

/** Chunks of at most this many scheme-paths run in the calling thread (a worker pool costs more to start). */
const IN_THREAD_SCHEME_PATHS = 60_000;

/**
 * @param scenarioOf builds the engine input for a list of schemes (market, strategy, paths, seed)
 * @param schemes distinct names; the baseline must not be among them
 * @throws UsageError when the scenario is invalid (validateScenario names the field)
 */
export async function runSchemes(scenarioOf: (schemes: SchemeConfig[]) => ScenarioInput, schemes: SchemeConfig[],
  options: { baseline?: SchemeConfig; workers?: number; label?: string } = {}): Promise<SchemeRuns> {
  const out: SchemeRuns = new Map();
  const base = options.baseline;
  const chunkSize = base ? 63 : 64;
  for (let i = 0; i < schemes.length; i += chunkSize) {
    const chunk = schemes.slice(i, i + chunkSize);
    const configs = base ? [base, ...chunk] : chunk;
    const input = { ...scenarioOf(configs), ...(base ? { baseline: base.name } : {}) };
    const scenario = validateScenario(input, options.label ?? "scheme run");
    const workers = configs.length * scenario.paths <= IN_THREAD_SCHEME_PATHS ? 1 : options.workers;
    const run = await runPacing(scenario, { workers });
    const res = pacingResults(run.blocks, run.job.schemeNames, run.baseline, run.years);
    for (const c of chunk) out.set(c.name, { result: res.schemes[c.name], paired: base ? res.paired_differences.schemes[c.name] : null });
    if (base && !out.has(base.name)) out.set(base.name, { result: res.schemes[base.name], paired: null });
  }
  return out;
}
