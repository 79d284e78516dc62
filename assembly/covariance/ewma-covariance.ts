/**
 * EWMA covariance (RiskMetrics), streamed: Σ_t = λ·Σ_{t−1} + (1 − λ)·r_t r_tᵀ for the
 * `rows` observations of one chunk, starting from the matrix in `state`.
 *
 * Zero-mean returns, as in RiskMetrics (1996); λ = 0.94 for daily data (domain.md §3, RS-2).
 * Units: input returns per step; Σ per step (not annualised).
 *
 * | pointer | length (f64)   | role                                                        |
 * |---------|----------------|-------------------------------------------------------------|
 * | x       | rows·k         | input chunk, row-major                                      |
 * | state   | k·k            | in: Σ before the chunk; out: Σ after its last row           |
 * | out     | rows·k·k or 0  | if ≠ 0, Σ_t of every row of the chunk, one k×k after another |
 *
 * With out = 0 only the state advances (the "last matrix" mode, no O(n·k²) memory).
 * f64x2 SIMD over j. Never throws.
 */
export function ewmaCovariance(x: usize, rows: i32, k: i32, lambda: f64, state: usize, out: usize): void {
  const kk = <usize>(k * k) << 3;
  const lam = f64x2.splat(lambda);
  const w = 1.0 - lambda;
  let prev = state;
  for (let t = 0; t < rows; t++) {
    const r = x + (<usize>(t * k) << 3);
    const dst = out != 0 ? out + <usize>t * kk : state;
    for (let i = 0; i < k; i++) {
      const ci = w * load<f64>(r + (<usize>i << 3));
      const cv = f64x2.splat(ci);
      const src = prev + (<usize>(i * k) << 3);
      const dr = dst + (<usize>(i * k) << 3);
      let j = 0;
      for (; j + 1 < k; j += 2) {
        const o = <usize>j << 3;
        v128.store(dr + o, f64x2.add(f64x2.mul(lam, v128.load(src + o)), f64x2.mul(cv, v128.load(r + o))));
      }
      if (j < k) {
        const o = <usize>j << 3;
        store<f64>(dr + o, lambda * load<f64>(src + o) + ci * load<f64>(r + o));
      }
    }
    prev = dst;
  }
  if (out != 0 && rows > 0) memory.copy(state, prev, kk);
}
