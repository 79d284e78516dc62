import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { significantFront, significantlyDominates, type FrontPoint } from "../../src/calibration/significant-front.ts";
import { paretoFront } from "../../src/calibration/pareto-front.ts";

const coords = 3;
const point = fc.record({
  values: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: coords, maxLength: coords }),
  half: fc.array(fc.constantFrom(0, 0.4, 1, 3), { minLength: coords, maxLength: coords }),
  pairedHalf: fc.array(fc.constantFrom(0, 0.2, 2), { minLength: coords, maxLength: coords }),
});
const cloud = fc.array(point, { minLength: 1, maxLength: 25 });

describe("the frontier across kinds keeps what the evidence cannot rule out", () => {
  it("no frontier point is dominated by any point, and every point off it is dominated by one", () => {
    fc.assert(fc.property(cloud, (pts: FrontPoint[]) => {
      const { front, dominatedBy } = significantFront(pts);
      for (const i of front) for (let j = 0; j < pts.length; j++) if (j !== i) expect(significantlyDominates(pts[j], pts[i])).toBe(false);
      pts.forEach((q, i) => {
        if (front.includes(i)) return;
        expect(dominatedBy[i]).not.toBeNull();
        expect(significantlyDominates(pts[dominatedBy[i]!], q)).toBe(true);
      });
    }));
  });

  it("the front is never empty and holds the estimate-only Pareto front; with no noise it is that front", () => {
    fc.assert(fc.property(cloud, (pts: FrontPoint[]) => {
      const { front } = significantFront(pts);
      expect(front.length).toBeGreaterThan(0);
      for (const i of paretoFront(pts.map((p) => p.values as number[]))) expect(front).toContain(i);
      const exact = pts.map((p) => ({ values: p.values, half: p.values.map(() => 0) }));
      expect(significantFront(exact).front).toEqual(paretoFront(pts.map((p) => p.values as number[])));
    }));
  });

  it("a point better by the estimates everywhere but within the noise is not dominated", () => {
    const p = { values: [1, 0.01, 0.2], half: [0.5, 0.01, 0.05] }, q = { values: [1.2, 0.012, 0.21], half: [0.5, 0.01, 0.05] };
    expect(significantlyDominates(p, q)).toBe(false);
    // the same estimates with paired half-widths to a common baseline small enough: significant
    expect(significantlyDominates({ ...p, pairedHalf: [0.05, 0.01, 0.05] }, { ...q, pairedHalf: [0.05, 0.01, 0.05] })).toBe(true);
  });

  it("a point significantly better on one coordinate but worse by the estimate on another does not dominate", () => {
    const p = { values: [0, 0.03], half: [0.01, 0.001] }, q = { values: [5, 0.02], half: [0.01, 0.001] };
    expect(significantlyDominates(p, q)).toBe(false);
    expect(significantFront([p, q]).front).toEqual([0, 1]);
  });

  it("a tie on every estimate dominates nothing; a missing estimate is never dominated", () => {
    const p = { values: [1, 1], half: [0, 0] };
    expect(significantlyDominates(p, { ...p })).toBe(false);
    expect(significantlyDominates(p, { values: [null, 9], half: [0, 0] })).toBe(false);
  });
});
