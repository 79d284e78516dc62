/**
 * EWMA covariance (RiskMetrics) through the WASM kernel: the last matrix, the whole
 * sequence, chosen dates, or a stream of chunks to a callback (at k = 500, n = 2520 the
 * whole sequence is 5 GB, more than WASM memory holds).
 *
 * Recursion: Σ_t = λΣ_{t−1} + (1 − λ) r_t r_tᵀ, zero-mean returns, λ = 0.94 daily
 * (RiskMetrics 1996; domain.md §3; RS-2). Start: Σ_0 = r_1 r_1ᵀ by default (so Σ_1 = r_1 r_1ᵀ),
 * or a given matrix. Units: return units squared per step (not annualised).
 */
import type { Kernel } from "../wasm/kernel.ts";
import { fail } from "../errors.ts";
import { covarianceExports } from "./kernel-exports.ts";
import { checkObservations, checkSymmetric } from "./validate.ts";

export interface EwmaOptions {
  /** Decay λ in (0, 1); default 0.94 (RiskMetrics daily). */
  lambda?: number;
  /** Σ_0: "first" (r_1 r_1ᵀ, default) or a k×k matrix. */
  init?: "first" | ArrayLike<number>;
  /**
   * Store each Σ_t as its packed upper triangle (row i holds j = i … k−1; k(k+1)/2 values,
   * see packedIndex) instead of k×k: half the arithmetic and half the memory. Default false.
   */
  packed?: boolean;
}

/** Values per stored matrix: k² full, k(k+1)/2 packed. */
export function ewmaMatrixLength(k: number, packed = false): number {
  return packed ? (k * (k + 1)) / 2 : k * k;
}

/** Offset of Σ_ij (i ≤ j) in a packed upper triangle of order k. */
export function packedIndex(i: number, j: number, k: number): number {
  return i * k - (i * (i - 1)) / 2 + (j - i);
}

/** One streamed chunk: Σ_t for t = firstRow … firstRow + rows − 1 (0-based), k×k (or packed) each, a view valid only during the call. */
export type EwmaChunkSink = (firstRow: number, rows: number, matrices: Float64Array) => void;

/** Largest sequence returned whole (bytes); beyond it, stream. */
export const EWMA_SEQUENCE_LIMIT_BYTES = 2 ** 30;

/**
 * Streams Σ_1 … Σ_n to `sink` in chunks of `chunkRows` rows; returns Σ_n.
 * Memory: n·k + (chunkRows + 1)·k² f64 in the kernel. Fastest when a chunk fits in the L2
 * cache (≈ 256 KB: chunkRows ≈ 32768 / (values per matrix)), so the sink reads each matrix
 * while it is still in cache (bench/covariance.bench.ts: k = 100 packed, 7–8 ms for n = 2520).
 * @throws RangeError on bad x, λ ∉ (0, 1), a bad init, or chunkRows < 1
 */
export function ewmaCovarianceStream(
  kernel: Kernel, x: ArrayLike<number>, n: number, k: number, chunkRows: number, sink: EwmaChunkSink | null,
  options: EwmaOptions = {},
): Float64Array {
  const lambda = options.lambda ?? 0.94;
  checkObservations("ewmaCovariance: x", x, n, k, 1);
  if (!(lambda > 0 && lambda < 1)) fail(RangeError, "ewmaCovariance: lambda", `must lie in (0, 1); got ${lambda}`, "use 0.94 for daily data (RiskMetrics)");
  if (!Number.isInteger(chunkRows) || chunkRows < 1) fail(RangeError, "ewmaCovariance: chunkRows", `must be a positive integer; got ${chunkRows}`, "pass e.g. 64");
  const ex = covarianceExports(kernel);
  const packed = options.packed === true, m = ewmaMatrixLength(k, packed);
  const step = packed ? ex.ewmaCovariancePacked : ex.ewmaCovariance;
  const xPtr = kernel.writeF64(x, "observations");
  const state = kernel.allocF64(m, "ewma state");
  initState(kernel.f64(state, m), x, k, options.init ?? "first", packed);
  const rowsPerChunk = Math.min(chunkRows, n);
  const out = sink ? kernel.allocF64(rowsPerChunk * m, "ewma chunk") : 0;
  for (let t0 = 0; t0 < n; t0 += rowsPerChunk) {
    const rows = Math.min(rowsPerChunk, n - t0);
    step(xPtr + t0 * k * 8, rows, k, lambda, state, out);
    if (sink) sink(t0, rows, kernel.f64(out, rows * m));
  }
  return kernel.f64(state, m).slice();
}

/** The last EWMA matrix Σ_n (k×k), O(k²) memory. @throws RangeError as ewmaCovarianceStream */
export function ewmaCovarianceLast(kernel: Kernel, x: ArrayLike<number>, n: number, k: number, options: EwmaOptions = {}): Float64Array {
  return ewmaCovarianceStream(kernel, x, n, k, n, null, options);
}

/**
 * The whole sequence Σ_1 … Σ_n (matrix t−1 at offset (t−1)·m, m = k² or k(k+1)/2 packed).
 * @throws RangeError when it would exceed 1 GiB — stream it with ewmaCovarianceStream instead
 */
export function ewmaCovarianceSequence(kernel: Kernel, x: ArrayLike<number>, n: number, k: number, options: EwmaOptions = {}): Float64Array {
  const m = ewmaMatrixLength(k, options.packed);
  const bytes = n * m * 8;
  if (bytes > EWMA_SEQUENCE_LIMIT_BYTES) {
    fail(RangeError, "ewmaCovarianceSequence", `the sequence for n=${n}, k=${k} is ${(bytes / 2 ** 30).toFixed(1)} GiB`,
      "stream it with ewmaCovarianceStream, or ask for chosen rows with ewmaCovarianceAtRows");
  }
  const all = new Float64Array(n * m);
  ewmaCovarianceStream(kernel, x, n, k, Math.max(1, Math.floor(2 ** 27 / (m * 8))), (t0, _rows, chunk) => all.set(chunk, t0 * m), options);
  return all;
}

/**
 * Σ_t at the chosen 0-based rows only (each k×k, or packed), streaming the rest.
 * @throws RangeError when a row is outside 0 … n − 1
 */
export function ewmaCovarianceAtRows(kernel: Kernel, x: ArrayLike<number>, n: number, k: number, rows: readonly number[], options: EwmaOptions = {}): Map<number, Float64Array> {
  for (const r of rows) if (!Number.isInteger(r) || r < 0 || r >= n) fail(RangeError, "ewmaCovarianceAtRows: rows", `row ${r} is outside 0 … ${n - 1}`, "pass 0-based observation indices");
  const wanted = new Set(rows), m = ewmaMatrixLength(k, options.packed);
  const result = new Map<number, Float64Array>();
  ewmaCovarianceStream(kernel, x, n, k, 256, (t0, count, chunk) => {
    for (let t = t0; t < t0 + count; t++) if (wanted.has(t)) result.set(t, chunk.slice((t - t0) * m, (t - t0 + 1) * m));
  }, options);
  return result;
}

function initState(state: Float64Array, x: ArrayLike<number>, k: number, init: "first" | ArrayLike<number>, packed: boolean): void {
  if (init !== "first") checkSymmetric("ewmaCovariance: init", init, k);
  const at = (i: number, j: number) => (init === "first" ? x[i] * x[j] : init[i * k + j]);
  for (let i = 0; i < k; i++) {
    for (let j = packed ? i : 0; j < k; j++) state[packed ? packedIndex(i, j, k) : i * k + j] = at(i, j);
  }
}
