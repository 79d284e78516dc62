import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { wilsonInterval } from "../../src/metrics/intervals.ts";

describe("wilsonInterval", () => {
  it("holds its estimate for every k and n, with lo exactly 0 at k = 0 and hi exactly 1 at k = n", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, u) => {
      const k = Math.floor(u * n);
      const w = wilsonInterval(k, n);
      expect(w.lo!).toBeLessThanOrEqual(w.estimate!);
      expect(w.hi!).toBeGreaterThanOrEqual(w.estimate!);
      expect(wilsonInterval(0, n).lo).toBe(0);
      expect(wilsonInterval(n, n).hi).toBe(1);
    }));
  });

  it("matches Wilson's interval away from the edges (k = 30 of 100: [0.21895, 0.39585], Wilson's formula evaluated independently in Python)", () => {
    const w = wilsonInterval(30, 100);
    expect(w.lo!).toBeCloseTo(0.218949, 5);
    expect(w.hi!).toBeCloseTo(0.395849, 5);
  });
});
