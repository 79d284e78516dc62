/**
 * One small RS-1 run in the browser: the scenario with the slider values, encoded once,
 * simulated by the WASM kernel in blocks of 64 paths, folded into the RS-1 metrics with
 * their 95% intervals. Uses only browser-safe modules (no node APIs).
 */
import type { ScenarioInput } from "../../src/scenario/scenario-schema.ts";
import { validateScenario } from "../../src/scenario/validate-scenario.ts";
import { encodeJob, baselineIndex, horizonYears } from "../../src/scenario/encode-job.ts";
import { createPacingRunner, simulateBlockSummary } from "../../src/engine/pacing-block.ts";
import { planBlocks } from "../../src/engine/block-plan.ts";
import { pacingResults, type PacingResults } from "../../src/engine/pacing-results.ts";

export interface SmallRun {
  results: PacingResults;
  schemeNames: string[];
  milliseconds: number;
}

const BLOCK = 64;

/**
 * @param module the compiled build/kernel.wasm
 * @throws UsageError when the slider values make an invalid scenario (message lists the fields)
 */
export function runSmall(module: WebAssembly.Module, input: ScenarioInput): SmallRun {
  const started = performance.now();
  const scenario = validateScenario(input, "explorer");
  const job = encodeJob(scenario);
  const baseline = baselineIndex(scenario, job);
  const runner = createPacingRunner("wasm", job, module);
  const blocks = planBlocks(scenario.paths, BLOCK).map((task) => simulateBlockSummary(runner, job, baseline, task).summary);
  const results = pacingResults(blocks, job.schemeNames, baseline, horizonYears(job));
  return { results, schemeNames: job.schemeNames, milliseconds: performance.now() - started };
}
