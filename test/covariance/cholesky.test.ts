import { describe, expect, it } from "vitest";
import { addRidge, cholesky, choleskyStrict } from "../../src/covariance/cholesky.ts";
import { choleskyReference } from "../../src/covariance/cholesky.reference.ts";
import { sampleCovarianceReference } from "../../src/covariance/sample-covariance.reference.ts";
import { expectCovClose, newKernel, randomReturns } from "./helpers.ts";

function reconstruct(l: Float64Array, k: number): Float64Array {
  const a = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) {
    let s = 0;
    for (let m = 0; m < k; m++) s += l[i * k + m] * l[j * k + m];
    a[i * k + j] = s;
  }
  return a;
}

describe("cholesky", () => {
  const k = 11, sigma = sampleCovarianceReference(randomReturns(80, k, "chol"), 80, k);

  it("reconstructs its input and equals the TS twin", () => {
    const r = cholesky(newKernel(), sigma, k);
    expect(r.positiveDefinite).toBe(true);
    expectCovClose(reconstruct(r.factor, k), sigma, k, 1e-13);
    expectCovClose(r.factor, choleskyReference(sigma, k).factor, k, 1e-10);
    for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) expect(r.factor[i * k + j]).toBe(0);
  });

  it("flags a singular and a non-PSD matrix instead of throwing", () => {
    const singular = [1, 1, 1, 1];
    expect(cholesky(newKernel(), singular, 2)).toMatchObject({ positiveDefinite: false, failedColumn: 2 });
    expect(cholesky(newKernel(), [1, 2, 2, 1], 2).failedColumn).toBe(2);
    expect(cholesky(newKernel(), [-1, 0, 0, 1], 2).failedColumn).toBe(1);
  });

  it("choleskyStrict names the fix; addRidge is an explicit repair", () => {
    expect(() => choleskyStrict(newKernel(), [1, 1, 1, 1], 2)).toThrow(/covariance: is singular or not positive definite \(pivot 2 ≤ 0\) — drop collinear series/);
    expect(cholesky(newKernel(), addRidge([1, 1, 1, 1], 2, 1e-8), 2).positiveDefinite).toBe(true);
  });

  it("rejects an asymmetric input", () => {
    expect(() => cholesky(newKernel(), [1, 0.5, 0.4, 1], 2)).toThrow(/not symmetric/);
  });
});
