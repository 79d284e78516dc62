/**
 * A pool of worker threads that simulate block tasks (pacing-worker.ts). Workers start and
 * build their runner first (reported as start-up time); then tasks are handed out as workers
 * free up, and answers are put back in task order, so the caller sees the same sequence
 * whatever the scheduling.
 */
import type { Worker } from "node:worker_threads";
import { startTypeScriptWorker } from "../threads/start-typescript-worker.ts";
import type { BlockSummary } from "./block-summary.ts";
import type { BlockTask } from "./block-plan.ts";
import type { WorkerInit } from "./pacing-worker.ts";

const WORKER_BODY = new URL("./pacing-worker.ts", import.meta.url);

type WorkerMessage =
  | { kind: "ready" }
  | { kind: "done"; summary: BlockSummary; trace: Float64Array }
  | { kind: "error"; message: string };

/** Receives each block's summary (and trace, empty unless traced) as it completes, in any order. */
export type BlockSink = (summary: BlockSummary, trace: Float64Array) => void;

export interface PoolRun {
  /** seconds until every worker had loaded the code and built its runner */
  startupSeconds: number;
  /** seconds from then until the last block was done */
  simulationSeconds: number;
}

export async function runOnWorkers(
  count: number, init: WorkerInit, tasks: BlockTask[], onBlock: BlockSink,
): Promise<PoolRun> {
  const started = performance.now();
  const workers = Array.from({ length: count }, () => startTypeScriptWorker(WORKER_BODY));
  const failed = (w: Worker) => new Promise<never>((_, reject) => {
    w.on("error", reject);
    w.on("exit", (code) => { if (code !== 0) reject(new Error(`pacing worker exited with code ${code}`)); });
  });
  const failures = Promise.race(workers.map(failed));
  failures.catch(() => undefined); // observed through the races below
  try {
    await Promise.race([failures, Promise.all(workers.map((w) => new Promise<void>((resolve, reject) => {
      w.once("message", (msg: WorkerMessage) => (msg.kind === "ready" ? resolve() : reject(new Error(msg.kind === "error" ? msg.message : "pacing worker: unexpected first message"))));
      w.postMessage(init);
    })))]);
    const ready = performance.now();
    let next = 0;
    await Promise.race([failures, Promise.all(workers.map((w) => new Promise<void>((resolve, reject) => {
      const give = () => {
        if (next >= tasks.length) return resolve();
        w.postMessage({ kind: "task", task: tasks[next++] });
      };
      w.on("message", (msg: WorkerMessage) => {
        if (msg.kind === "error") return reject(new Error(msg.message));
        if (msg.kind !== "done") return;
        onBlock(msg.summary, msg.trace);
        give();
      });
      give();
    })))]);
    return { startupSeconds: (ready - started) / 1000, simulationSeconds: (performance.now() - ready) / 1000 };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
