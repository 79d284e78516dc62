/**
 * A pool of worker threads that simulate block tasks (pacing-worker.ts). Each worker is sent
 * the job (it builds its runner and says it is ready: start-up time) and its first task at
 * once; further tasks are handed out as workers free up. Blocks reach the caller in the order
 * they finish (BlockSink); what the caller computes from them does not depend on that order.
 * A command can start the workers ahead of the run (prestartWorkers), so that their start-up
 * overlaps its own (loading modules, validating the scenario).
 */
import type { Worker } from "node:worker_threads";
import { startTypeScriptWorker } from "../threads/start-typescript-worker.ts";
import type { BlockTask } from "./block-plan.ts";
import type { SimulatedBlock } from "./pacing-block.ts";
import type { WorkerInit } from "./pacing-worker.ts";

const WORKER_BODY = new URL("./pacing-worker.ts", import.meta.url);

/** Workers started by prestartWorkers that no run has taken yet, with whether each is still alive. */
const waiting: { worker: Worker; alive: boolean }[] = [];

/**
 * Starts `count` pacing workers now, for the next runOnWorkers to take instead of starting its
 * own: each loads its bundle (a new Node isolate, ≈ 0.1 s) while the caller goes on. Until a
 * run takes them they do not keep the process alive (an early exit, e.g. a usage error, is not
 * delayed); one that failed meanwhile is replaced by a fresh one when taken. Results do not
 * depend on it: the workers receive the same job and tasks.
 * @returns the workers started (for tests)
 */
export function prestartWorkers(count: number): Worker[] {
  return Array.from({ length: count }, () => {
    const entry = { worker: startTypeScriptWorker(WORKER_BODY), alive: true };
    entry.worker.unref();
    entry.worker.once("error", () => (entry.alive = false)).once("exit", () => (entry.alive = false));
    waiting.push(entry);
    return entry.worker;
  });
}

/** How many prestarted workers wait for a run. */
export function waitingWorkers(): number {
  return waiting.length;
}

/** A prestarted worker that is still alive (held by the process again), or a new one. */
function takeWorker(): Worker {
  for (let entry = waiting.shift(); entry; entry = waiting.shift()) {
    if (entry.alive) {
      entry.worker.ref();
      return entry.worker;
    }
  }
  return startTypeScriptWorker(WORKER_BODY);
}

type WorkerMessage =
  /** `at`: when the worker was ready, in ms since the epoch (performance.timeOrigin + performance.now() in the worker) */
  | { kind: "ready"; at: number }
  | ({ kind: "done" } & SimulatedBlock)
  | { kind: "error"; message: string };

/** Receives each block (its summary, and its traced paths' plots and kept trace if any) as it completes, in any order. */
export type BlockSink = (block: SimulatedBlock) => void;

export interface PoolRun {
  /** seconds from the pool's start until every worker had loaded the code and built its runner (prestarted workers started earlier) */
  startupSeconds: number;
  /** seconds from then until the last block was done */
  simulationSeconds: number;
}

export async function runOnWorkers(
  count: number, init: WorkerInit, tasks: BlockTask[], onBlock: BlockSink,
): Promise<PoolRun> {
  const started = performance.now();
  const workers = Array.from({ length: count }, takeWorker);
  const failed = (w: Worker) => new Promise<never>((_, reject) => {
    w.on("error", reject);
    w.on("exit", (code) => { if (code !== 0) reject(new Error(`pacing worker exited with code ${code}`)); });
  });
  const failures = Promise.race(workers.map(failed));
  failures.catch(() => undefined); // observed through the race below
  let next = 0, ready = started; // the last worker's ready time, on this thread's performance clock
  try {
    await Promise.race([failures, Promise.all(workers.map((w) => new Promise<void>((resolve, reject) => {
      const give = () => {
        if (next >= tasks.length) return resolve();
        w.postMessage({ kind: "task", task: tasks[next++] });
      };
      w.on("message", (msg: WorkerMessage) => {
        if (msg.kind === "error") return reject(new Error(msg.message));
        if (msg.kind === "ready") {
          ready = Math.max(ready, msg.at - performance.timeOrigin); // the message may wait while this thread is busy
          return;
        }
        onBlock(msg);
        give();
      });
      w.postMessage(init);
      give(); // the first task waits behind the init in the worker's queue: no round trip before the work starts
    })))]);
    return { startupSeconds: (ready - started) / 1000, simulationSeconds: (performance.now() - ready) / 1000 };
  } finally {
    for (const w of workers) void w.terminate(); // not awaited: the workers stop while the caller goes on with the results
  }
}
