/**
 * Column means and the centred, transposed ("column-major", padded) copy of a
 * row-major n×k matrix — the shared first pass of the covariance kernels.
 *
 * Scratch layout (f64, caller-owned, see covarianceScratchLength):
 *
 * | offset (f64)       | length       | content                                   |
 * |--------------------|--------------|-------------------------------------------|
 * | 0                  | kPad · nPad  | xc[j·nPad + t] = x[t·k + j] − mean_j, zero padded |
 * | kPad · nPad        | kPad         | column means (zero past k)                |
 *
 * nPad = n rounded up to a multiple of 2 (one v128), kPad = k rounded up to 4
 * (the register block), so the inner loops need no remainder code.
 */

// @ts-ignore: decorator
@inline
export function padN(n: i32): i32 {
  return (n + 1) & ~1;
}

// @ts-ignore: decorator
@inline
export function padK(k: i32): i32 {
  return (k + 3) & ~3;
}

/** f64 slots the scratch buffer of sampleCovariance/ledoitWolf needs for n×k. */
export function covarianceScratchLength(n: i32, k: i32): i32 {
  return padK(k) * padN(n) + padK(k);
}

/**
 * Fills the scratch with column means and centred, transposed columns.
 * Means are plain sums / n; the centred second pass keeps the covariance accurate.
 */
export function centerColumns(x: usize, n: i32, k: i32, scratch: usize): void {
  const nPad = padN(n);
  const kPad = padK(k);
  const means = scratch + (<usize>(kPad * nPad) << 3);
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
  // Zero the padded columns and the padded last row.
  if (kPad > k) memory.fill(scratch + (<usize>(k * nPad) << 3), 0, <usize>((kPad - k) * nPad) << 3);
  for (let j = 0; j < k; j++) {
    const m = load<f64>(means + (<usize>j << 3));
    const col = scratch + (<usize>(j * nPad) << 3);
    for (let t = 0; t < n; t++) {
      store<f64>(col + (<usize>t << 3), load<f64>(x + (<usize>(t * k + j) << 3)) - m);
    }
    if (nPad > n) store<f64>(col + (<usize>n << 3), 0.0);
  }
}
