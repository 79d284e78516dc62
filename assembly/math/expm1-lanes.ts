/**
 * e^x − 1 for four lanes at once in single precision (f32x4), accurate to about one f32 ulp:
 * Cody–Waite reduction x = k·ln2 + r with |r| ≤ ln2/2 (ln2 split into a 9-bit head, so k·head is
 * exact, and a tail), the Taylor series of e^r − 1 to r⁸ (truncation below 3e-10 relative; its
 * polynomial by Estrin's scheme), then e^x − 1 = 2^k·(e^r − 1) + (2^k − 1), which is exact for
 * k = 0. Inputs are clamped to [−17, 88] (e^−17 − 1 rounds to −1 + 4e-8; e^88 is near the f32 limit).
 *
 * Twin: src/math/expm1-single.ts (expm1Single) performs the same operations in the same order (bit-identical).
 */

// Every constant of the loop four times (a ready-made f32x4 splat) in static memory: a v128.load
// is one instruction, while V8 rebuilds each splat constant inside the loop.
const K_LO = 0, K_HI = 1, K_INV_LN2 = 2, K_ROUND = 3, K_LN2_HI = 4, K_LN2_LO = 5, K_ONE = 6, K_C = 7; // K_C + j: c_j
const CONSTANTS = memory.data<f32>([
  -17.0, -17.0, -17.0, -17.0, 88.0, 88.0, 88.0, 88.0,
  1.4426950408889634, 1.4426950408889634, 1.4426950408889634, 1.4426950408889634,
  12582912.0, 12582912.0, 12582912.0, 12582912.0, // 1.5·2²³: adding and subtracting it rounds to the nearest integer
  0.693359375, 0.693359375, 0.693359375, 0.693359375,
  -2.12194440e-4, -2.12194440e-4, -2.12194440e-4, -2.12194440e-4,
  1.0, 1.0, 1.0, 1.0,
  0.5, 0.5, 0.5, 0.5,
  1.6666666666666666e-1, 1.6666666666666666e-1, 1.6666666666666666e-1, 1.6666666666666666e-1,
  4.1666666666666664e-2, 4.1666666666666664e-2, 4.1666666666666664e-2, 4.1666666666666664e-2,
  8.333333333333333e-3, 8.333333333333333e-3, 8.333333333333333e-3, 8.333333333333333e-3,
  1.388888888888889e-3, 1.388888888888889e-3, 1.388888888888889e-3, 1.388888888888889e-3,
  1.984126984126984e-4, 1.984126984126984e-4, 1.984126984126984e-4, 1.984126984126984e-4,
  2.48015873015873e-5, 2.48015873015873e-5, 2.48015873015873e-5, 2.48015873015873e-5,
]);

// @ts-ignore: decorator
@inline function k(which: i32): v128 {
  return v128.load(CONSTANTS + (<usize>which << 4));
}

// @ts-ignore: decorator
@inline export function expm1Lanes(x0: v128): v128 {
  // pmin/pmax (single instructions) clamp like Math.min/Math.max for every non-NaN input
  const x = f32x4.pmin(f32x4.pmax(x0, k(K_LO)), k(K_HI));
  const shifted = f32x4.add(f32x4.mul(x, k(K_INV_LN2)), k(K_ROUND));
  const kk = f32x4.sub(shifted, k(K_ROUND));
  const r = f32x4.sub(f32x4.sub(x, f32x4.mul(kk, k(K_LN2_HI))), f32x4.mul(kk, k(K_LN2_LO)));
  // q(r) = Σ c_j r^j with c_j = 1/(j+2)!, j = 0…6, by Estrin's scheme
  const r2 = f32x4.mul(r, r), r4 = f32x4.mul(r2, r2);
  const p01 = f32x4.add(k(K_C), f32x4.mul(k(K_C + 1), r));
  const p23 = f32x4.add(k(K_C + 2), f32x4.mul(k(K_C + 3), r));
  const p45 = f32x4.add(k(K_C + 4), f32x4.mul(k(K_C + 5), r));
  const p6 = k(K_C + 6);
  const q03 = f32x4.add(p01, f32x4.mul(p23, r2)), q46 = f32x4.add(p45, f32x4.mul(p6, r2));
  const q = f32x4.add(q03, f32x4.mul(q46, r4));
  const em1 = f32x4.add(r, f32x4.mul(f32x4.mul(r, r), q));
  // 2^k from the exponent bits: (k + 127) << 23, with k read off the low bits of `shifted`
  const ki = i32x4.sub(shifted, i32x4.splat(0x4b400000)); // bits of ROUND
  const pow2 = i32x4.shl(i32x4.add(ki, i32x4.splat(127)), 23);
  return f32x4.add(f32x4.mul(pow2, em1), f32x4.sub(pow2, k(K_ONE)));
}
