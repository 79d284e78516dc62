/**
 * Worker thread body of the calibrate-markets study: receives market tasks one at a time,
 * answers each with its outcome (calibrate-market.ts) or the error's message.
 */
import { parentPort } from "node:worker_threads";
import { calibrateMarket, type MarketTask } from "./calibrate-market.ts";

parentPort!.on("message", async (task: MarketTask) => {
  try {
    parentPort!.postMessage({ kind: "done", outcome: await calibrateMarket(task) });
  } catch (error) {
    parentPort!.postMessage({ kind: "error", message: error instanceof Error ? error.message : String(error), usage: error instanceof Error && error.name === "UsageError" });
  }
});
