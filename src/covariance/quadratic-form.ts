/**
 * Quadratic and bilinear forms through the WASM kernel.
 */
import type { Kernel } from "../wasm/kernel.ts";
import { covarianceExports } from "./kernel-exports.ts";
import { checkSymmetric, checkWeights } from "./validate.ts";

/**
 * aᵀΣb for a symmetric k×k Σ (domain.md (G2): Cov(A, B) = aᵀΣb). Units: Σ's units × a's × b's.
 * @throws RangeError when Σ is not finite symmetric k×k or a weight vector has the wrong length / a non-finite entry
 */
export function bilinearForm(kernel: Kernel, sigma: ArrayLike<number>, k: number, a: ArrayLike<number>, b: ArrayLike<number>): number {
  checkSymmetric("bilinearForm: sigma", sigma, k);
  checkWeights("bilinearForm: a", a, k);
  checkWeights("bilinearForm: b", b, k);
  return covarianceExports(kernel).bilinearForm(kernel.writeF64(sigma), k, kernel.writeF64(a), kernel.writeF64(b));
}

/** aᵀΣa (domain.md (G2): Var(A)). @throws RangeError as bilinearForm */
export function quadraticForm(kernel: Kernel, sigma: ArrayLike<number>, k: number, a: ArrayLike<number>): number {
  return bilinearForm(kernel, sigma, k, a, a);
}
