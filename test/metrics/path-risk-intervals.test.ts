/**
 * The intervals of the new quantile and expected-shortfall estimates are honest: on samples with
 * a known answer they cover it about 95% of the time, and the paired intervals of a difference
 * (same paths) cover 0 as often while being narrower than the unpaired ones.
 */
import { describe, expect, it } from "vitest";
import { PathStream } from "../../src/random/path-stream.ts";
import { normalDraw } from "../../src/random/normal-draw.ts";
import { zigguratTables } from "../../src/random/ziggurat-tables.ts";
import { expectedShortfall, pairedShortfallDifference } from "../../src/metrics/expected-shortfall.ts";
import { quantileInterval, pairedQuantileDifference, quantileOfSorted } from "../../src/metrics/quantile-interval.ts";

const REPS = 400, N = 1000, zig = zigguratTables();
/** ES_5% of N(0, 1): −φ(z_0.05)/0.05. */
const NORMAL_ES5 = -Math.exp(-0.5 * 1.6448536269514722 ** 2) / Math.sqrt(2 * Math.PI) / 0.05;
const NORMAL_Q95 = 1.6448536269514722;

/** Replication r: n pairs (a, b) of standard normals with correlation 0.8. */
function pairs(r: number): [Float64Array, Float64Array] {
  const rng = new PathStream();
  rng.seed(7, 3, r);
  const a = new Float64Array(N), b = new Float64Array(N);
  for (let i = 0; i < N; i++) { a[i] = normalDraw(rng, zig); b[i] = 0.8 * a[i] + 0.6 * normalDraw(rng, zig); }
  return [a, b];
}

/** Coverage within the binomial range of 95% over REPS replications (±3 sd ≈ ±3.3%). */
function expectCoverage(hits: number) {
  expect(hits / REPS).toBeGreaterThan(0.95 - 3 * Math.sqrt(0.95 * 0.05 / REPS));
  expect(hits / REPS).toBeLessThan(0.95 + 3 * Math.sqrt(0.95 * 0.05 / REPS));
}

describe("interval coverage of the path-risk estimators", () => {
  it("expected shortfall at 5%: the influence-function interval covers −φ(z₀.₀₅)/0.05", () => {
    let hits = 0;
    for (let r = 0; r < REPS; r++) {
      const e = expectedShortfall(pairs(r)[0], 0.05);
      if (e.lo! <= NORMAL_ES5 && NORMAL_ES5 <= e.hi!) hits++;
    }
    expectCoverage(hits);
  });

  it("the 95th percentile: the order-statistic interval covers z₀.₉₅", () => {
    let hits = 0;
    for (let r = 0; r < REPS; r++) {
      const e = quantileInterval(Float64Array.from(pairs(r)[0]).sort(), 0.95);
      if (e.lo! <= NORMAL_Q95 && NORMAL_Q95 <= e.hi!) hits++;
    }
    expectCoverage(hits);
  });

  it.each([
    ["expected shortfall", (a: Float64Array, b: Float64Array) => pairedShortfallDifference(a, b, 0.05)!],
    ["95th percentile", (a: Float64Array, b: Float64Array) => pairedQuantileDifference(a, b, 0.95)!],
    ["median", (a: Float64Array, b: Float64Array) => pairedQuantileDifference(a, b, 0.5)!],
  ])("paired difference of the %s: covers the true 0 and is narrower than unpaired", (_name, diff) => {
    let hits = 0, narrower = 0;
    for (let r = 0; r < REPS; r++) {
      const [a, b] = pairs(r);
      const d = diff(a, b);
      if (Math.abs(d.estimate) <= d.paired) hits++;
      if (d.paired < d.unpaired) narrower++;
    }
    expectCoverage(hits);
    expect(narrower / REPS).toBeGreaterThan(0.9); // correlation 0.8: the paired interval is about √(1 − 0.8)·… as wide
  });

  it("quantiles interpolate between order statistics (type 7) and the CVaR averages the worst α·n", () => {
    expect(quantileOfSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileOfSorted([1, 2, 3, 4, 5], 0.95)).toBeCloseTo(4.8, 12);
    const values = Float64Array.from({ length: 100 }, (_, i) => i - 50);
    expect(expectedShortfall(values, 0.05).estimate).toBe(-48); // mean of −50 … −46
    expect(expectedShortfall(values, 0.055).estimate).toBeCloseTo((-50 - 49 - 48 - 47 - 46 - 0.5 * 45) / 5.5, 12);
  });
});
