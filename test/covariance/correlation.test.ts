import { describe, expect, it } from "vitest";
import { correlationFromCovariance, sampleCorrelation } from "../../src/covariance/correlation.ts";
import { correlationFromCovarianceReference } from "../../src/covariance/correlation.reference.ts";
import { sampleCovarianceReference } from "../../src/covariance/sample-covariance.reference.ts";
import { expectCovClose, newKernel, randomReturns } from "./helpers.ts";

describe("correlation", () => {
  const n = 90, k = 6, x = randomReturns(n, k, "corr");
  const want = correlationFromCovarianceReference(sampleCovarianceReference(x, n, k), k);

  it("sample correlation equals the TS twin, unit diagonal, |ρ| ≤ 1", () => {
    const r = sampleCorrelation(newKernel(), x, n, k);
    expectCovClose(r, want, k);
    for (let i = 0; i < k; i++) expect(r[i * k + i]).toBe(1);
    for (const v of r) expect(Math.abs(v)).toBeLessThanOrEqual(1);
  });

  it("from a covariance matrix equals the same", () => {
    expectCovClose(correlationFromCovariance(newKernel(), sampleCovarianceReference(x, n, k), k), want, k);
  });

  it("rejects a constant series", () => {
    expect(() => sampleCorrelation(newKernel(), [1, 2, 1, 3, 1, 5], 3, 2)).toThrow(/series 0 is constant — drop constant series/);
  });
});
