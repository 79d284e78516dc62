import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { PathStream } from "../../src/random/path-stream.ts";
import { geometricGap, logMissOf } from "../../src/random/geometric-gap.ts";

const NEVER = 1_000_000;

function stream(path: number) {
  const rng = new PathStream();
  rng.seed(7, 0, path);
  return rng;
}

describe("geometric gaps (steps to the next event of a per-step Bernoulli(p))", () => {
  it("follow the geometric law: P(G = 1) = p, P(G = 2) = (1 − p)p and E[G] = 1/p within 4 standard errors", () => {
    for (const p of [0.005, 0.05, 0.5]) {
      const rng = stream(1), n = 100_000;
      let ones = 0, twos = 0, sum = 0, sumSq = 0;
      for (let i = 0; i < n; i++) {
        const g = geometricGap(rng, logMissOf(p), NEVER);
        if (g === 1) ones++;
        if (g === 2) twos++;
        sum += g;
        sumSq += g * g;
      }
      const se = (q: number) => 4 * Math.sqrt((q * (1 - q)) / n);
      expect(Math.abs(ones / n - p)).toBeLessThan(se(p));
      expect(Math.abs(twos / n - (1 - p) * p)).toBeLessThan(se((1 - p) * p));
      const mean = sum / n, sd = Math.sqrt(sumSq / n - mean * mean);
      expect(Math.abs(mean - 1 / p)).toBeLessThan((4 * sd) / Math.sqrt(n));
    }
  });

  it("p = 0 never happens and draws nothing; p = 1 happens every step", () => {
    const a = stream(2), b = stream(2);
    expect(geometricGap(a, logMissOf(0), NEVER)).toBe(NEVER);
    expect(a.nextU32()).toBe(b.nextU32()); // the stream did not move
    expect(logMissOf(1)).toBe(-Infinity);
    expect(logMissOf(3)).toBe(-Infinity);
    for (let i = 0; i < 100; i++) expect(geometricGap(a, logMissOf(1), NEVER)).toBe(1);
  });

  it("is a whole number of steps in [1, never] for every p in (0, 1)", () => {
    fc.assert(fc.property(fc.double({ min: 1e-12, max: 1, noNaN: true }), fc.nat(1000), (p, path) => {
      const g = geometricGap(stream(path), logMissOf(p), NEVER);
      return Number.isInteger(g) && g >= 1 && g <= NEVER;
    }));
  });
});
