/** Plain-TS twin of correlationFromCovariance: ρ_ij = Σ_ij/sqrt(Σ_ii Σ_jj), diagonal 1 (NaN for zero variance). */
export function correlationFromCovarianceReference(cov: ArrayLike<number>, k: number): Float64Array {
  const out = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      out[i * k + j] = i === j ? (cov[i * k + i] > 0 ? 1 : NaN) : cov[i * k + j] / (Math.sqrt(cov[i * k + i]) * Math.sqrt(cov[j * k + j]));
    }
  }
  return out;
}
