import { ewmaRow } from "./ewma-row";

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
  const w = 1.0 - lambda;
  let prev = state;
  for (let t = 0; t < rows; t++) {
    const r = x + (<usize>(t * k) << 3);
    const dst = out != 0 ? out + <usize>t * kk : state;
    for (let i = 0; i < k; i++) {
      const row = <usize>(i * k) << 3;
      ewmaRow(dst + row, prev + row, r, k, lambda, w * load<f64>(r + (<usize>i << 3)));
    }
    prev = dst;
  }
  if (out != 0 && rows > 0) memory.copy(state, prev, kk);
}
