/**
 * e^x − 1 by the kernel's own method (assembly/math/expm1-lanes.ts): Cody–Waite reduction,
 * a degree-14 Taylor polynomial, and e^x − 1 = 2^k·(e^r − 1) + (2^k − 1). Same operations in
 * the same order, so the TypeScript twin and the WASM kernel agree bit for bit. Accurate to
 * about one ulp; x is clamped to [−40, 709].
 */
const INV_LN2 = 1.4426950408889634;
const LN2_HI = 6.93147180369123816490e-01;
const LN2_LO = 1.90821492927058770002e-10;
const ROUND = 6755399441055744.0;
const C = [
  1.1470745597729725e-11, 1.6059043836821613e-10, 2.08767569878681e-9, 2.505210838544172e-8,
  2.755731922398589e-7, 2.7557319223985893e-6, 2.48015873015873e-5, 1.984126984126984e-4,
  1.388888888888889e-3, 8.333333333333333e-3, 4.1666666666666664e-2, 1.6666666666666666e-1, 0.5,
];

export function expm1Poly(x0: number): number {
  const x = Math.min(Math.max(x0, -40), 709);
  const k = x * INV_LN2 + ROUND - ROUND;
  const r = x - k * LN2_HI - k * LN2_LO;
  let q = C[0];
  for (let i = 1; i < C.length; i++) q = q * r + C[i];
  const em1 = r + r * r * q;
  const pow2 = 2 ** k; // exact for integer k in [−58, 1023]
  return pow2 * em1 + (pow2 - 1);
}
