/**
 * One row segment of the EWMA update, dst[j] = λ·src[j] + c·r[j] for j < len (c = (1 − λ)·r_i),
 * f64x2 over j, two vectors per iteration, with a vector and a scalar tail. Shared by the
 * full and the packed EWMA kernels. dst may equal src (in place).
 */
// @ts-ignore: decorator
@inline export function ewmaRow(dst: usize, src: usize, r: usize, len: i32, lambda: f64, c: f64): void {
  const lam = f64x2.splat(lambda), cv = f64x2.splat(c);
  const end = <usize>len << 3;
  let o: usize = 0;
  for (; o + 32 <= end; o += 32) {
    const a = f64x2.add(f64x2.mul(lam, v128.load(src + o)), f64x2.mul(cv, v128.load(r + o)));
    const b = f64x2.add(f64x2.mul(lam, v128.load(src + o, 16)), f64x2.mul(cv, v128.load(r + o, 16)));
    v128.store(dst + o, a);
    v128.store(dst + o, b, 16);
  }
  if (o + 16 <= end) {
    v128.store(dst + o, f64x2.add(f64x2.mul(lam, v128.load(src + o)), f64x2.mul(cv, v128.load(r + o))));
    o += 16;
  }
  if (o < end) store<f64>(dst + o, lambda * load<f64>(src + o) + c * load<f64>(r + o));
}
