/**
 * Plain-TS twin of the cholesky kernel: lower L with A = LLᵀ; `failedColumn` = 0 when A is
 * positive definite, else j + 1 for the first non-positive pivot (columns from j stay zero).
 */
export function choleskyReference(a: ArrayLike<number>, k: number): { factor: Float64Array; failedColumn: number } {
  const l = new Float64Array(k * k);
  for (let j = 0; j < k; j++) {
    let d = a[j * k + j];
    for (let m = 0; m < j; m++) d -= l[j * k + m] * l[j * k + m];
    if (!(d > 0) || !Number.isFinite(d)) return { factor: l, failedColumn: j + 1 };
    const ljj = Math.sqrt(d);
    l[j * k + j] = ljj;
    for (let i = j + 1; i < k; i++) {
      let s = a[i * k + j];
      for (let m = 0; m < j; m++) s -= l[i * k + m] * l[j * k + m];
      l[i * k + j] = s / ljj;
    }
  }
  return { factor: l, failedColumn: 0 };
}
