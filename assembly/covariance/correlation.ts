/**
 * Correlation matrix from a covariance matrix: ρ_ij = Σ_ij / sqrt(Σ_ii·Σ_jj), diagonal exactly 1.
 *
 * | pointer | length (f64) | role   |
 * |---------|--------------|--------|
 * | cov     | k·k          | input  |
 * | out     | k·k          | output (may equal cov) |
 *
 * A zero variance gives NaN in its row and column (0/0), as numpy.corrcoef does. Never throws.
 * Reference: domain.md (G2), RS-2.
 */
export function correlationFromCovariance(cov: usize, k: i32, out: usize): void {
  // Standard deviations are read from the diagonal before it is overwritten (in-place use).
  for (let i = 0; i < k; i++) {
    const sii = Math.sqrt(load<f64>(cov + (<usize>(i * k + i) << 3)));
    for (let j = i + 1; j < k; j++) {
      const sjj = Math.sqrt(load<f64>(cov + (<usize>(j * k + j) << 3)));
      const r = load<f64>(cov + (<usize>(i * k + j) << 3)) / (sii * sjj);
      store<f64>(out + (<usize>(i * k + j) << 3), r);
      store<f64>(out + (<usize>(j * k + i) << 3), r);
    }
  }
  for (let i = 0; i < k; i++) {
    const d = load<f64>(cov + (<usize>(i * k + i) << 3));
    store<f64>(out + (<usize>(i * k + i) << 3), d > 0 ? 1.0 : NaN);
  }
}
