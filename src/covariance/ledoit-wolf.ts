/**
 * Ledoit–Wolf shrinkage covariance through the WASM kernel.
 */
import type { Kernel } from "../wasm/kernel.ts";
import { covarianceExports } from "./kernel-exports.ts";
import { checkObservations } from "./validate.ts";

/**
 * Ledoit–Wolf covariance Σ = (1 − s)·S + s·μ·I (S with divisor n; scikit-learn's convention),
 * with the shrinkage intensity s ∈ [0, 1] and target μ = tr(S)/k.
 * Reference: Ledoit & Wolf (2004); domain.md §3. Twin: ledoitWolfReference.
 * @param x row-major n×k
 * @throws RangeError when n < 2, x.length ≠ n·k or a value is not finite
 */
export function ledoitWolf(kernel: Kernel, x: ArrayLike<number>, n: number, k: number): { covariance: Float64Array; shrinkage: number; mu: number } {
  checkObservations("ledoitWolf: x", x, n, k);
  const ex = covarianceExports(kernel);
  const xPtr = kernel.writeF64(x, "observations");
  const scratch = kernel.allocF64(ex.covarianceScratchLength(n, k), "covariance scratch");
  const out = kernel.allocF64(k * k, "covariance");
  const info = kernel.allocF64(2, "shrinkage");
  ex.ledoitWolf(xPtr, n, k, scratch, out, info);
  const [shrinkage, mu] = kernel.f64(info, 2);
  return { covariance: kernel.f64(out, k * k).slice(), shrinkage, mu };
}
