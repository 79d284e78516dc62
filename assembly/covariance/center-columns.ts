/**
 * Column means and the centred copy of a row-major n×k matrix packed in panels of four
 * columns — the shared first pass of the covariance kernels.
 *
 * Scratch layout (f64, caller-owned, see covarianceScratchLength), kp = ⌈k/4⌉ panels:
 *
 * | offset (f64)      | length          | content                                              |
 * |-------------------|-----------------|------------------------------------------------------|
 * | 0                 | 4·kp·n          | xc[4n·(j>>2) + 4t + (j&3)] = x[t·k + j] − mean_j; 0 for j ≥ k |
 * | 4·kp·n            | 4·kp            | column means (zero past k)                           |
 * | 4·kp·n + 4·kp     | 8·kp·(kp + 1)   | upper-triangle 4×4 tiles of Xcᵀ Xc (tile-products.ts) |
 *
 * A panel is t-major (row t of four columns = 32 contiguous bytes), so the tile micro-kernel
 * reads both operands sequentially, and padding to four columns needs no remainder code.
 */

/** k rounded up to a whole number of 4-column panels. */
// @ts-ignore: decorator
@inline
export function padK(k: i32): i32 {
  return (k + 3) & ~3;
}

/** Byte offset of the column means in the scratch. */
// @ts-ignore: decorator
@inline
export function meansOffset(n: i32, k: i32): usize {
  return <usize>n * <usize>padK(k) << 3;
}

/** f64 slots the scratch buffer of sampleCovariance/ledoitWolf needs for n×k (layout above). */
export function covarianceScratchLength(n: i32, k: i32): i32 {
  const kp = padK(k) >> 2;
  return 4 * kp * n + 4 * kp + 8 * kp * (kp + 1);
}

/**
 * Fills the scratch with column means and centred panels.
 * Means are plain sums / n (t in order, as the twin); the centred second pass keeps the
 * covariance accurate.
 */
export function centerColumns(x: usize, n: i32, k: i32, scratch: usize): void {
  const kPad = padK(k);
  const means = scratch + meansOffset(n, k);
  memory.fill(means, 0, <usize>kPad << 3);
  for (let t = 0; t < n; t++) {
    const row = x + (<usize>(t * k) << 3);
    let j = 0;
    for (; j + 1 < k; j += 2) {
      const p = means + (<usize>j << 3);
      v128.store(p, f64x2.add(v128.load(p), v128.load(row + (<usize>j << 3))));
    }
    if (j < k) {
      const p = means + (<usize>j << 3);
      store<f64>(p, load<f64>(p) + load<f64>(row + (<usize>j << 3)));
    }
  }
  const invN = 1.0 / <f64>n;
  for (let j = 0; j < k; j++) {
    const p = means + (<usize>j << 3);
    store<f64>(p, load<f64>(p) * invN);
  }
  const panelBytes = <usize>n << 5;
  const full = k >> 2;
  for (let t = 0; t < n; t++) {
    const row = x + (<usize>(t * k) << 3);
    let dst = scratch + (<usize>t << 5);
    for (let p = 0; p < full; p++) {
      const src = row + (<usize>p << 5), m = means + (<usize>p << 5);
      v128.store(dst, f64x2.sub(v128.load(src), v128.load(m)));
      v128.store(dst, f64x2.sub(v128.load(src, 16), v128.load(m, 16)), 16);
      dst += panelBytes;
    }
    // Last, partial panel: missing columns are zero, so they add nothing to any product.
    for (let j = full << 2; j < kPad; j++) {
      const v = j < k ? load<f64>(row + (<usize>j << 3)) - load<f64>(means + (<usize>j << 3)) : 0.0;
      store<f64>(dst + (<usize>(j & 3) << 3), v);
    }
  }
}
