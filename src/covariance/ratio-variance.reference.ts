import { bilinearFormReference } from "./quadratic-form.reference.ts";

/** Plain-TS twin of deltaRatioVariance: Var(A)/B² + A²Var(B)/B⁴ − 2A·Cov(A,B)/B³ (domain.md (G3)). */
export function deltaRatioVarianceReference(
  sigma: ArrayLike<number>, k: number, a: ArrayLike<number>, b: ArrayLike<number>, A: number, B: number,
): { varA: number; varB: number; covAB: number; variance: number } {
  const varA = bilinearFormReference(sigma, k, a, a);
  const varB = bilinearFormReference(sigma, k, b, b);
  const covAB = bilinearFormReference(sigma, k, a, b);
  const variance = varA / (B * B) + (A * A * varB) / B ** 4 - (2 * A * covAB) / B ** 3;
  return { varA, varB, covAB, variance };
}

/** Plain-TS twin of logRatioVariance: (wA − wB)ᵀΣ(wA − wB) on log-return covariance. */
export function logRatioVarianceReference(sigma: ArrayLike<number>, k: number, wA: ArrayLike<number>, wB: ArrayLike<number>): number {
  return bilinearFormReference(sigma, k, wA, wA) + bilinearFormReference(sigma, k, wB, wB) - 2 * bilinearFormReference(sigma, k, wA, wB);
}
