/**
 * EWMA covariance (RiskMetrics), packed: the same recursion as ./ewma-covariance.ts,
 * Σ_t = λ·Σ_{t−1} + (1 − λ)·r_t r_tᵀ, on the upper triangle only — Σ is symmetric, so half the
 * arithmetic and half the bytes written. Packed layout (LAPACK "U", row-major): row i holds
 * Σ_ij for j = i … k−1, starting at offset i·k − i(i−1)/2; k(k+1)/2 values per matrix.
 *
 * | pointer | length (f64)          | role                                                        |
 * |---------|-----------------------|-------------------------------------------------------------|
 * | x       | rows·k                | input chunk, row-major                                      |
 * | state   | k(k+1)/2              | in: packed Σ before the chunk; out: after its last row      |
 * | out     | rows·k(k+1)/2 or 0    | if ≠ 0, packed Σ_t of every row of the chunk                |
 *
 * Units: input returns per step; Σ per step. f64x2 SIMD over j. Never throws.
 */
export function ewmaCovariancePacked(x: usize, rows: i32, k: i32, lambda: f64, state: usize, out: usize): void {
  const packed = <usize>(k * (k + 1) / 2) << 3;
  const lam = f64x2.splat(lambda);
  const w = 1.0 - lambda;
  let prev = state;
  for (let t = 0; t < rows; t++) {
    const r = x + (<usize>(t * k) << 3);
    const dst = out != 0 ? out + <usize>t * packed : state;
    let rowStart: usize = 0;
    for (let i = 0; i < k; i++) {
      const ci = w * load<f64>(r + (<usize>i << 3));
      const cv = f64x2.splat(ci);
      const src = prev + rowStart, dr = dst + rowStart, ri = r + (<usize>i << 3);
      const len = k - i;
      let j = 0;
      for (; j + 1 < len; j += 2) {
        const o = <usize>j << 3;
        v128.store(dr + o, f64x2.add(f64x2.mul(lam, v128.load(src + o)), f64x2.mul(cv, v128.load(ri + o))));
      }
      if (j < len) {
        const o = <usize>j << 3;
        store<f64>(dr + o, lambda * load<f64>(src + o) + ci * load<f64>(ri + o));
      }
      rowStart += <usize>len << 3;
    }
    prev = dst;
  }
  if (out != 0 && rows > 0) memory.copy(state, prev, packed);
}
