/**
 * Runs a pacing scenario: plans blocks of paths, simulates them on the WASM kernel (or the
 * TS twin) in this thread or on worker threads, and returns the block summaries in block
 * order plus the plots (and, if asked, the trace) of the first paths. Results are identical
 * for any worker count.
 */
import { availableParallelism } from "node:os";
import type { Scenario } from "../scenario/scenario-schema.ts";
import { encodeJob, baselineIndex, horizonYears, type PacingJob } from "../scenario/encode-job.ts";
import { createPacingRunner, simulateBlockSummary, type Engine } from "./pacing-block.ts";
import type { BlockSummary } from "./block-summary.ts";
import type { TracePlots } from "./pacing-trace.ts";
import { checkRunMemory, runSizeOf } from "./run-memory.ts";
import { planBlocks, DEFAULT_BLOCK_PATHS, type BlockTask } from "./block-plan.ts";
import { runOnWorkers, type BlockSink } from "./worker-pool.ts";
import { BlockFold } from "./block-fold.ts";
import { loadKernelModule } from "../wasm/load-kernel-module.ts";
import { fail } from "../errors.ts";
import { J_PATH_RISK } from "../../assembly/pacing/layout.ts";

export interface RunOptions {
  /** worker threads; 1 runs in this thread. Default: all cores. */
  workers?: number;
  engine?: Engine;
  blockPaths?: number;
  /** number of leading paths traced for the plots (run.plots); they must fit in block 0, fewer are traced otherwise */
  tracePaths?: number;
  /**
   * also return the traced paths' trajectories in run.trace (shards, tests). Default false: the
   * plots are built where each chunk of paths is simulated and the trace is not kept (a full
   * RS-1 trace is 23 MB)
   */
  keepTrace?: boolean;
  /** only these blocks (for shards): indices [first, first + count) of the plan; implies keepBlocks */
  blocks?: { first: number; count: number };
  /**
   * keep every block's summary in `blocks` (shards need them to merge exactly); by default the
   * blocks are folded as they arrive into one summary, so memory does not grow with the block count
   */
  keepBlocks?: boolean;
  /** called as blocks complete, with the paths done so far and the total */
  onProgress?: (pathsDone: number, pathsTotal: number) => void;
  /**
   * accumulate the path-risk metrics in the kernel (maximum drawdown, time under water); default
   * true. Off only to measure their cost (bench): their estimates are then null.
   */
  pathRisk?: boolean;
}

export interface PacingRun {
  job: PacingJob;
  baseline: number;
  years: number;
  /** every block's summary in block order (keepBlocks), else one summary folding them all */
  blocks: BlockSummary[];
  /** the plots of the traced paths (pacing-trace.ts), null when none were traced */
  plots: TracePlots | null;
  /** with keepTrace: tracePaths × T × (TRACE_FIXED + 2·nSchemes), see layout.ts, the kernel's single-precision values; else empty */
  trace: Float32Array;
  /** the paths traced for the plots (0 when none) */
  tracePaths: number;
  /** simulation_seconds excludes worker start-up (loading code, building runners), reported apart */
  timing: { simulation_seconds: number; worker_startup_seconds: number; workers: number; engine: Engine };
}

/**
 * @throws RangeError for a worker count or block range out of range; UsageError when the run's per-path
 *   store or trace would not fit in memory (run-memory.ts), before any block runs
 */
export async function runPacing(scenario: Scenario, options: RunOptions = {}): Promise<PacingRun> {
  const workers = options.workers ?? availableParallelism();
  if (!Number.isInteger(workers) || workers < 1 || workers > 256) {
    fail(RangeError, "--workers", `must be an integer in [1, 256]; got ${workers}`, "use e.g. --workers 2");
  }
  const engine = options.engine ?? "wasm";
  const job = encodeJob(scenario);
  if (options.pathRisk === false) job.params[J_PATH_RISK] = 0;
  const baseline = baselineIndex(scenario, job);
  const tracePaths = Math.min(options.tracePaths ?? 0, scenario.paths, options.blockPaths ?? DEFAULT_BLOCK_PATHS);
  checkRunMemory(runSizeOf(scenario, tracePaths)); // every caller (study, shard, library, --pace) refuses before any block, not at the end
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
  const keep = options.keepBlocks === true || options.blocks !== undefined;
  const kept: BlockSummary[] = [];
  const fold = keep ? null : new BlockFold(job.nSchemes, tasks[0].blockIndex, tasks[0].firstPath, total);
  let trace = new Float32Array(0), plots: TracePlots | null = null, done = 0;
  const onBlock: BlockSink = ({ summary, plots: blockPlots, trace: blockTrace }) => {
    if (blockPlots) plots = blockPlots;
    if (blockTrace.length > 0) trace = blockTrace;
    if (fold) fold.add(summary);
    else kept[summary.blockIndex - tasks[0].blockIndex] = summary;
    done += summary.nPaths;
    options.onProgress?.(done, total);
  };

  const keepTrace = options.keepTrace === true;
  const inThread = workers === 1 || tasks.length === 1;
  let seconds: number, startup = 0;
  if (inThread) {
    const start = performance.now();
    runInThread(engine, job, baseline, tasks, keepTrace, onBlock, module);
    seconds = (performance.now() - start) / 1000;
  } else {
    const pool = await runOnWorkers(Math.min(workers, tasks.length), { kind: "init", engine, module: module!, job, baseline, keepTrace }, tasks, onBlock);
    ({ simulationSeconds: seconds, startupSeconds: startup } = pool);
  }
  return {
    job, baseline, years: horizonYears(job),
    blocks: fold ? [fold.result()] : kept,
    plots,
    trace,
    tracePaths: plots ? tracePaths : 0,
    timing: { simulation_seconds: seconds, worker_startup_seconds: startup, workers: inThread ? 1 : Math.min(workers, tasks.length), engine },
  };
}

function runInThread(
  engine: Engine, job: PacingJob, baseline: number, tasks: BlockTask[], keepTrace: boolean, onBlock: BlockSink, module?: WebAssembly.Module,
): void {
  const runner = createPacingRunner(engine, job, module);
  for (const task of tasks) onBlock(simulateBlockSummary(runner, job, baseline, task, keepTrace));
}
