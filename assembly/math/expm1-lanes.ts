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

// Every constant of the loop twice (a ready-made f64x2 splat) in static memory: a v128.load is
// one instruction, while V8 rebuilds each splat constant inside the loop with three.
const K_LO = 0, K_HI = 1, K_INV_LN2 = 2, K_ROUND = 3, K_LN2_HI = 4, K_LN2_LO = 5, K_ONE = 6, K_C = 7; // K_C + j: c_j
const CONSTANTS = memory.data<f64>([
  -40.0, -40.0, 709.0, 709.0, INV_LN2, INV_LN2, ROUND, ROUND, LN2_HI, LN2_HI, LN2_LO, LN2_LO, 1.0, 1.0,
  0.5, 0.5, 1.6666666666666666e-1, 1.6666666666666666e-1, 4.1666666666666664e-2, 4.1666666666666664e-2,
  8.333333333333333e-3, 8.333333333333333e-3, 1.388888888888889e-3, 1.388888888888889e-3,
  1.984126984126984e-4, 1.984126984126984e-4, 2.48015873015873e-5, 2.48015873015873e-5,
  2.7557319223985893e-6, 2.7557319223985893e-6, 2.755731922398589e-7, 2.755731922398589e-7,
  2.505210838544172e-8, 2.505210838544172e-8, 2.08767569878681e-9, 2.08767569878681e-9,
  1.6059043836821613e-10, 1.6059043836821613e-10, 1.1470745597729725e-11, 1.1470745597729725e-11,
]);

// @ts-ignore: decorator
@inline function k(which: i32): v128 {
  return v128.load(CONSTANTS + (<usize>which << 4));
}

// @ts-ignore: decorator
@inline export function expm1Lanes(x0: v128): v128 {
  // pmin/pmax (single instructions) clamp like Math.min/Math.max for every non-NaN input
  const x = f64x2.pmin(f64x2.pmax(x0, k(K_LO)), k(K_HI));
  const shifted = f64x2.add(f64x2.mul(x, k(K_INV_LN2)), k(K_ROUND));
  const kk = f64x2.sub(shifted, k(K_ROUND));
  const r = f64x2.sub(f64x2.sub(x, f64x2.mul(kk, k(K_LN2_HI))), f64x2.mul(kk, k(K_LN2_LO)));
  // q(r) = Σ c_j r^j with c_j = 1/(j+2)!, j = 0…12, by Estrin's scheme: a short dependency
  // chain (the loop is latency-bound with Horner's 13 sequential steps)
  const r2 = f64x2.mul(r, r), r4 = f64x2.mul(r2, r2), r8 = f64x2.mul(r4, r4);
  const p01 = f64x2.add(k(K_C), f64x2.mul(k(K_C + 1), r));
  const p23 = f64x2.add(k(K_C + 2), f64x2.mul(k(K_C + 3), r));
  const p45 = f64x2.add(k(K_C + 4), f64x2.mul(k(K_C + 5), r));
  const p67 = f64x2.add(k(K_C + 6), f64x2.mul(k(K_C + 7), r));
  const p89 = f64x2.add(k(K_C + 8), f64x2.mul(k(K_C + 9), r));
  const p1011 = f64x2.add(k(K_C + 10), f64x2.mul(k(K_C + 11), r));
  const p12 = k(K_C + 12);
  const q03 = f64x2.add(p01, f64x2.mul(p23, r2)), q47 = f64x2.add(p45, f64x2.mul(p67, r2));
  const q811 = f64x2.add(p89, f64x2.mul(p1011, r2));
  const h07 = f64x2.add(q03, f64x2.mul(q47, r4)), h812 = f64x2.add(q811, f64x2.mul(p12, r4));
  const q = f64x2.add(h07, f64x2.mul(h812, r8));
  const em1 = f64x2.add(r, f64x2.mul(f64x2.mul(r, r), q));
  // 2^k from the exponent bits: (k + 1023) << 52, with k read off the low bits of `shifted`
  const ki = i64x2.sub(shifted, i64x2.splat(0x4338000000000000)); // bits of ROUND
  const pow2 = i64x2.shl(i64x2.add(ki, i64x2.splat(1023)), 52);
  return f64x2.add(f64x2.mul(pow2, em1), f64x2.sub(pow2, k(K_ONE)));
}
