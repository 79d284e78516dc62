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
export function expm1Poly(x0: number): number {
  const x = Math.min(Math.max(x0, -40), 709);
  const k = x * INV_LN2 + ROUND - ROUND;
  const r = x - k * LN2_HI - k * LN2_LO;
  // Σ r^j/(j+2)!, j = 0…12, by Estrin's scheme in the kernel's order
  const r2 = r * r, r4 = r2 * r2, r8 = r4 * r4;
  const p01 = 0.5 + 1.6666666666666666e-1 * r;
  const p23 = 4.1666666666666664e-2 + 8.333333333333333e-3 * r;
  const p45 = 1.388888888888889e-3 + 1.984126984126984e-4 * r;
  const p67 = 2.48015873015873e-5 + 2.7557319223985893e-6 * r;
  const p89 = 2.755731922398589e-7 + 2.505210838544172e-8 * r;
  const p1011 = 2.08767569878681e-9 + 1.6059043836821613e-10 * r;
  const p12 = 1.1470745597729725e-11;
  const q03 = p01 + p23 * r2, q47 = p45 + p67 * r2, q811 = p89 + p1011 * r2;
  const h07 = q03 + q47 * r4, h812 = q811 + p12 * r4;
  const q = h07 + h812 * r8;
  const em1 = r + r * r * q;
  const pow2 = 2 ** k; // exact for integer k in [−58, 1023]
  return pow2 * em1 + (pow2 - 1);
}
