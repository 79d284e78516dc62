/**
 * Ratio variance of S = A/B: the delta method (G3) and the exact log-ratio variance.
 */
import type { Kernel } from "../wasm/kernel.ts";
import { fail } from "../errors.ts";
import { covarianceExports } from "./kernel-exports.ts";
import { checkSymmetric, checkWeights } from "./validate.ts";

export interface RatioVariance {
  /** Var(A) = aᵀΣa, price² per horizon. */ varA: number;
  /** Var(B) = bᵀΣb. */ varB: number;
  /** Cov(A, B) = aᵀΣb. */ covAB: number;
  /** Var(S) by (G3), S's price units² per horizon. */ variance: number;
}

/** |B| below this is "at or near zero" for a quote basket (relative to |A|). */
const NEAR_ZERO = 1e-12;

/**
 * Delta-method variance of S = A/B (domain.md (G3), RS-2):
 *   Var(A/B) ≈ Var(A)/B² + A²·Var(B)/B⁴ − 2·A·Cov(A,B)/B³,
 * from one joint covariance Σ (k×k) of the legs' **price changes** over the horizon;
 * a, b are the basket units (zero on the other basket's legs); A, B the basket values now.
 * Twin: deltaRatioVarianceReference.
 * @throws RangeError on a bad Σ or weights, or B at or near zero (|B| ≤ 1e-12·max(1, |A|))
 */
export function deltaRatioVariance(kernel: Kernel, sigma: ArrayLike<number>, k: number, a: ArrayLike<number>, b: ArrayLike<number>, A: number, B: number): RatioVariance {
  checkSymmetric("deltaRatioVariance: sigma", sigma, k);
  checkWeights("deltaRatioVariance: a (base units)", a, k);
  checkWeights("deltaRatioVariance: b (quote units)", b, k);
  if (!Number.isFinite(A)) fail(RangeError, "deltaRatioVariance: A", `must be finite; got ${A}`, "pass the base basket value");
  if (!Number.isFinite(B) || Math.abs(B) <= NEAR_ZERO * Math.max(1, Math.abs(A))) {
    fail(RangeError, "deltaRatioVariance: B", `quote basket value ${B} is at or near zero, so A/B is undefined`, "choose a quote basket that stays away from zero");
  }
  const parts = kernel.allocF64(4, "ratio variance parts");
  const ex = covarianceExports(kernel);
  ex.deltaRatioVariance(kernel.writeF64(sigma), k, kernel.writeF64(a), kernel.writeF64(b), A, B, parts);
  const [varA, varB, covAB, variance] = kernel.f64(parts, 4);
  return { varA, varB, covAB, variance };
}

/**
 * Exact log-ratio variance Var(ln A − ln B) = (wA − wB)ᵀΣ(wA − wB) from a covariance Σ of the
 * legs' **log returns**; wA, wB are value weights aᵢXᵢ/A (single legs: weight 1). Exact for
 * single-leg baskets. Units: log-return variance per horizon. Twin: logRatioVarianceReference.
 * @throws RangeError on a bad Σ or weights
 */
export function logRatioVariance(kernel: Kernel, sigma: ArrayLike<number>, k: number, wA: ArrayLike<number>, wB: ArrayLike<number>): number {
  checkSymmetric("logRatioVariance: sigma", sigma, k);
  checkWeights("logRatioVariance: wA", wA, k);
  checkWeights("logRatioVariance: wB", wB, k);
  return covarianceExports(kernel).logRatioVariance(kernel.writeF64(sigma), k, kernel.writeF64(wA), kernel.writeF64(wB));
}
