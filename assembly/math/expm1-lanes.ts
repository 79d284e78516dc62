/**
 * e^x − 1 for two lanes at once (f64x2), accurate to about one ulp: Cody–Waite reduction
 * x = k·ln2 + r with |r| ≤ ln2/2, the Taylor series of e^r − 1 to r¹⁴ (truncation below
 * 5e-18 relative; its polynomial by Estrin's scheme), then e^x − 1 = 2^k·(e^r − 1) + (2^k − 1), which is exact for k = 0.
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
  // pmin/pmax (single instructions) clamp like Math.min/Math.max for every non-NaN input
  const x = f64x2.pmin(f64x2.pmax(x0, f64x2.splat(-40.0)), f64x2.splat(709.0));
  const shifted = f64x2.add(f64x2.mul(x, f64x2.splat(INV_LN2)), f64x2.splat(ROUND));
  const k = f64x2.sub(shifted, f64x2.splat(ROUND));
  const r = f64x2.sub(f64x2.sub(x, f64x2.mul(k, f64x2.splat(LN2_HI))), f64x2.mul(k, f64x2.splat(LN2_LO)));
  // q(r) = Σ c_j r^j with c_j = 1/(j+2)!, j = 0…12, by Estrin's scheme: a short dependency
  // chain (the loop is latency-bound with Horner's 13 sequential steps)
  const r2 = f64x2.mul(r, r), r4 = f64x2.mul(r2, r2), r8 = f64x2.mul(r4, r4);
  const p01 = f64x2.add(f64x2.splat(0.5), f64x2.mul(f64x2.splat(1.6666666666666666e-1), r));
  const p23 = f64x2.add(f64x2.splat(4.1666666666666664e-2), f64x2.mul(f64x2.splat(8.333333333333333e-3), r));
  const p45 = f64x2.add(f64x2.splat(1.388888888888889e-3), f64x2.mul(f64x2.splat(1.984126984126984e-4), r));
  const p67 = f64x2.add(f64x2.splat(2.48015873015873e-5), f64x2.mul(f64x2.splat(2.7557319223985893e-6), r));
  const p89 = f64x2.add(f64x2.splat(2.755731922398589e-7), f64x2.mul(f64x2.splat(2.505210838544172e-8), r));
  const p1011 = f64x2.add(f64x2.splat(2.08767569878681e-9), f64x2.mul(f64x2.splat(1.6059043836821613e-10), r));
  const p12 = f64x2.splat(1.1470745597729725e-11);
  const q03 = f64x2.add(p01, f64x2.mul(p23, r2)), q47 = f64x2.add(p45, f64x2.mul(p67, r2));
  const q811 = f64x2.add(p89, f64x2.mul(p1011, r2));
  const h07 = f64x2.add(q03, f64x2.mul(q47, r4)), h812 = f64x2.add(q811, f64x2.mul(p12, r4));
  const q = f64x2.add(h07, f64x2.mul(h812, r8));
  const em1 = f64x2.add(r, f64x2.mul(f64x2.mul(r, r), q));
  // 2^k from the exponent bits: (k + 1023) << 52, with k read off the low bits of `shifted`
  const ki = i64x2.sub(shifted, i64x2.splat(0x4338000000000000)); // bits of ROUND
  const pow2 = i64x2.shl(i64x2.add(ki, i64x2.splat(1023)), 52);
  return f64x2.add(f64x2.mul(pow2, em1), f64x2.sub(pow2, f64x2.splat(1.0)));
}
