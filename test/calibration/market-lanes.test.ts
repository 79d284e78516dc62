/**
 * The calibrate-markets lanes (market-lanes.ts) watch their workers: a worker that dies before
 * answering its market rejects the study with an error naming that market, instead of leaving it
 * waiting. The worker body is injected (fixtures/failing-market-worker.ts): it answers at once,
 * or exits / throws on the markets named so.
 */
import { describe, expect, it } from "vitest";
import { calibrateMarkets } from "../../src/calibration/market-lanes.ts";
import type { MarketTask } from "../../src/calibration/calibrate-market.ts";

const BODY = new URL("./fixtures/failing-market-worker.ts", import.meta.url);
/** A hang (the defect) fails here, well before the suite's 120 s timeout. */
const QUICK = 20_000;
const tasks = (...ids: string[]) => ids.map((id) => ({ id }) as MarketTask);

describe("calibrate-markets lanes when a worker dies", () => {
  it("answer in task order when every worker answers", async () => {
    const done: string[] = [];
    const out = await calibrateMarkets(tasks("a", "b", "c"), 2, (o) => done.push(o.id), { body: BODY });
    expect(out.map((o) => o.id)).toEqual(["a", "b", "c"]);
    expect(done.sort()).toEqual(["a", "b", "c"]);
  });

  it("reject, naming the market and the exit code, when its worker exits with code 1 before answering (e.g. killed out of memory)", async () => {
    await expect(calibrateMarkets(tasks("a", "exit-1", "c", "d"), 2, undefined, { body: BODY }))
      .rejects.toThrow(/^calibrate-markets: the worker calibrating exit-1 exited with code 1 before answering .* — rerun with fewer --workers/);
  }, QUICK);

  it("reject when a worker quits with code 0 while its market is unanswered", async () => {
    await expect(calibrateMarkets(tasks("exit-0", "b"), 2, undefined, { body: BODY })).rejects.toThrow(/the worker calibrating exit-0 exited with code 0/);
  }, QUICK);

  it("reject, naming the market, on an uncaught error in its worker", async () => {
    await expect(calibrateMarkets(tasks("a", "throw"), 2, undefined, { body: BODY })).rejects.toThrow(/^throw: its worker failed: injected failure/);
  }, QUICK);
});
