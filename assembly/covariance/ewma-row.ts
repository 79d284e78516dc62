/**
 * One row segment of the EWMA update, dst[j] = λ·src[j] + c·r[j] for j < len (c = (1 − λ)·r_i),
 * f64x2 over j with a scalar tail. Shared by the full and the packed EWMA kernels.
 */
// @ts-ignore: decorator
@inline export function ewmaRow(dst: usize, src: usize, r: usize, len: i32, lambda: f64, c: f64): void {
  const lam = f64x2.splat(lambda), cv = f64x2.splat(c);
  let j = 0;
  for (; j + 1 < len; j += 2) {
    const o = <usize>j << 3;
    v128.store(dst + o, f64x2.add(f64x2.mul(lam, v128.load(src + o)), f64x2.mul(cv, v128.load(r + o))));
  }
  if (j < len) {
    const o = <usize>j << 3;
    store<f64>(dst + o, lambda * load<f64>(src + o) + c * load<f64>(r + o));
  }
}
