/**
 * Runs market calibrations (calibrate-market.ts) on `lanes` worker threads, one market per
 * lane at a time, taken in order as lanes free up; outcomes come back in task order, so the
 * study's outputs do not depend on the lane count (each market's search runs in its lane's
 * thread with the same seed). With one lane, or one market, they run in this thread instead.
 */
import type { Worker } from "node:worker_threads";
import { startTypeScriptWorker } from "../threads/start-typescript-worker.ts";
import { calibrateMarket, type MarketOutcome, type MarketTask } from "./calibrate-market.ts";
import { UsageError } from "../errors.ts";

const BODY = new URL("./market-calibration-worker.ts", import.meta.url);

type Answer = { kind: "done"; outcome: MarketOutcome } | { kind: "error"; message: string; usage: boolean };

/**
 * @param onDone called as each market completes (in completion order)
 * @throws the first market's error (UsageError when it was one)
 */
export async function calibrateMarkets(tasks: MarketTask[], lanes: number, onDone?: (o: MarketOutcome) => void): Promise<MarketOutcome[]> {
  const out: MarketOutcome[] = new Array(tasks.length);
  if (lanes <= 1 || tasks.length <= 1) {
    for (const [i, t] of tasks.entries()) { out[i] = await calibrateMarket(t); onDone?.(out[i]); }
    return out;
  }
  const workers: Worker[] = Array.from({ length: Math.min(lanes, tasks.length) }, () => startTypeScriptWorker(BODY));
  let next = 0;
  try {
    await Promise.all(workers.map(async (w) => {
      while (next < tasks.length) {
        const i = next++;
        const answer = await new Promise<Answer>((resolve, reject) => {
          const onError = (e: Error) => reject(e);
          w.once("error", onError);
          w.once("message", (m: Answer) => { w.off("error", onError); resolve(m); });
          w.postMessage(tasks[i]);
        });
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
