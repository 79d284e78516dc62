import { dot } from "./cholesky";

/**
 * Bilinear form aᵀ Σ b over a k×k row-major Σ (domain.md (G2): Var(A) = aᵀΣa, Cov(A,B) = aᵀΣb).
 * Units: those of Σ times those of a and b. Never throws.
 */
export function bilinearForm(sigma: usize, k: i32, a: usize, b: usize): f64 {
  let s = 0.0;
  for (let i = 0; i < k; i++) {
    const ai = load<f64>(a + (<usize>i << 3));
    if (ai != 0) s += ai * dot(sigma + (<usize>(i * k) << 3), b, k);
  }
  return s;
}

/** Quadratic form aᵀ Σ a (domain.md (G2)). Never throws. */
export function quadraticForm(sigma: usize, k: i32, a: usize): f64 {
  return bilinearForm(sigma, k, a, a);
}
