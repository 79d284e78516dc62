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

/** Symmetric eigen-decomposition by cyclic Jacobi rotations: a = V·diag(values)·Vᵀ, V's columns the vectors. */
export function symmetricEigen(a: number[][]): { values: number[]; vectors: number[][] } {
  const n = a.length;
  const A = a.map((row) => row.slice());
  const V: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += A[i][j] * A[i][j];
    if (off < 1e-30) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        if (Math.abs(A[p][q]) < 1e-300) continue;
        const theta = (A[q][q] - A[p][p]) / (2 * A[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1), s = t * c;
        for (let k = 0; k < n; k++) { const akp = A[k][p], akq = A[k][q]; A[k][p] = c * akp - s * akq; A[k][q] = s * akp + c * akq; }
        for (let k = 0; k < n; k++) { const apk = A[p][k], aqk = A[q][k]; A[p][k] = c * apk - s * aqk; A[q][k] = s * apk + c * aqk; }
        for (let k = 0; k < n; k++) { const vkp = V[k][p], vkq = V[k][q]; V[k][p] = c * vkp - s * vkq; V[k][q] = s * vkp + c * vkq; }
      }
    }
  }
  return { values: A.map((row, i) => row[i]), vectors: V };
}

/**
 * Variances of the identified parameters from a possibly singular information matrix I, by its
 * Moore–Penrose generalised inverse restricted to the identified subspace: with I = Σ_k λ_k u_k u_kᵀ,
 * directions with λ_k ≤ 1e-8·λ_max (or negative: a flat or non-concave direction) are not
 * identified (so is a parameter whose row is not finite); parameter i is identified when its axis is orthogonal to all of them
 * (Σ_null u_k[i]² < 1e-3), and then Var(θ̂_i) = Σ_{k identified} u_k[i]²/λ_k. When I is positive
 * definite this equals the diagonal of I⁻¹. Entries of non-identified parameters are null.
 * Reference: Rothenberg (1971), Econometrica 39(3), 577–591 (local identification ⇔ full-rank information).
 */
export function identifiedVariances(info: number[][]): (number | null)[] {
  // a parameter whose row is not finite (its difference steps left the domain, e.g. at a cap)
  // is not identified; the others are computed from the rest of the matrix
  const keep = info.map((_, i) => i);
  for (;;) {
    const bad = keep.map((i) => keep.filter((j) => !Number.isFinite(info[i][j])).length);
    const worst = bad.indexOf(Math.max(0, ...bad));
    if (!(bad[worst] > 0)) break;
    keep.splice(worst, 1);
  }
  if (keep.length < info.length) {
    const sub = identifiedVariances(keep.map((i) => keep.map((j) => info[i][j])));
    const out: (number | null)[] = info.map(() => null);
    keep.forEach((i, k) => { out[i] = sub[k]; });
    return out;
  }
  if (info.length === 0) return [];
  const { values, vectors } = symmetricEigen(info);
  const n = values.length, top = Math.max(0, ...values);
  const isNull = values.map((l) => !(l > 1e-8 * top));
  return Array.from({ length: n }, (_, i) => {
    let leak = 0, v = 0;
    for (let k = 0; k < n; k++) {
      const u2 = vectors[i][k] ** 2;
      if (isNull[k]) leak += u2; else v += u2 / values[k];
    }
    return leak < 1e-3 && v > 0 && Number.isFinite(v) ? v : null;
  });
}
