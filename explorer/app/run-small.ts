/**
 * One small RS-1 run in the browser: the scenario with the slider values, encoded once,
 * simulated by the WASM kernel in blocks of 64 paths, folded into the RS-1 metrics with
 * their 95% intervals. Uses only browser-safe modules (no node APIs).
 */
import { J_E0, J_STEPS, J_DT } from "../../assembly/pacing/layout.ts";
import type { ScenarioInput } from "../../src/scenario/scenario-schema.ts";
import { validateScenario } from "../../src/scenario/validate-scenario.ts";
import { encodeJob } from "../../src/scenario/encode-job.ts";
import { createPacingRunner } from "../../src/engine/pacing-block.ts";
import { summarizeBlock, type BlockSummary } from "../../src/engine/block-summary.ts";
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
  const baseline = Math.max(0, scenario.baseline ? job.schemeNames.indexOf(scenario.baseline) : 0);
  const runner = createPacingRunner("wasm", job, module);
  const blocks: BlockSummary[] = [];
  for (let first = 0, b = 0; first < scenario.paths; first += BLOCK, b++) {
    const n = Math.min(BLOCK, scenario.paths - first);
    const { out } = runner.run({ firstPath: first, nPaths: n, nTrace: 0 });
    blocks.push(summarizeBlock(b, first, out, n, job.nSchemes, baseline, job.params[J_E0]));
  }
  const results = pacingResults(blocks, job.schemeNames, baseline, job.params[J_STEPS] * job.params[J_DT]);
  return { results, schemeNames: job.schemeNames, milliseconds: performance.now() - started };
}
