import { describe, expect, it } from "vitest";
import { pacingSearch } from "../../src/calibration/pacing-search.ts";
import { recalibrationComparison, wayMarket, WAYS } from "../../src/calibration/recalibration.ts";
import { searchContext } from "../../src/calibration/search-context.ts";
import { simulateReturns } from "./simulated-market.ts";
import { knownMarketProfile } from "./known-market.ts";

const cheap = { coarsePaths: 128, refinePaths: 256, intervalPaths: 128, horizonYears: 1, workers: 1, seed: 5, extensionRounds: 2, refineSteps: 2, kinds: ["ema" as const] };
// the same market and signal, but the later window's book is 300× thinner: trading fast costs far more there
const early = knownMarketProfile({ sigma: 0.2, alphaSd: 0.4, tauSteps: 40, depth: 3000, spread: 0.0005 });
const late = knownMarketProfile({ sigma: 0.2, alphaSd: 0.4, tauSteps: 40, depth: 10, spread: 0.0005 });
const lateReturns = Array.from(simulateReturns({ steps: 600, stepsPerYear: 252, seed: 9, sigma: [0.2, 0.2], transition: [[0.98, 0.02], [0.02, 0.98]] }));

describe("re-calibrating on a later window, compared on the same paths", async () => {
  const sEarly = await pacingSearch(early, cheap), sLate = await pacingSearch(late, cheap);
  const ctx = searchContext(sEarly, cheap);
  const markets = {
    parametric: wayMarket(ctx.scenarioOf, late),
    bootstrap: wayMarket(ctx.scenarioOf, late, { kind: "bootstrap", returns: lateReturns, meanBlock: 20 }),
    replay: wayMarket(ctx.scenarioOf, late, { kind: "replay", returns: lateReturns, meanBlock: 20 }),
  };
  const report = await recalibrationComparison(sEarly, sLate, markets, 256, cheap);
  const ema = report.kinds[0];

  it("moves the pace the way the market moved: a thinner later book chooses a slower EMA rate, outside the in-sample interval", () => {
    expect(ema.later_window.params.lambda).toBeLessThan(ema.in_sample.params.lambda);
    expect(ema.later_window.parameter_interval.lambda.hi).toBeLessThan(ema.in_sample.params.lambda);
    expect(ema.identical).toBe(false);
  });

  it("keeping the in-sample pace on the thinner book is significantly worse (positive = worse), paired on the same paths, in every comparison", () => {
    for (const w of WAYS) {
      const d = ema.paired[w];
      expect(d.objective.lo!).toBeGreaterThan(0);
      // the paired difference is how much worse the in-sample pace's objective is on those paths (growth, maximised: re − in)
      expect(sEarly.settings.objective_sense).toBe("max");
      expect(d.objective.estimate!).toBeCloseTo(d.recalibrated_pace.objective.estimate! - d.in_sample_pace.objective.estimate!, 10);
    }
  });

  it("its paired interval covers the difference measured on 16× the paths", async () => {
    const big = await recalibrationComparison(sEarly, sLate, { ...markets }, 4096, cheap);
    for (const w of WAYS) {
      const small = ema.paired[w].objective, truth = big.kinds[0].paired[w].objective.estimate!;
      expect(small.lo!).toBeLessThanOrEqual(truth);
      expect(small.hi!).toBeGreaterThanOrEqual(truth);
    }
  });

  it("the same market in both windows chooses the same pace, and every paired difference is exactly 0", async () => {
    const same = await recalibrationComparison(sEarly, sEarly, { parametric: wayMarket(ctx.scenarioOf, early), bootstrap: markets.bootstrap, replay: markets.replay }, 128, cheap);
    expect(same.kinds[0].identical).toBe(true);
    for (const w of WAYS) expect(same.kinds[0].paired[w].objective).toEqual({ estimate: 0, lo: 0, hi: 0 });
  });
});
