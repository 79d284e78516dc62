/**
 * Typed view of the covariance kernels' raw WASM exports (assembly/covariance/index.ts).
 * Pointers are byte offsets into the kernel's memory; lengths count f64 values.
 */
import type { Kernel } from "../wasm/kernel.ts";

export interface CovarianceExports {
  covarianceScratchLength(n: number, k: number): number;
  sampleCovariance(x: number, n: number, k: number, scratch: number, out: number): void;
  sampleCovarianceRows(x: number, n: number, k: number, scratch: number, out: number, ipFrom: number, ipTo: number): void;
  correlationFromCovariance(cov: number, k: number, out: number): void;
  ewmaCovariance(x: number, rows: number, k: number, lambda: number, state: number, out: number): void;
  ewmaCovariancePacked(x: number, rows: number, k: number, lambda: number, state: number, out: number): void;
  ledoitWolf(x: number, n: number, k: number, scratch: number, out: number, info: number): void;
  cholesky(a: number, k: number, out: number): number;
  quadraticForm(sigma: number, k: number, a: number): number;
  bilinearForm(sigma: number, k: number, a: number, b: number): number;
  deltaRatioVariance(sigma: number, k: number, a: number, b: number, A: number, B: number, parts: number): number;
  logRatioVariance(sigma: number, k: number, wA: number, wB: number): number;
}

/** The covariance kernels of a Kernel instance. */
export function covarianceExports(kernel: Kernel): CovarianceExports {
  return kernel.exports as unknown as CovarianceExports;
}
