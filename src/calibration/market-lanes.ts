/**
 * Runs market calibrations (calibrate-market.ts) on `lanes` worker threads, one market per
 * lane at a time, taken in order as lanes free up; outcomes come back in task order, so the
 * study's outputs do not depend on the lane count (each market's search runs in its lane's
 * thread with the same seed). With one lane, or one market, they run in this thread instead.
 *
 * A lane watches its worker like the pacing pool does (engine/worker-pool.ts): a worker that
 * exits before answering its market (killed for running out of memory, a crash, process.exit)
 * or reports an uncaught error rejects the study with an error naming that market, instead of
 * leaving the study waiting for an answer that will never come; the other lanes take no further
 * market and every worker is terminated.
 */
import type { Worker } from "node:worker_threads";
import { startTypeScriptWorker } from "../threads/start-typescript-worker.ts";
import { calibrateMarket, type MarketOutcome, type MarketTask } from "./calibrate-market.ts";
import { UsageError } from "../errors.ts";

const BODY = new URL("./market-calibration-worker.ts", import.meta.url);

type Answer = { kind: "done"; outcome: MarketOutcome } | { kind: "error"; message: string; usage: boolean };

export interface MarketLanesOptions {
  /** the worker body (default market-calibration-worker.ts; tests inject one that dies) */ body?: URL;
}

/** The error of a worker that exited with `code` while calibrating market `id`. */
export function workerExitError(id: string, code: number): Error {
  return new Error(`calibrate-markets: the worker calibrating ${id} exited with code ${code} before answering (killed for running out of memory, or a crash) — rerun with fewer --workers (each lane holds one market's search), or calibrate ${id} alone with npm run calibrate to see its error`);
}

/**
 * @param onDone called as each market completes (in completion order)
 * @throws the first market's error (UsageError when it was one); an Error naming the market when its worker exits or fails before answering
 */
export async function calibrateMarkets(tasks: MarketTask[], lanes: number, onDone?: (o: MarketOutcome) => void, options: MarketLanesOptions = {}): Promise<MarketOutcome[]> {
  const out: MarketOutcome[] = new Array(tasks.length);
  if (lanes <= 1 || tasks.length <= 1) {
    for (const [i, t] of tasks.entries()) { out[i] = await calibrateMarket(t); onDone?.(out[i]); }
    return out;
  }
  const workers: Worker[] = Array.from({ length: Math.min(lanes, tasks.length) }, () => startTypeScriptWorker(options.body ?? BODY));
  let next = 0;
  try {
    await Promise.all(workers.map(async (w) => {
      // the market this lane waits on, and how its worker ended (null while it runs)
      let pending: { id: string; reject: (e: Error) => void } | null = null, exitCode: number | null = null;
      w.on("error", (e: Error) => pending?.reject(new Error(`${pending.id}: its worker failed: ${e.message}`)));
      w.on("exit", (code: number) => { exitCode = code; pending?.reject(workerExitError(pending.id, code)); });
      while (next < tasks.length) {
        const i = next++;
        const answer = await new Promise<Answer>((resolve, reject) => {
          if (exitCode !== null) { reject(workerExitError(tasks[i].id, exitCode)); return; } // died between markets
          pending = { id: tasks[i].id, reject };
          w.once("message", (m: Answer) => { pending = null; resolve(m); });
          w.postMessage(tasks[i]);
        }).catch((e: unknown) => { next = tasks.length; throw e; });
        if (answer.kind === "error") { next = tasks.length; throw answer.usage ? new UsageError(answer.message) : new Error(`${tasks[i].id}: ${answer.message}`); }
        out[i] = answer.outcome;
        onDone?.(answer.outcome);
      }
    }));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return out;
}
