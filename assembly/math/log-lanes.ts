/**
 * ln x for four lanes at once in single precision (f32x4), accurate to about one f32 ulp for
 * normal x > 0: Cephes' logf (Moshier 1989). x = m·2^e with m ∈ [½, 1) read off the bits; when
 * m < √½, m ← 2m and e ← e − 1, so f = m − 1 ∈ [−0.29, 0.41]; then
 * ln(1 + f) = f − f²/2 + f³·P(f) (P of degree 8, Horner) and ln x = ln(1 + f) + e·ln2 with ln2
 * split into a 9-bit head (e·head exact) and a tail. Zero, negative, subnormal, infinite and NaN
 * inputs give meaningless finite values or NaN (callers keep x normal and positive, or clip the result).
 *
 * Twin: src/math/log-single.ts (logSingle) performs the same operations in the same order (bit-identical).
 */

// Every constant four times (a ready-made f32x4 splat) in static memory, as expm1-lanes.ts.
const K_SQRT_HALF = 0, K_ONE = 1, K_HALF = 2, K_LN2_HI = 3, K_LN2_LO = 4, K_P = 5; // K_P + j: p_j
const CONSTANTS = memory.data<f32>([
  0.70710678118654752, 0.70710678118654752, 0.70710678118654752, 0.70710678118654752,
  1.0, 1.0, 1.0, 1.0,
  0.5, 0.5, 0.5, 0.5,
  0.693359375, 0.693359375, 0.693359375, 0.693359375,
  -2.12194440e-4, -2.12194440e-4, -2.12194440e-4, -2.12194440e-4,
  7.0376836292e-2, 7.0376836292e-2, 7.0376836292e-2, 7.0376836292e-2,
  -1.1514610310e-1, -1.1514610310e-1, -1.1514610310e-1, -1.1514610310e-1,
  1.1676998740e-1, 1.1676998740e-1, 1.1676998740e-1, 1.1676998740e-1,
  -1.2420140846e-1, -1.2420140846e-1, -1.2420140846e-1, -1.2420140846e-1,
  1.4249322787e-1, 1.4249322787e-1, 1.4249322787e-1, 1.4249322787e-1,
  -1.6668057665e-1, -1.6668057665e-1, -1.6668057665e-1, -1.6668057665e-1,
  2.0000714765e-1, 2.0000714765e-1, 2.0000714765e-1, 2.0000714765e-1,
  -2.4999993993e-1, -2.4999993993e-1, -2.4999993993e-1, -2.4999993993e-1,
  3.3333331174e-1, 3.3333331174e-1, 3.3333331174e-1, 3.3333331174e-1,
]);
// the integer masks: the mantissa bits, and the bits of ½ (exponent 126)
const MASKS = memory.data<i32>([0x007fffff, 0x007fffff, 0x007fffff, 0x007fffff, 0x3f000000, 0x3f000000, 0x3f000000, 0x3f000000]);

// @ts-ignore: decorator
@inline function k(which: i32): v128 {
  return v128.load(CONSTANTS + (<usize>which << 4));
}

// @ts-ignore: decorator
@inline export function logLanes(x: v128): v128 {
  const mantissa = v128.load(MASKS), halfBits = v128.load(MASKS, 16);
  const e0 = i32x4.sub(i32x4.shr_u(x, 23), i32x4.splat(126)); // x = m·2^e0, m ∈ [½, 1)
  const m = v128.or(v128.and(x, mantissa), halfBits);
  const small = f32x4.lt(m, k(K_SQRT_HALF)); // all ones (−1 as i32) where m < √½
  const e = f32x4.convert_i32x4_s(i32x4.add(e0, small));
  const f = f32x4.sub(f32x4.add(m, v128.and(m, small)), k(K_ONE)); // 2m − 1 or m − 1 (2m exact)
  const z = f32x4.mul(f, f);
  let p = k(K_P);
  for (let j = 1; j <= 8; j++) p = f32x4.add(f32x4.mul(p, f), k(K_P + j));
  let y = f32x4.mul(f32x4.mul(p, f), z);
  y = f32x4.add(y, f32x4.mul(e, k(K_LN2_LO)));
  y = f32x4.sub(y, f32x4.mul(k(K_HALF), z));
  return f32x4.add(f32x4.add(f, y), f32x4.mul(e, k(K_LN2_HI)));
}
