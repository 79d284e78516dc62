/**
 * Plain-TS twin of the ledoitWolf kernel (scikit-learn `ledoit_wolf` convention):
 * S = centred covariance / n, μ = tr S / k, δ = ‖S − μI‖²/k,
 * β = min(δ, (Σ_t‖x_t‖⁴/n − ‖S‖²)/(n·k)), s = β/δ, Σ = (1 − s)S + sμI.
 * Reference: Ledoit & Wolf (2004), doi:10.1016/S0047-259X(03)00096-4.
 */
export function ledoitWolfReference(x: ArrayLike<number>, n: number, k: number): { covariance: Float64Array; shrinkage: number; mu: number } {
  const mean = new Float64Array(k);
  for (let t = 0; t < n; t++) for (let j = 0; j < k; j++) mean[j] += x[t * k + j];
  for (let j = 0; j < k; j++) mean[j] /= n;
  const xc = new Float64Array(n * k);
  for (let p = 0; p < n * k; p++) xc[p] = x[p] - mean[p % k];
  const s = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) {
    let acc = 0;
    for (let t = 0; t < n; t++) acc += xc[t * k + i] * xc[t * k + j];
    s[i * k + j] = acc / n;
  }
  let tr = 0, fro = 0, sum4 = 0;
  for (let i = 0; i < k; i++) tr += s[i * k + i];
  for (let p = 0; p < k * k; p++) fro += s[p] * s[p];
  for (let t = 0; t < n; t++) {
    let r2 = 0;
    for (let j = 0; j < k; j++) r2 += xc[t * k + j] ** 2;
    sum4 += r2 * r2;
  }
  const mu = tr / k;
  const delta = (fro - 2 * mu * tr + k * mu * mu) / k;
  const beta = Math.min(delta, (sum4 / n - fro) / (n * k));
  const shrinkage = delta === 0 ? 0 : beta / delta;
  const covariance = s.map((v) => (1 - shrinkage) * v);
  for (let i = 0; i < k; i++) covariance[i * k + i] += shrinkage * mu;
  return { covariance, shrinkage, mu };
}
