/** Plain-TS twin of bilinearForm: aᵀΣb (domain.md (G2)). */
export function bilinearFormReference(sigma: ArrayLike<number>, k: number, a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < k; i++) {
    let r = 0;
    for (let j = 0; j < k; j++) r += sigma[i * k + j] * b[j];
    s += a[i] * r;
  }
  return s;
}

/** Plain-TS twin of quadraticForm: aᵀΣa (domain.md (G2)). */
export function quadraticFormReference(sigma: ArrayLike<number>, k: number, a: ArrayLike<number>): number {
  return bilinearFormReference(sigma, k, a, a);
}
