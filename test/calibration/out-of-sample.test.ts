import { describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { loadPrices } from "../../src/data/load-prices.ts";
import { sliceSeries } from "../../src/calibration/market-profile.ts";
import { outOfSampleValidation } from "../../src/calibration/out-of-sample.ts";

const SPY = new URL("../../../shared/data/spy_yahoo_1d.clean.csv", import.meta.url).pathname;

describe.skipIf(!existsSync(SPY))("out-of-sample validation", () => {
  it("calibrates on the early window and reports each scheme's objective in and out of sample, three ways", async () => {
    const series = loadPrices(SPY, { policy: "repair" }).series;
    const report = await outOfSampleValidation(series, {
      split: 0.6, kinds: ["ema", "asymmetric"], coarsePaths: 64, refinePaths: 64, evaluationPaths: 128, workers: 1, horizonYears: 2,
    });
    expect(report.split.calibration.last).toBe(report.split.validation.first); // the windows meet at the cut price
    expect(report.split.calibration.observations + report.split.validation.observations).toBe(series.close.length - 1);
    expect(report.schemes.map((s) => s.scheme.split("@")[0])).toEqual(["ema", "asymmetric"]);
    for (const s of report.schemes) {
      for (const way of [s.parametric, s.bootstrap, s.replay]) {
        expect(Number.isFinite(way.in_sample.objective.estimate)).toBe(true);
        expect(Number.isFinite(way.out_of_sample.objective.estimate)).toBe(true);
        // positive = worse: the default objective (growth) is maximised, so worse out of sample is in − out
        expect(report.search.settings.objective_sense).toBe("max");
        expect(way.degradation).toBeCloseTo(way.in_sample.objective.estimate! - way.out_of_sample.objective.estimate!, 12);
        expect(way.degradation_interval.estimate).toBe(way.degradation);
      }
    }
    // the two windows are different markets: the bootstrap objectives differ
    expect(report.schemes[0].bootstrap.degradation).not.toBe(0);
  });

  it("refuses a history too short for two windows, saying how many observations each needs", async () => {
    const series = sliceSeries(loadPrices(SPY, { policy: "repair" }).series, 0, 900);
    await expect(outOfSampleValidation(series)).rejects.toThrow(/each window needs ≥ 500 — use a longer history or move --split/);
  });
});
