import { centerColumns, padK } from "./center-columns";
import { tileEntry, tileProducts } from "./tile-products";

/**
 * Unbiased sample covariance of k series (divisor n − 1), written to out (k×k, row-major).
 *
 * Method: two passes — column means, then Σ_ij = Σ_t (x_ti − x̄_i)(x_tj − x̄_j)/(n − 1)
 * from centred 4-column panels with 4×4 f64x2 register tiles (tile-products.ts); only j ≥ i
 * is computed, then mirrored. Each Σ_ij sums its n products in t order.
 * Units: whatever x is in (returns or price changes per step); out in those units squared.
 * Reference: domain.md (G2); RS-2.
 *
 * | pointer | length (f64)                  | role                      |
 * |---------|-------------------------------|---------------------------|
 * | x       | n·k                           | input, row t = observation|
 * | scratch | covarianceScratchLength(n, k) | work (centred panels, tiles) |
 * | out     | k·k                           | output                    |
 *
 * Never throws; n < 2 writes NaN (0/0), as numpy does.
 */
export function sampleCovariance(x: usize, n: i32, k: i32, scratch: usize, out: usize): void {
  centerColumns(x, n, k, scratch);
  crossProducts(scratch, n, k, out, 1.0 / <f64>(n - 1));
}

/**
 * out = scale · Xcᵀ Xc (k×k, symmetric) from the centred scratch (see centerColumns);
 * shared with ledoitWolf.
 */
export function crossProducts(scratch: usize, n: i32, k: i32, out: usize, scale: f64): void {
  tileProducts(scratch, n, k, 0, padK(k) >> 2);
  writeUpperRows(scratch, n, k, out, scale, 0, k);
  for (let i = 1; i < k; i++) {
    for (let j = 0; j < i; j++) {
      store<f64>(out + (<usize>(i * k + j) << 3), load<f64>(out + (<usize>(j * k + i) << 3)));
    }
  }
}

/** out[i·k + j] = scale · tile entry (i, j) for iFrom ≤ i < iTo, j ≥ i (the lower part untouched). */
export function writeUpperRows(scratch: usize, n: i32, k: i32, out: usize, scale: f64, iFrom: i32, iTo: i32): void {
  for (let i = iFrom; i < iTo; i++) {
    const row = out + (<usize>(i * k) << 3);
    for (let j = i; j < k; j++) store<f64>(row + (<usize>j << 3), tileEntry(scratch, n, k, i, j) * scale);
  }
}

/**
 * One worker's share of sampleCovariance: the same centring, then only tile rows
 * ipFrom ≤ ip < ipTo (columns 4·ipFrom … 4·ipTo − 1), written as out[i·k + j] = Σ_ij for
 * those i and j ≥ i; every other entry of out is left as it was. Each Σ_ij is bit-identical
 * to sampleCovariance's (same products, same order, same scaling), so row slices computed
 * apart and mirrored give exactly the single-call matrix (src/covariance/covariance-pool.ts).
 * Never throws; the caller keeps 0 ≤ ipFrom ≤ ipTo ≤ ⌈k/4⌉.
 */
export function sampleCovarianceRows(x: usize, n: i32, k: i32, scratch: usize, out: usize, ipFrom: i32, ipTo: i32): void {
  centerColumns(x, n, k, scratch);
  tileProducts(scratch, n, k, ipFrom, ipTo);
  writeUpperRows(scratch, n, k, out, 1.0 / <f64>(n - 1), ipFrom << 2, min(ipTo << 2, k));
}
