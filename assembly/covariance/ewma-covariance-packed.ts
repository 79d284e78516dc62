import { ewmaRow } from "./ewma-row";

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
  const w = 1.0 - lambda;
  let prev = state;
  for (let t = 0; t < rows; t++) {
    const r = x + (<usize>(t * k) << 3);
    const dst = out != 0 ? out + <usize>t * packed : state;
    let rowStart: usize = 0;
    for (let i = 0; i < k; i++) {
      const ri = r + (<usize>i << 3); // row i of the upper triangle pairs r_i with r_i … r_{k−1}
      ewmaRow(dst + rowStart, prev + rowStart, ri, k - i, lambda, w * load<f64>(ri));
      rowStart += <usize>(k - i) << 3;
    }
    prev = dst;
  }
  if (out != 0 && rows > 0) memory.copy(state, prev, packed);
}
