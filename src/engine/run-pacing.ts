/**
 * Runs a pacing scenario: plans blocks of paths, simulates them on the WASM kernel (or the
 * TS twin) in this thread or on worker threads, and returns the block summaries in block
 * order plus the trace of the first paths. Results are identical for any worker count.
 */
import { availableParallelism } from "node:os";
import { J_E0, J_STEPS, J_DT } from "../../assembly/pacing/layout.ts";
import type { Scenario } from "../scenario/scenario-schema.ts";
import { encodeJob, type PacingJob } from "../scenario/encode-job.ts";
import { createPacingRunner, type Engine } from "./pacing-block.ts";
import { summarizeBlock, type BlockSummary } from "./block-summary.ts";
import { planBlocks, DEFAULT_BLOCK_PATHS, type BlockTask } from "./block-plan.ts";
import { runOnWorkers } from "./worker-pool.ts";
import { loadKernelModule } from "../wasm/load-kernel-module.ts";
import { fail } from "../errors.ts";

export interface RunOptions {
  /** worker threads; 1 runs in this thread. Default: all cores. */
  workers?: number;
  engine?: Engine;
  blockPaths?: number;
  /** number of leading paths whose full trajectories are kept (for plots) */
  tracePaths?: number;
  /** only these blocks (for shards): indices [first, first + count) of the plan */
  blocks?: { first: number; count: number };
  onProgress?: (pathsDone: number, pathsTotal: number) => void;
}

export interface PacingRun {
  job: PacingJob;
  baseline: number;
  years: number;
  blocks: BlockSummary[];
  /** tracePaths × T × (TRACE_FIXED + 2·nSchemes), see layout.ts */
  trace: Float64Array;
  tracePaths: number;
  /** simulation_seconds excludes worker start-up (loading code, building runners), reported apart */
  timing: { simulation_seconds: number; worker_startup_seconds: number; workers: number; engine: Engine };
}

/** @throws RangeError for a worker count or block range out of range */
export async function runPacing(scenario: Scenario, options: RunOptions = {}): Promise<PacingRun> {
  const workers = options.workers ?? availableParallelism();
  if (!Number.isInteger(workers) || workers < 1 || workers > 256) {
    fail(RangeError, "--workers", `must be an integer in [1, 256]; got ${workers}`, "use e.g. --workers 2");
  }
  const engine = options.engine ?? "wasm";
  const job = encodeJob(scenario);
  const baseline = baselineIndex(scenario, job);
  const tracePaths = Math.min(options.tracePaths ?? 0, scenario.paths, options.blockPaths ?? DEFAULT_BLOCK_PATHS);
  let tasks = planBlocks(scenario.paths, options.blockPaths, tracePaths);
  if (options.blocks) {
    const { first, count } = options.blocks;
    if (first < 0 || count < 1 || first + count > tasks.length) {
      fail(RangeError, "blocks", `range [${first}, ${first + count}) outside the plan of ${tasks.length} blocks`);
    }
    tasks = tasks.slice(first, first + count);
  }
  const module = engine === "wasm" ? loadKernelModule() : undefined;
  const total = tasks.reduce((a, t) => a + t.nPaths, 0);
  let done = 0;
  const progress = (t: BlockTask) => { done += t.nPaths; options.onProgress?.(done, total); };

  const inThread = workers === 1 || tasks.length === 1;
  let results: { summary: BlockSummary; trace: Float64Array }[], seconds: number, startup = 0;
  if (inThread) {
    const start = performance.now();
    results = runInThread(engine, job, baseline, tasks, progress, module);
    seconds = (performance.now() - start) / 1000;
  } else {
    const pool = await runOnWorkers(Math.min(workers, tasks.length), { kind: "init", engine, module: module!, job, baseline }, tasks, progress);
    ({ results, simulationSeconds: seconds, startupSeconds: startup } = pool);
  }
  const traced = results.find((r) => r.trace.length > 0);
  return {
    job, baseline, years: horizonYears(job),
    blocks: results.map((r) => r.summary),
    trace: traced ? traced.trace : new Float64Array(0),
    tracePaths: traced ? tracePaths : 0,
    timing: { simulation_seconds: seconds, worker_startup_seconds: startup, workers: inThread ? 1 : Math.min(workers, tasks.length), engine },
  };
}

/** Index of the scheme paired differences are taken against: the named baseline, else the first. */
export function baselineIndex(scenario: Scenario, job: PacingJob): number {
  return Math.max(0, scenario.baseline ? job.schemeNames.indexOf(scenario.baseline) : 0);
}

/** The horizon T·dt in years: RS-1's annualising divisor. */
export function horizonYears(job: PacingJob): number {
  return job.params[J_STEPS] * job.params[J_DT];
}

function runInThread(
  engine: Engine, job: PacingJob, baseline: number, tasks: BlockTask[], progress: (t: BlockTask) => void,
  module?: WebAssembly.Module,
): { summary: BlockSummary; trace: Float64Array }[] {
  const runner = createPacingRunner(engine, job, module);
  return tasks.map((task) => {
    const { out, trace } = runner.run(task);
    const summary = summarizeBlock(task.blockIndex, task.firstPath, out, task.nPaths, job.nSchemes, baseline, job.params[J_E0]);
    progress(task);
    return { summary, trace };
  });
}
