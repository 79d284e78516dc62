import { bilinearForm } from "./quadratic-form";

/**
 * Delta-method variance of S = A/B (domain.md (G3), RS-2):
 *   Var(A/B) ≈ Var(A)/B² + A²·Var(B)/B⁴ − 2·A·Cov(A,B)/B³,
 * with Var(A) = aᵀΣa, Var(B) = bᵀΣb, Cov(A,B) = aᵀΣb from one joint k×k covariance Σ of
 * the legs' price changes (a, b: basket units, zero on the other basket's legs).
 * Units: price of S squared per horizon of Σ. `parts` (4 f64, or 0) receives
 * [Var(A), Var(B), Cov(A,B), Var(S)]. Never throws (B = 0 gives ±Inf/NaN).
 */
export function deltaRatioVariance(sigma: usize, k: i32, a: usize, b: usize, A: f64, B: f64, parts: usize): f64 {
  const varA = bilinearForm(sigma, k, a, a);
  const varB = bilinearForm(sigma, k, b, b);
  const covAB = bilinearForm(sigma, k, a, b);
  const B2 = B * B;
  const v = varA / B2 + (A * A * varB) / (B2 * B2) - (2.0 * A * covAB) / (B2 * B);
  if (parts != 0) {
    store<f64>(parts, varA);
    store<f64>(parts, varB, 8);
    store<f64>(parts, covAB, 16);
    store<f64>(parts, v, 24);
  }
  return v;
}

/**
 * Variance of ln A − ln B from a joint covariance Σ of the legs' log returns:
 *   Var(ln A − ln B) = (wA − wB)ᵀ Σ (wA − wB),
 * wA, wB the legs' value weights in their basket (aᵢXᵢ/A). Exact for single-leg baskets
 * (log returns are then additive); for baskets, exact to first order in the weights' drift.
 * Units: log-return variance per horizon of Σ. Never throws.
 */
export function logRatioVariance(sigma: usize, k: i32, wA: usize, wB: usize): f64 {
  return bilinearForm(sigma, k, wA, wA) + bilinearForm(sigma, k, wB, wB) - 2.0 * bilinearForm(sigma, k, wA, wB);
}
