/**
 * e^x − 1 for two lanes at once (f64x2), accurate to about one ulp: Cody–Waite reduction
 * x = k·ln2 + r with |r| ≤ ln2/2, the Taylor series of e^r − 1 to r¹⁴ (truncation below
 * 5e-18 relative), then e^x − 1 = 2^k·(e^r − 1) + (2^k − 1), which is exact for k = 0.
 * Inputs are clamped to [−40, 709] (e^−40 − 1 rounds to −1; e^709 is near the f64 limit).
 *
 * Twin: src/math/expm1-poly.ts performs the same operations in the same order (bit-identical).
 */

const INV_LN2: f64 = 1.4426950408889634;
const LN2_HI: f64 = 6.93147180369123816490e-01;
const LN2_LO: f64 = 1.90821492927058770002e-10;
const ROUND: f64 = 6755399441055744.0; // 1.5·2⁵²: adding and subtracting it rounds to the nearest integer (ties to even)

// @ts-ignore: decorator
@inline export function expm1Lanes(x0: v128): v128 {
  const x = f64x2.min(f64x2.max(x0, f64x2.splat(-40.0)), f64x2.splat(709.0));
  const k = f64x2.sub(f64x2.add(f64x2.mul(x, f64x2.splat(INV_LN2)), f64x2.splat(ROUND)), f64x2.splat(ROUND));
  const r = f64x2.sub(f64x2.sub(x, f64x2.mul(k, f64x2.splat(LN2_HI))), f64x2.mul(k, f64x2.splat(LN2_LO)));
  let q = f64x2.splat(1.1470745597729725e-11); // 1/14!
  q = f64x2.add(f64x2.mul(q, r), f64x2.splat(1.6059043836821613e-10)); // 1/13!
  q = f64x2.add(f64x2.mul(q, r), f64x2.splat(2.08767569878681e-9)); // 1/12!
  q = f64x2.add(f64x2.mul(q, r), f64x2.splat(2.505210838544172e-8)); // 1/11!
  q = f64x2.add(f64x2.mul(q, r), f64x2.splat(2.755731922398589e-7)); // 1/10!
  q = f64x2.add(f64x2.mul(q, r), f64x2.splat(2.7557319223985893e-6)); // 1/9!
  q = f64x2.add(f64x2.mul(q, r), f64x2.splat(2.48015873015873e-5)); // 1/8!
  q = f64x2.add(f64x2.mul(q, r), f64x2.splat(1.984126984126984e-4)); // 1/7!
  q = f64x2.add(f64x2.mul(q, r), f64x2.splat(1.388888888888889e-3)); // 1/6!
  q = f64x2.add(f64x2.mul(q, r), f64x2.splat(8.333333333333333e-3)); // 1/5!
  q = f64x2.add(f64x2.mul(q, r), f64x2.splat(4.1666666666666664e-2)); // 1/4!
  q = f64x2.add(f64x2.mul(q, r), f64x2.splat(1.6666666666666666e-1)); // 1/3!
  q = f64x2.add(f64x2.mul(q, r), f64x2.splat(0.5)); // 1/2!
  const em1 = f64x2.add(r, f64x2.mul(f64x2.mul(r, r), q));
  // 2^k from the exponent bits: (k + 1023) << 52
  const ki = i64x2.extend_low_i32x4_s(i32x4.trunc_sat_f64x2_s_zero(k));
  const pow2 = i64x2.shl(i64x2.add(ki, i64x2.splat(1023)), 52);
  return f64x2.add(f64x2.mul(pow2, em1), f64x2.sub(pow2, f64x2.splat(1.0)));
}
