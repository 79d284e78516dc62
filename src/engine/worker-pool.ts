/**
 * A pool of worker threads that simulate block tasks (pacing-worker.ts). Tasks are handed
 * out as workers free up; answers are put back in task order, so the caller sees the same
 * sequence whatever the scheduling.
 */
import { Worker } from "node:worker_threads";
import type { BlockSummary } from "./block-summary.ts";
import type { BlockTask } from "./block-plan.ts";
import type { WorkerInit } from "./pacing-worker.ts";

const WORKER_URL = new URL("./pacing-worker-entry.mjs", import.meta.url);

export async function runOnWorkers(
  count: number, init: WorkerInit, tasks: BlockTask[], progress: (t: BlockTask) => void,
): Promise<{ summary: BlockSummary; trace: Float64Array }[]> {
  const results: { summary: BlockSummary; trace: Float64Array }[] = new Array(tasks.length);
  const workers = Array.from({ length: count }, () => new Worker(WORKER_URL, { execArgv: [] }));
  let next = 0;
  try {
    await Promise.all(workers.map((w) => new Promise<void>((resolve, reject) => {
      w.on("error", reject);
      w.on("exit", (code) => { if (code !== 0) reject(new Error(`pacing worker exited with code ${code}`)); });
      const give = () => {
        if (next >= tasks.length) return resolve();
        const task = tasks[next++];
        w.postMessage({ kind: "task", task });
      };
      w.on("message", (msg: { kind: "done"; summary: BlockSummary; trace: Float64Array } | { kind: "error"; message: string }) => {
        if (msg.kind === "error") return reject(new Error(msg.message));
        const task = tasks.find((t) => t.blockIndex === msg.summary.blockIndex)!;
        results[tasks.indexOf(task)] = { summary: msg.summary, trace: msg.trace };
        progress(task);
        give();
      });
      w.postMessage(init);
      give();
    })));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
