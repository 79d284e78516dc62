/**
 * Correlation matrices through the WASM kernel.
 */
import type { Kernel } from "../wasm/kernel.ts";
import { fail } from "../errors.ts";
import { covarianceExports } from "./kernel-exports.ts";
import { sampleCovarianceAt } from "./sample-covariance.ts";
import { checkObservations, checkSymmetric } from "./validate.ts";

/**
 * Correlation ρ_ij = Σ_ij / sqrt(Σ_ii Σ_jj) of a covariance matrix (k×k row-major).
 * Reference: domain.md (G2). Twin: correlationFromCovarianceReference.
 * @throws RangeError when cov is not a finite symmetric k×k matrix or a variance is ≤ 0
 */
export function correlationFromCovariance(kernel: Kernel, cov: ArrayLike<number>, k: number): Float64Array {
  checkSymmetric("correlationFromCovariance: cov", cov, k);
  for (let i = 0; i < k; i++) {
    if (!(cov[i * k + i] > 0)) {
      fail(RangeError, "correlationFromCovariance: cov", `variance of series ${i} is ${cov[i * k + i]}`, "drop constant series before correlating");
    }
  }
  const p = kernel.writeF64(cov, "covariance");
  covarianceExports(kernel).correlationFromCovariance(p, k, p);
  return kernel.f64(p, k * k).slice();
}

/**
 * Sample correlation matrix of k series (from the divisor n − 1 covariance; the divisor cancels).
 * @param x row-major n×k
 * @throws RangeError as sampleCovariance, or when a series is constant
 */
export function sampleCorrelation(kernel: Kernel, x: ArrayLike<number>, n: number, k: number): Float64Array {
  checkObservations("sampleCorrelation: x", x, n, k);
  const xPtr = kernel.writeF64(x, "observations");
  const out = kernel.allocF64(k * k, "correlation");
  sampleCovarianceAt(kernel, xPtr, n, k, out);
  const view = kernel.f64(out, k * k);
  for (let i = 0; i < k; i++) {
    if (!(view[i * k + i] > 0)) fail(RangeError, "sampleCorrelation: x", `series ${i} is constant`, "drop constant series before correlating");
  }
  covarianceExports(kernel).correlationFromCovariance(out, k, out);
  return kernel.f64(out, k * k).slice();
}
