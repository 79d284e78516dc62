import { describe, expect, it } from "vitest";
import { goldenStart, goldenStep } from "../../src/calibration/golden-section.ts";
import { extensionBeyond, atDomainEdge } from "../../src/calibration/search-domain.ts";

describe("golden-section on the log parameter", () => {
  it("closes in on the minimum of a unimodal function, the bracket shrinking by 0.618 a step", () => {
    const f = (logX: number) => (logX - Math.log(0.03)) ** 2;
    let g = goldenStart(0.001, 1);
    const width0 = g.b - g.a;
    for (let i = 0; i < 20; i++) g = goldenStep(g, f(g.c) <= f(g.d)).bracket;
    expect((g.b - g.a) / width0).toBeCloseTo(0.618034 ** 20, 8);
    expect(Math.exp((g.a + g.b) / 2)).toBeCloseTo(0.03, 4);
  });
});

describe("grid extension toward the parameter's domain", () => {
  it("steps beyond an edge best by twice the axis' outer log step, and stops at the domain's edge", () => {
    expect(extensionBeyond("lambda", [0.01, 0.02, 0.04], 0.01)).toBe(0.0025);
    expect(extensionBeyond("lambda", [0.01, 0.02, 0.04], 0.04)).toBe(0.16);
    expect(extensionBeyond("lambda", [0.25, 0.5], 0.5)).toBe(1); // clamped at λ = 1
    expect(extensionBeyond("lambda", [0.5, 1], 1)).toBeNull(); // at the domain's edge
    expect(extensionBeyond("lambda", [0.01, 0.02, 0.04], 0.02)).toBeNull(); // interior
    expect(extensionBeyond("beta", [0, 1, 3], 0)).toBeNull();
    expect(atDomainEdge("lambda", 1e-4)).toBe(true);
    expect(atDomainEdge("lambda", 2e-4)).toBe(false);
  });
});
