import { meansOffset, padK } from "./center-columns";

/** Rows per time block: one 4-column panel slice (KC·32 B = 8 KiB) stays in L1. */
const KC: i32 = 256;
/** Panels per column block: the j-panels' slice (NC·KC·32 B = 64 KiB) stays in L2. */
const NC: i32 = 8;

/** Byte address of upper tile (ip, jp ≥ ip): tile rows stored one after another. */
// @ts-ignore: decorator
@inline
export function tileAt(scratch: usize, n: i32, k: i32, ip: i32, jp: i32): usize {
  const kp = padK(k) >> 2;
  const tiles = scratch + meansOffset(n, k) + (<usize>padK(k) << 3);
  return tiles + (<usize>(ip * kp - ((ip * (ip - 1)) >> 1) + jp - ip) << 7);
}

/**
 * Σ_t xc_ti·xc_tj (no scaling) for i ≥ 4·ipFrom, i < 4·ipTo and j ≥ i, read from its tile.
 * Lane map of tile4x4: slot (j&3)·4 + (i&3).
 */
// @ts-ignore: decorator
@inline
export function tileEntry(scratch: usize, n: i32, k: i32, i: i32, j: i32): f64 {
  return load<f64>(tileAt(scratch, n, k, i >> 2, j >> 2) + (<usize>((j & 3) * 4 + (i & 3)) << 3));
}

/**
 * Upper-triangle tiles of Xcᵀ Xc for tile rows ipFrom ≤ ip < ipTo (4 columns each) from the
 * centred panels (centerColumns), into the scratch's tile area.
 *
 * Method: GEMM-style 4×4 register tiles (eight f64x2 accumulators: two loads of the i-panel
 * and four broadcasts of the j-panel per row t), rows in blocks of KC and j-panels in blocks
 * of NC for cache reuse. Each entry is summed over t in order, starting from 0, whatever the
 * blocking or the row range, so splitting tile rows between callers changes no bit.
 * Cost: 2·n·16 flops per tile, kp(kp+1)/2 tiles for the whole triangle.
 * Never throws; the caller keeps 0 ≤ ipFrom ≤ ipTo ≤ ⌈k/4⌉.
 */
export function tileProducts(scratch: usize, n: i32, k: i32, ipFrom: i32, ipTo: i32): void {
  const kp = padK(k) >> 2;
  if (ipFrom >= ipTo) return;
  const first = tileAt(scratch, n, k, ipFrom, ipFrom);
  memory.fill(first, 0, tileAt(scratch, n, k, ipTo, ipTo) - first);
  const panelBytes = <usize>n << 5;
  for (let t0 = 0; t0 < n; t0 += KC) {
    const len = <usize>min(KC, n - t0) << 5;
    const tOff = <usize>t0 << 5;
    for (let j0 = ipFrom; j0 < kp; j0 += NC) {
      const j1 = min(j0 + NC, kp);
      const iEnd = min(ipTo, j1);
      for (let ip = ipFrom; ip < iEnd; ip++) {
        const a = scratch + <usize>ip * panelBytes + tOff;
        for (let jp = max(ip, j0); jp < j1; jp++) {
          tile4x4(a, scratch + <usize>jp * panelBytes + tOff, len, tileAt(scratch, n, k, ip, jp));
        }
      }
    }
  }
}

/** c (4×4 tile, 8 f64x2 by j) += Σ over len/32 rows of a-row ⊗ b-row; 16 multiply–adds a row. */
// @ts-ignore: decorator
@inline
function tile4x4(a: usize, b: usize, len: usize, c: usize): void {
  let c0l = v128.load(c, 0), c0h = v128.load(c, 16);
  let c1l = v128.load(c, 32), c1h = v128.load(c, 48);
  let c2l = v128.load(c, 64), c2h = v128.load(c, 80);
  let c3l = v128.load(c, 96), c3h = v128.load(c, 112);
  for (let o: usize = 0; o < len; o += 32) {
    const al = v128.load(a + o, 0);
    const ah = v128.load(a + o, 16);
    const b0 = v128.load64_splat(b + o, 0);
    c0l = f64x2.add(c0l, f64x2.mul(al, b0));
    c0h = f64x2.add(c0h, f64x2.mul(ah, b0));
    const b1 = v128.load64_splat(b + o, 8);
    c1l = f64x2.add(c1l, f64x2.mul(al, b1));
    c1h = f64x2.add(c1h, f64x2.mul(ah, b1));
    const b2 = v128.load64_splat(b + o, 16);
    c2l = f64x2.add(c2l, f64x2.mul(al, b2));
    c2h = f64x2.add(c2h, f64x2.mul(ah, b2));
    const b3 = v128.load64_splat(b + o, 24);
    c3l = f64x2.add(c3l, f64x2.mul(al, b3));
    c3h = f64x2.add(c3h, f64x2.mul(ah, b3));
  }
  v128.store(c, c0l, 0); v128.store(c, c0h, 16);
  v128.store(c, c1l, 32); v128.store(c, c1h, 48);
  v128.store(c, c2l, 64); v128.store(c, c2h, 80);
  v128.store(c, c3l, 96); v128.store(c, c3h, 112);
}
