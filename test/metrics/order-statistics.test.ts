import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { orderStatistics } from "../../src/metrics/order-statistics.ts";

/** Non-decreasing ranks in [0, n) (repeats included) drawn from a seed list. */
const ranksOf = (n: number, picks: number[]) => picks.map((u) => Math.floor(u * n)).sort((a, b) => a - b);

describe("orderStatistics", () => {
  it("returns what a full ascending sort places at each rank, for any sample and ranks (ties, infinities and NaN included)", () => {
    const value = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), fc.integer({ min: -3, max: 3 }), fc.constantFrom(Infinity, -Infinity, NaN));
    fc.assert(fc.property(fc.array(value, { minLength: 1, maxLength: 300 }), fc.array(fc.double({ min: 0, max: 0.999999, noNaN: true }), { minLength: 1, maxLength: 6 }), (xs, picks) => {
      const ranks = ranksOf(xs.length, picks);
      const sorted = Float64Array.from(xs).sort();
      const got = orderStatistics(Float64Array.from(xs), ranks);
      got.forEach((v, i) => expect(Number.isNaN(v) ? "NaN" : v === 0 ? 0 : v).toEqual(Number.isNaN(sorted[ranks[i]]) ? "NaN" : sorted[ranks[i]] === 0 ? 0 : sorted[ranks[i]]));
    }), { numRuns: 500 });
  });

  it("finds the quintiles of a shuffled 0…199 exactly", () => {
    const xs = Float64Array.from({ length: 200 }, (_, i) => (i * 73) % 200);
    expect(orderStatistics(xs, [10, 50, 100, 149, 189])).toEqual([10, 50, 100, 149, 189]);
  });

  it("refuses ranks out of range or out of order, saying how to pass them", () => {
    expect(() => orderStatistics(new Float64Array(5), [5])).toThrow(/integers in \[0, 5\)/);
    expect(() => orderStatistics(new Float64Array(5), [3, 1])).toThrow(/smallest first/);
  });
});
