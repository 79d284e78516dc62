import { describe, expect, it } from "vitest";
import { alphaForMeanLog, windowMeanLog, parseDrift } from "../../src/calibration/market-drift.ts";
import { pacingSearch } from "../../src/calibration/pacing-search.ts";
import { knownMarketProfile } from "./known-market.ts";
import type { MarketProfile } from "../../src/calibration/market-profile.ts";
import type { PriceSeries } from "../../src/data/price-series.ts";

describe("the simulated market's drift: the history's mean log return per year", () => {
  it("ᾱ = m + ½σ² with one volatility and no jumps; the jump compensator's convexity with jumps", () => {
    const p = knownMarketProfile({ sigma: 0.2, alphaSd: 0, tauSteps: 40, depth: 1e12, spread: 0 });
    expect(alphaForMeanLog(p, 0.05)).toBeCloseTo(0.05 + 0.02, 12);
    const withJumps = { ...p, engine_market: { ...p.engine_market, jumps: { intensity_per_year: 2, mean_log: -0.1, sd_log: 0.2 } } } as MarketProfile;
    expect(alphaForMeanLog(withJumps, 0.05)).toBeCloseTo(0.07 + 2 * (Math.expm1(-0.1 + 0.02) + 0.1), 12);
  });

  it("a constant book at leverage 1 with no costs earns m a year in the engine (within its interval)", async () => {
    const p = knownMarketProfile({ sigma: 0.2, alphaSd: 0, tauSteps: 40, depth: 1e12, spread: 0 });
    const s = await pacingSearch(p, { kinds: ["instant"], coarsePaths: 16000, refinePaths: 16000, intervalPaths: 64, horizonYears: 1, workers: 1, seed: 1,
      target: { kind: "constant", leverage: 1 }, drift: alphaForMeanLog(p, 0.05), objective: { maxRuin: 1 } });
    const g = s.recommendations.instant.evaluation.objective;
    // the book starts flat: step 1 earns nothing (m/252 less)
    const expected = 0.05 * (251 / 252);
    expect(g.lo!).toBeLessThan(expected);
    expect(g.hi!).toBeGreaterThan(expected);
    expect(g.hi! - g.lo!).toBeLessThan(0.015);
  });

  it("reads the window's prices by calendar years, and --drift values", () => {
    const dates = ["2020-01-01", "2020-07-01", "2021-01-01", "2022-01-01"];
    const series = { dates, close: Float64Array.from([100, 90, 110, 121]) } as unknown as PriceSeries;
    const profile = { window: { first_date: "2020-01-01", last_date: "2021-01-01" } } as MarketProfile;
    expect(windowMeanLog(series, profile)).toBeCloseTo(Math.log(1.1) / (366 / 365.25), 12);
    expect(parseDrift(undefined)).toBe("history");
    expect(parseDrift("0")).toBe(0);
    expect(() => parseDrift("11")).toThrow(/--drift: must be "history" or an expected return per year in \[-10, 10\]/);
  });
});
