/**
 * Plain-TS twin of the sampleCovariance kernel (test oracle and benchmark baseline).
 * Σ_ij = Σ_t (x_ti − x̄_i)(x_tj − x̄_j)/(n − 1), two passes. domain.md (G2), RS-2.
 * @param x row-major n×k
 */
export function sampleCovarianceReference(x: ArrayLike<number>, n: number, k: number): Float64Array {
  const mean = new Float64Array(k);
  for (let t = 0; t < n; t++) for (let j = 0; j < k; j++) mean[j] += x[t * k + j];
  for (let j = 0; j < k; j++) mean[j] /= n;
  const xc = new Float64Array(n * k);
  for (let t = 0; t < n; t++) for (let j = 0; j < k; j++) xc[t * k + j] = x[t * k + j] - mean[j];
  const out = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = i; j < k; j++) {
      let s = 0;
      for (let t = 0; t < n; t++) s += xc[t * k + i] * xc[t * k + j];
      out[i * k + j] = out[j * k + i] = s / (n - 1);
    }
  }
  return out;
}
