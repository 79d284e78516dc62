/**
 * Sample covariance through the WASM kernel (validated at this edge).
 */
import type { Kernel } from "../wasm/kernel.ts";
import { covarianceExports } from "./kernel-exports.ts";
import { checkObservations } from "./validate.ts";

/**
 * Unbiased sample covariance of k series (divisor n − 1), k×k row-major.
 *
 * Method: two passes (means, then centred cross-products), f64x2 SIMD 4×4 register tiles on
 * packed 4-column panels (assembly/covariance/tile-products.ts); each entry sums its n
 * products in time order. Twin: sampleCovarianceReference.
 * Units: input units squared per observation interval (never annualised here).
 * Reference: domain.md (G2), RS-2.
 *
 * @param x row-major n×k, row t = one observation
 * @throws RangeError when n < 2, x.length ≠ n·k or a value is not finite
 */
export function sampleCovariance(kernel: Kernel, x: ArrayLike<number>, n: number, k: number): Float64Array {
  checkObservations("sampleCovariance: x", x, n, k);
  const xPtr = kernel.writeF64(x, "observations");
  const out = kernel.allocF64(k * k, "covariance");
  sampleCovarianceAt(kernel, xPtr, n, k, out);
  return kernel.f64(out, k * k).slice();
}

/**
 * Resident form: x already in kernel memory at xPtr (n×k), result written at outPtr (k×k).
 * Scratch (covarianceScratchLength(n, k) f64) is taken from the arena unless given, so a
 * rolling loop passes one. No validation (call sampleCovariance for that).
 */
export function sampleCovarianceAt(
  kernel: Kernel, xPtr: number, n: number, k: number, outPtr: number,
  scratchPtr = kernel.allocF64(covarianceExports(kernel).covarianceScratchLength(n, k), "covariance scratch"),
): void {
  covarianceExports(kernel).sampleCovariance(xPtr, n, k, scratchPtr, outPtr);
}
