/**
 * Runs one shard of a pacing scenario: the blocks `--shard i/N` selects (shard-spec.ts),
 * simulated with runPacing, returned as a Shard ready to write or store.
 */
import type { Scenario } from "../scenario/scenario-schema.ts";
import { runPacing, type RunOptions } from "../engine/run-pacing.ts";
import { DEFAULT_BLOCK_PATHS } from "../engine/block-plan.ts";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { gitRevision } from "../io/git-revision.ts";
import { KERNEL_PATH } from "../wasm/load-kernel-module.ts";
import { shardBlockRange, blockCount, type ShardSpec } from "./shard-spec.ts";
import type { Shard } from "./shard-file.ts";

/**
 * @param options as runPacing's, without `blocks` (the shard chooses them)
 * @returns the shard; an empty one (no blocks, nothing simulated) when N exceeds the block count
 * @throws UsageError when the whole run would not fit in memory at the merge (run-memory.ts)
 */
export async function runShard(scenario: Scenario, spec: ShardSpec, options: Omit<RunOptions, "blocks"> = {}): Promise<Shard> {
  const blockPaths = options.blockPaths ?? DEFAULT_BLOCK_PATHS;
  const total = blockCount(scenario.paths, blockPaths);
  const range = shardBlockRange(total, spec);
  // as runPacing: the traced paths are the run's first ones and must fit in block 0
  const tracePaths = Math.min(options.tracePaths ?? 0, scenario.paths, blockPaths);
  const engine = options.engine ?? "wasm";
  const kernel = engine === "wasm" ? createHash("sha256").update(readFileSync(KERNEL_PATH)).digest("hex") : null;
  const base = {
    scenario, blockPaths, engine, tracePaths, gitRevision: gitRevision(), kernel,
    shard: spec, blocks: { ...range, total },
  } as const;
  if (range.count === 0) {
    return { ...base, summaries: [], trace: new Float32Array(0), timing: { simulation_seconds: 0, worker_startup_seconds: 0, workers: 0 } };
  }
  const run = await runPacing(scenario, { ...options, blockPaths, tracePaths, keepTrace: true, blocks: range }); // merge builds the plots from the trace
  return {
    ...base, summaries: run.blocks, trace: run.trace,
    timing: { simulation_seconds: run.timing.simulation_seconds, worker_startup_seconds: run.timing.worker_startup_seconds, workers: run.timing.workers },
  };
}
