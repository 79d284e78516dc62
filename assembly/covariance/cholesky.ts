/**
 * Cholesky factor L (lower, row-major, zeros above the diagonal) with A = L·Lᵀ.
 *
 * Returns 0 when A is positive definite; otherwise j + 1 for the first column j whose
 * pivot A_jj − Σ L_jm² is ≤ 0 or not finite (the positive-definiteness flag — the
 * kernel never throws; columns from j on are left as zeros).
 *
 * | pointer | length (f64) | role                  |
 * |---------|--------------|-----------------------|
 * | a       | k·k          | symmetric input (lower triangle read) |
 * | out     | k·k          | L                     |
 */
export function cholesky(a: usize, k: i32, out: usize): i32 {
  memory.fill(out, 0, <usize>(k * k) << 3);
  for (let j = 0; j < k; j++) {
    const rj = out + (<usize>(j * k) << 3);
    let d = load<f64>(a + (<usize>(j * k + j) << 3)) - dot(rj, rj, j);
    if (!(d > 0) || !isFinite(d)) return j + 1;
    const ljj = Math.sqrt(d);
    store<f64>(rj + (<usize>j << 3), ljj);
    for (let i = j + 1; i < k; i++) {
      const ri = out + (<usize>(i * k) << 3);
      store<f64>(ri + (<usize>j << 3), (load<f64>(a + (<usize>(i * k + j) << 3)) - dot(ri, rj, j)) / ljj);
    }
  }
  return 0;
}

/** Σ_{m<len} p[m]·q[m], f64x2 SIMD. */
export function dot(p: usize, q: usize, len: i32): f64 {
  let acc = f64x2.splat(0);
  let m = 0;
  for (; m + 1 < len; m += 2) {
    const o = <usize>m << 3;
    acc = f64x2.add(acc, f64x2.mul(v128.load(p + o), v128.load(q + o)));
  }
  let s = f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1);
  if (m < len) s += load<f64>(p + (<usize>m << 3)) * load<f64>(q + (<usize>m << 3));
  return s;
}
