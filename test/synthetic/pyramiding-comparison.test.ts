/**
 * Pyramiding against holding the target on a history: P&L, volatility and drawdown by hand,
 * and the circular moving-block bootstrap behind their intervals.
 */
import { describe, expect, it } from "vitest";
import { comparePyramiding, pnlFigures } from "../../src/synthetic/pyramiding-comparison.ts";
import { blockBootstrapIndices, quantileSorted } from "../../src/synthetic/block-bootstrap.ts";

describe("P&L figures of a position path", () => {
  it("total, sample sd of daily P&L and the largest fall from a peak (capital included)", () => {
    // equity 100 → 110 → 104.5 → 99 → 108.9... d = [10, -5.5, -5.5, 9.9]
    const f = pnlFigures([10, -5.5, -5.5, 9.9], 100);
    expect(f.total).toBeCloseTo(8.9, 12);
    const mean = 8.9 / 4, ss = [10, -5.5, -5.5, 9.9].reduce((s, v) => s + (v - mean) ** 2, 0);
    expect(f.volatility).toBeCloseTo(Math.sqrt(ss / 3), 12);
    expect(f.maxDrawdown).toBeCloseTo(1 - 99 / 110, 12);
    expect(pnlFigures([-10, 5], 100).maxDrawdown).toBeCloseTo(0.1, 12); // the capital is the first peak
  });
});

describe("circular moving-block bootstrap", () => {
  it("draws blocks of consecutive indices (wrapping), reproducibly per (seed, replicate)", () => {
    const a = blockBootstrapIndices(new Int32Array(50), 7, 11, 0), b = blockBootstrapIndices(new Int32Array(50), 7, 11, 0);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(blockBootstrapIndices(new Int32Array(50), 7, 11, 1)));
    for (let t = 0; t < 50; t++) if (t % 7 !== 0) expect(a[t]).toBe((a[t - 1] + 1) % 50);
    expect(() => blockBootstrapIndices(new Int32Array(5), 0, 1, 0)).toThrow(/block: must be a positive integer; got 0/);
  });

  it("quantiles interpolate between order statistics (type 7)", () => {
    expect(quantileSorted([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(quantileSorted([0, 10], 0.025)).toBeCloseTo(0.25, 14);
  });
});

describe("comparePyramiding", () => {
  const n = 400;
  const price = Array.from({ length: n }, (_, t) => 100 + 10 * Math.sin(t / 15) + t * 0.02);
  const target = price.map((_, t) => 1000 + 300 * Math.cos(t / 9));
  const pyramided = target.map((v) => 0.8 * v);

  it("estimates are the history's figures; the difference is paired; intervals bracket them", () => {
    const c = comparePyramiding({ target, pyramided, price, capital: 1e6, stepsPerYear: 252, block: 20, replicates: 400, seed: 5 });
    const d = (p: number[]) => p.slice(0, n - 1).map((q, j) => q * (price[j + 1] - price[j]));
    expect(c.no_pyramiding.total.estimate).toBeCloseTo(pnlFigures(d(target), 1e6).total, 8);
    expect(c.difference.total.estimate).toBeCloseTo(c.pyramiding.total.estimate! - c.no_pyramiding.total.estimate!, 8);
    expect(c.pyramiding.volatility_annual.estimate).toBeCloseTo(c.pyramiding.volatility_daily.estimate! * Math.sqrt(252), 10);
    for (const e of [c.no_pyramiding.volatility_daily, c.pyramiding.max_drawdown, c.difference.total]) {
      expect(e.lo!).toBeLessThanOrEqual(e.hi!);
    }
    // pyramided = 0.8 × target: every resample's P&L and sd scale by 0.8, so the intervals do too
    expect(c.pyramiding.total.lo).toBeCloseTo(0.8 * c.no_pyramiding.total.lo!, 6);
    expect(c.pyramiding.volatility_daily.hi).toBeCloseTo(0.8 * c.no_pyramiding.volatility_daily.hi!, 6);
    expect(comparePyramiding({ target, pyramided, price, capital: 1e6, stepsPerYear: 252, block: 20, replicates: 400, seed: 5 })).toEqual(c);
  });
});
