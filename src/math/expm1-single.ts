/**
 * e^x − 1 in single precision by the kernel's own method (assembly/math/expm1-lanes.ts):
 * Cody–Waite reduction with a 9-bit head of ln2, a degree-8 Taylor polynomial by Estrin's scheme,
 * and e^x − 1 = 2^k·(e^r − 1) + (2^k − 1). Every operation is rounded to f32 (Math.fround) in
 * the kernel's order, so the TypeScript twin and the WASM kernel agree bit for bit. Accurate to
 * about one f32 ulp; x (an f32 value) is clamped to [−17, 88].
 */
const f = Math.fround;
const INV_LN2 = f(1.4426950408889634);
const ROUND = 12582912; // 1.5·2²³
const LN2_HI = 0.693359375;
const LN2_LO = f(-2.12194440e-4);
const C = [0.5, 1.6666666666666666e-1, 4.1666666666666664e-2, 8.333333333333333e-3, 1.388888888888889e-3,
  1.984126984126984e-4, 2.48015873015873e-5].map(f); // 1/(j+2)!
const [C0, C1, C2, C3, C4, C5, C6] = C;

export function expm1Single(x0: number): number {
  const x = Math.min(Math.max(x0, -17), 88);
  const k = f(f(f(x * INV_LN2) + ROUND) - ROUND);
  const r = f(f(x - f(k * LN2_HI)) - f(k * LN2_LO));
  const r2 = f(r * r), r4 = f(r2 * r2);
  const p01 = f(C0 + f(C1 * r)), p23 = f(C2 + f(C3 * r)), p45 = f(C4 + f(C5 * r));
  const q03 = f(p01 + f(p23 * r2)), q46 = f(p45 + f(C6 * r2));
  const q = f(q03 + f(q46 * r4));
  const em1 = f(r + f(f(r * r) * q));
  const pow2 = 2 ** k; // exact in f32 for integer k in [−25, 127]
  return f(f(pow2 * em1) + f(pow2 - 1));
}
