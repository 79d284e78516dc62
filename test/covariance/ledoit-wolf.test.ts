import { describe, expect, it } from "vitest";
import { ledoitWolf } from "../../src/covariance/ledoit-wolf.ts";
import { ledoitWolfReference } from "../../src/covariance/ledoit-wolf.reference.ts";
import { expectCovClose, newKernel, randomReturns } from "./helpers.ts";

describe("ledoitWolf", () => {
  it.each([[40, 6], [25, 30]])("equals the TS twin (n=%i, k=%i)", (n, k) => {
    const x = randomReturns(n, k, `lw${n}`);
    const got = ledoitWolf(newKernel(), x, n, k), want = ledoitWolfReference(x, n, k);
    expectCovClose(got.covariance, want.covariance, k);
    expect(Math.abs(got.shrinkage - want.shrinkage)).toBeLessThanOrEqual(1e-12);
    expect(got.shrinkage).toBeGreaterThanOrEqual(0);
    expect(got.shrinkage).toBeLessThanOrEqual(1);
  });

  it("has the closed-form pieces on a fixed 4×2 sample", () => {
    // S = centred XᵀX/4 = [[1.25, 0.875], [0.875, 2.1875]] (numpy 2.4, by hand), μ = tr S / 2.
    const x = [1, 2, 2, 1, 3, 5, 4, 3];
    const r = ledoitWolf(newKernel(), x, 4, 2), ref = ledoitWolfReference(x, 4, 2);
    expect(r.mu).toBeCloseTo((1.25 + 2.1875) / 2, 14);
    expect(r.shrinkage).toBeCloseTo(ref.shrinkage, 14);
    expect(r.covariance[1]).toBeCloseTo((1 - r.shrinkage) * 0.875, 14);
  });

  it("shrinks more when n is small relative to k", () => {
    const small = ledoitWolf(newKernel(), randomReturns(12, 10, "a"), 12, 10).shrinkage;
    const large = ledoitWolf(newKernel(), randomReturns(2000, 10, "a"), 2000, 10).shrinkage;
    expect(small).toBeGreaterThan(large);
  });
});
