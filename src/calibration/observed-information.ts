/**
 * Observed information by central finite differences and its inverse: the asymptotic
 * covariance of a maximum-likelihood estimate, Cov(θ̂) ≈ [−∇²ℓ(θ̂)]⁻¹.
 *
 * Step h_i = 1e-4·max(1, |θ_i|) (second differences of a smooth ℓ; error O(h²)).
 * Reference: Efron & Hinkley (1978), Biometrika 65(3), 457–487 (observed vs expected information).
 */

/** Negative Hessian of `logLik` at θ (central differences). */
export function observedInformation(logLik: (theta: number[]) => number, theta: number[]): number[][] {
  const n = theta.length;
  const h = theta.map((v) => 1e-4 * Math.max(1, Math.abs(v)));
  const at = (d: number[]) => logLik(theta.map((v, i) => v + d[i]));
  const f0 = logLik(theta);
  const H: number[][] = Array.from({ length: n }, () => new Array(n).fill(0));
  for (let i = 0; i < n; i++) {
    const e = (k: number, s: number) => { const d = new Array(n).fill(0); d[k] = s; return d; };
    H[i][i] = -(at(e(i, h[i])) - 2 * f0 + at(e(i, -h[i]))) / (h[i] * h[i]);
    for (let j = 0; j < i; j++) {
      const d = (si: number, sj: number) => { const v = new Array(n).fill(0); v[i] = si * h[i]; v[j] = sj * h[j]; return at(v); };
      H[i][j] = H[j][i] = -(d(1, 1) - d(1, -1) - d(-1, 1) + d(-1, -1)) / (4 * h[i] * h[j]);
    }
  }
  return H;
}

/**
 * Inverse of a symmetric positive-definite matrix by Cholesky; null when it is not
 * positive definite (a parameter not identified by the data).
 */
export function invertSpd(a: number[][]): number[][] | null {
  const n = a.length;
  const L: number[][] = Array.from({ length: n }, () => new Array(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i][j];
      for (let k = 0; k < j; k++) s -= L[i][k] * L[j][k];
      if (i === j) { if (!(s > 0)) return null; L[i][i] = Math.sqrt(s); } else L[i][j] = s / L[j][j];
    }
  }
  const inv: number[][] = Array.from({ length: n }, () => new Array(n).fill(0));
  for (let c = 0; c < n; c++) {
    const y = new Array(n).fill(0);
    for (let i = 0; i < n; i++) { let s = i === c ? 1 : 0; for (let k = 0; k < i; k++) s -= L[i][k] * y[k]; y[i] = s / L[i][i]; }
    for (let i = n - 1; i >= 0; i--) { let s = y[i]; for (let k = i + 1; k < n; k++) s -= L[k][i] * inv[k][c]; inv[i][c] = s / L[i][i]; }
  }
  return inv;
}
