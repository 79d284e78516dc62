/**
 * Worker thread body: receives the compiled kernel and a job once, then block tasks;
 * answers each with its block summary (and, for block 0, the plots of its traced paths and
 * their trace if kept). See worker-pool.ts.
 */
import { parentPort } from "node:worker_threads";
import { createPacingRunner, simulateBlockSummary, type Engine, type PacingBlockRunner } from "./pacing-block.ts";
import type { PacingJob } from "../scenario/encode-job.ts";
import type { BlockTask } from "./block-plan.ts";
import { PER_PATH } from "./block-summary.ts";

export interface WorkerInit { kind: "init"; engine: Engine; module: WebAssembly.Module; job: PacingJob; baseline: number; keepTrace: boolean }
export interface WorkerTask { kind: "task"; task: BlockTask }

let runner: PacingBlockRunner | null = null;
let init: WorkerInit | null = null;

parentPort!.on("message", (msg: WorkerInit | WorkerTask) => {
  try {
    if (msg.kind === "init") {
      init = msg;
      runner = createPacingRunner(msg.engine, msg.job, msg.module);
      parentPort!.postMessage({ kind: "ready", at: performance.timeOrigin + performance.now() }); // when, in wall-clock ms: the pool may read the message later
      return;
    }
    const { summary, plots, trace } = simulateBlockSummary(runner!, init!.job, init!.baseline, msg.task, init!.keepTrace);
    parentPort!.postMessage({ kind: "done", summary, plots, trace }, [trace.buffer, ...PER_PATH.flatMap((k) => summary[k].map((g) => g.buffer))]);
  } catch (error) {
    parentPort!.postMessage({ kind: "error", message: error instanceof Error ? error.message : String(error) });
  }
});
