import { describe, expect, it } from "vitest";
import { deltaRatioVariance, logRatioVariance } from "../../src/covariance/ratio-variance.ts";
import { deltaRatioVarianceReference, logRatioVarianceReference } from "../../src/covariance/ratio-variance.reference.ts";
import { quadraticForm, bilinearForm } from "../../src/covariance/quadratic-form.ts";
import { bilinearFormReference } from "../../src/covariance/quadratic-form.reference.ts";
import { sampleCovarianceReference } from "../../src/covariance/sample-covariance.reference.ts";
import { newKernel, randomReturns } from "./helpers.ts";

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), Number.MIN_VALUE);

describe("quadratic forms and ratio variance (G2, G3)", () => {
  const k = 5, sigma = sampleCovarianceReference(randomReturns(60, k, "rv").map((v) => v * 100), 60, k);
  const a = [1, 2, 0, 0, 0], b = [0, 0, 1, 0.5, 0];

  it("aᵀΣa and aᵀΣb equal the TS twin", () => {
    expect(rel(quadraticForm(newKernel(), sigma, k, a), bilinearFormReference(sigma, k, a, a))).toBeLessThan(1e-13);
    expect(rel(bilinearForm(newKernel(), sigma, k, a, b), bilinearFormReference(sigma, k, a, b))).toBeLessThan(1e-12);
  });

  it("(G3) equals the TS twin", () => {
    const got = deltaRatioVariance(newKernel(), sigma, k, a, b, 300, 1.7);
    const want = deltaRatioVarianceReference(sigma, k, a, b, 300, 1.7);
    expect(rel(got.variance, want.variance)).toBeLessThan(1e-12);
    expect(rel(got.covAB, want.covAB)).toBeLessThan(1e-12);
  });

  it("a = b gives zero ratio volatility (S ≡ 1)", () => {
    const A = 2.5, v = deltaRatioVariance(newKernel(), sigma, k, a, a, A, A);
    expect(Math.abs(v.variance)).toBeLessThanOrEqual(1e-15 * v.varA / (A * A));
  });

  it("constant B gives Vol(A)/B", () => {
    const sig = Float64Array.from(sigma); // make leg 2 constant: zero its row and column
    for (let j = 0; j < k; j++) sig[2 * k + j] = sig[j * k + 2] = 0;
    const v = deltaRatioVariance(newKernel(), sig, k, a, [0, 0, 1, 0, 0], 100, 4);
    expect(rel(Math.sqrt(v.variance), Math.sqrt(v.varA) / 4)).toBeLessThan(1e-14);
  });

  it("log-ratio variance of single legs is σ_A² + σ_B² − 2ρσ_Aσ_B and equals its twin", () => {
    const s2 = [0.04, 0.3 * 0.2 * 0.1, 0.3 * 0.2 * 0.1, 0.01];
    const v = logRatioVariance(newKernel(), s2, 2, [1, 0], [0, 1]);
    expect(rel(v, 0.04 + 0.01 - 2 * 0.3 * 0.2 * 0.1)).toBeLessThan(1e-14);
    expect(rel(v, logRatioVarianceReference(s2, 2, [1, 0], [0, 1]))).toBeLessThan(1e-15);
  });

  it("rejects B near zero, a wrong weight length and non-finite weights", () => {
    expect(() => deltaRatioVariance(newKernel(), sigma, k, a, b, 1, 0)).toThrow(/B: quote basket value 0 is at or near zero/);
    expect(() => deltaRatioVariance(newKernel(), sigma, k, [1, 2], b, 1, 1)).toThrow(/has 2 weights for 5 assets — pass exactly 5 weights/);
    expect(() => deltaRatioVariance(newKernel(), sigma, k, a, [0, 0, NaN, 0, 0], 1, 1)).toThrow(/weight 2 is NaN/);
  });
});
