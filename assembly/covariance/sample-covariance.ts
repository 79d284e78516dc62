import { centerColumns, padK, padN } from "./center-columns";

/** Rows per time block (measured on the 2-core EPYC: blocks of 16–256 rows were slower than 4096). */
const T_BLOCK: i32 = 4096;

/**
 * Unbiased sample covariance of k series (divisor n − 1), written to out (k×k, row-major).
 *
 * Method: two passes — column means, then Σ_ij = Σ_t (x_ti − x̄_i)(x_tj − x̄_j)/(n − 1)
 * as dot products of centred columns: f64x2 SIMD over t, 2×4 register blocks over (i, j),
 * rows in blocks of T_BLOCK; only j ≥ i is computed, then mirrored.
 * Units: whatever x is in (returns or price changes per step); out in those units squared.
 * Reference: domain.md (G2); RS-2.
 *
 * | pointer | length (f64)                  | role                      |
 * |---------|-------------------------------|---------------------------|
 * | x       | n·k                           | input, row t = observation|
 * | scratch | covarianceScratchLength(n, k) | work (centred columns)    |
 * | out     | k·k                           | output                    |
 *
 * Never throws; n < 2 writes NaN (0/0), as numpy does.
 */
export function sampleCovariance(x: usize, n: i32, k: i32, scratch: usize, out: usize): void {
  centerColumns(x, n, k, scratch);
  crossProducts(scratch, n, k, out, 1.0 / <f64>(n - 1));
}

/**
 * out = scale · Xcᵀ Xc from the centred scratch (see centerColumns); shared with ledoitWolf.
 */
export function crossProducts(scratch: usize, n: i32, k: i32, out: usize, scale: f64): void {
  const nPad = padN(n);
  const kPad = padK(k);
  memory.fill(out, 0, <usize>(k * k) << 3);
  const colBytes = <usize>nPad << 3;
  for (let t0 = 0; t0 < nPad; t0 += T_BLOCK) {
    const t1 = min(t0 + T_BLOCK, nPad);
    const tOff = <usize>t0 << 3;
    const tLen = <usize>(t1 - t0) << 3;
    for (let i = 0; i < kPad; i += 2) {
      const a0 = scratch + <usize>i * colBytes + tOff;
      const a1 = a0 + colBytes;
      for (let j = i & ~3; j < kPad; j += 4) {
        const b0 = scratch + <usize>j * colBytes + tOff;
        const b1 = b0 + colBytes;
        const b2 = b1 + colBytes;
        const b3 = b2 + colBytes;
        let c00 = f64x2.splat(0), c01 = f64x2.splat(0), c02 = f64x2.splat(0), c03 = f64x2.splat(0);
        let c10 = f64x2.splat(0), c11 = f64x2.splat(0), c12 = f64x2.splat(0), c13 = f64x2.splat(0);
        for (let o: usize = 0; o < tLen; o += 16) {
          const x0 = v128.load(a0 + o);
          const x1 = v128.load(a1 + o);
          const y0 = v128.load(b0 + o);
          const y1 = v128.load(b1 + o);
          const y2 = v128.load(b2 + o);
          const y3 = v128.load(b3 + o);
          c00 = f64x2.add(c00, f64x2.mul(x0, y0));
          c01 = f64x2.add(c01, f64x2.mul(x0, y1));
          c02 = f64x2.add(c02, f64x2.mul(x0, y2));
          c03 = f64x2.add(c03, f64x2.mul(x0, y3));
          c10 = f64x2.add(c10, f64x2.mul(x1, y0));
          c11 = f64x2.add(c11, f64x2.mul(x1, y1));
          c12 = f64x2.add(c12, f64x2.mul(x1, y2));
          c13 = f64x2.add(c13, f64x2.mul(x1, y3));
        }
        accumulate(out, k, i, j, c00, c01, c02, c03);
        accumulate(out, k, i + 1, j, c10, c11, c12, c13);
      }
    }
  }
  // Scale the upper triangle and mirror it.
  for (let i = 0; i < k; i++) {
    for (let j = i; j < k; j++) {
      const v = load<f64>(out + (<usize>(i * k + j) << 3)) * scale;
      store<f64>(out + (<usize>(i * k + j) << 3), v);
      store<f64>(out + (<usize>(j * k + i) << 3), v);
    }
  }
}

// @ts-ignore: decorator
@inline
function accumulate(out: usize, k: i32, i: i32, j: i32, c0: v128, c1: v128, c2: v128, c3: v128): void {
  if (i >= k) return;
  const row = out + (<usize>(i * k) << 3);
  addIfUpper(row, k, i, j, f64x2.extract_lane(c0, 0) + f64x2.extract_lane(c0, 1));
  addIfUpper(row, k, i, j + 1, f64x2.extract_lane(c1, 0) + f64x2.extract_lane(c1, 1));
  addIfUpper(row, k, i, j + 2, f64x2.extract_lane(c2, 0) + f64x2.extract_lane(c2, 1));
  addIfUpper(row, k, i, j + 3, f64x2.extract_lane(c3, 0) + f64x2.extract_lane(c3, 1));
}

// @ts-ignore: decorator
@inline
function addIfUpper(row: usize, k: i32, i: i32, j: i32, v: f64): void {
  if (j >= i && j < k) {
    const p = row + (<usize>j << 3);
    store<f64>(p, load<f64>(p) + v);
  }
}
