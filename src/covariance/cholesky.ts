/**
 * Cholesky factorisation with a positive-definiteness flag, and one explicit repair
 * (a diagonal ridge) that a caller must ask for and record.
 */
import type { Kernel } from "../wasm/kernel.ts";
import { fail } from "../errors.ts";
import { covarianceExports } from "./kernel-exports.ts";
import { checkSymmetric } from "./validate.ts";

export interface CholeskyResult {
  /** Lower-triangular L, row-major k×k, A = L·Lᵀ (columns from the failed one are zero). */
  factor: Float64Array;
  /** True when every pivot was > 0. */
  positiveDefinite: boolean;
  /** 0 when positive definite, else the 1-based column whose pivot was ≤ 0. */
  failedColumn: number;
}

/**
 * Cholesky factor of a symmetric k×k matrix; reports (does not throw on) a non-PD input.
 * Twin: choleskyReference. Used for correlated paths (Z = L·ε) and PD checks.
 * @throws RangeError when a is not a finite symmetric k×k matrix
 */
export function cholesky(kernel: Kernel, a: ArrayLike<number>, k: number): CholeskyResult {
  checkSymmetric("cholesky: a", a, k);
  const p = kernel.writeF64(a, "matrix");
  const out = kernel.allocF64(k * k, "cholesky factor");
  const failedColumn = covarianceExports(kernel).cholesky(p, k, out);
  return { factor: kernel.f64(out, k * k).slice(), positiveDefinite: failedColumn === 0, failedColumn };
}

/**
 * Cholesky factor that must exist.
 * @throws RangeError naming the failing column when a is singular or not positive definite
 */
export function choleskyStrict(kernel: Kernel, a: ArrayLike<number>, k: number, input = "covariance"): Float64Array {
  const r = cholesky(kernel, a, k);
  if (!r.positiveDefinite) {
    fail(RangeError, input, `is singular or not positive definite (pivot ${r.failedColumn} ≤ 0)`,
      "drop collinear series, use ledoitWolf shrinkage, or call addRidge explicitly and record it");
  }
  return r.factor;
}

/** An explicit repair: A + ε·mean(diag A)·I (a new matrix). The caller records that it was applied. */
export function addRidge(a: ArrayLike<number>, k: number, epsilon = 1e-10): Float64Array {
  let tr = 0;
  for (let i = 0; i < k; i++) tr += a[i * k + i];
  const out = Float64Array.from(a);
  for (let i = 0; i < k; i++) out[i * k + i] += epsilon * (tr / k);
  return out;
}
