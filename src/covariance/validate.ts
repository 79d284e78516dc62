/**
 * Shared edge checks for the covariance API (validate once, then call the kernel).
 */
import { fail, show } from "../errors.ts";

/**
 * Checks a row-major n×k matrix of observations.
 * @throws RangeError when sizes disagree, n < minRows, or a value is not finite
 */
export function checkObservations(input: string, x: ArrayLike<number>, n: number, k: number, minRows = 2): void {
  if (!Number.isInteger(n) || !Number.isInteger(k) || k < 1) {
    fail(RangeError, input, `n and k must be positive integers; got n=${show(n)}, k=${show(k)}`, "pass the matrix shape");
  }
  if (x.length !== n * k) {
    fail(RangeError, input, `length ${x.length} ≠ n·k = ${n}·${k} = ${n * k}`, "pass a row-major n×k matrix");
  }
  if (n < minRows) {
    fail(RangeError, input, `needs at least ${minRows} observations; got ${n}`, "use a longer sample or a shorter window");
  }
  for (let p = 0; p < x.length; p++) {
    if (!Number.isFinite(x[p])) {
      const t = Math.floor(p / k);
      fail(RangeError, input, `row ${t}, column ${p - t * k} is ${show(x[p])}`, "remove or repair non-finite observations first");
    }
  }
}

/**
 * Checks a square symmetric k×k matrix with finite entries.
 * @throws RangeError on size, non-finite entries or asymmetry beyond 1e-12 relative
 */
export function checkSymmetric(input: string, m: ArrayLike<number>, k: number): void {
  if (m.length !== k * k) fail(RangeError, input, `length ${m.length} ≠ k² = ${k * k}`, "pass a row-major k×k matrix");
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      const a = m[i * k + j], b = m[j * k + i];
      if (!Number.isFinite(a)) fail(RangeError, input, `entry (${i}, ${j}) is ${show(a)}`, "pass finite values");
      if (Math.abs(a - b) > 1e-12 * Math.max(Math.abs(a), Math.abs(b), Number.MIN_VALUE)) {
        fail(RangeError, input, `not symmetric: (${i}, ${j}) = ${a} but (${j}, ${i}) = ${b}`, "symmetrise with (Σ + Σᵀ)/2");
      }
    }
  }
}

/**
 * Checks a weight vector: length k, finite entries.
 * @throws RangeError on a wrong length or non-finite weight
 */
export function checkWeights(input: string, w: ArrayLike<number>, k: number): void {
  if (w.length !== k) fail(RangeError, input, `has ${w.length} weights for ${k} assets`, `pass exactly ${k} weights (0 for legs not in the basket)`);
  for (let i = 0; i < w.length; i++) {
    if (!Number.isFinite(w[i])) fail(RangeError, input, `weight ${i} is ${show(w[i])}`, "pass finite weights");
  }
}
