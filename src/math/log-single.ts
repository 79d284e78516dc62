/**
 * ln x in single precision by the kernel's own method (assembly/math/log-lanes.ts): Cephes'
 * logf — x = m·2^e from the bits, m ∈ [√½, √2) after one halving of the range, f = m − 1,
 * ln(1 + f) = f − f²/2 + f³·P(f) with P of degree 8 (Horner), plus e·ln2 with ln2 split into a
 * 9-bit head and a tail. Every operation is rounded to f32 (Math.fround) in the kernel's order,
 * so twin and kernel agree bit for bit. Accurate to about one f32 ulp for normal x > 0 (an f32 value).
 */
const f = Math.fround;
const SQRT_HALF = f(0.70710678118654752);
const LN2_HI = 0.693359375;
const LN2_LO = f(-2.12194440e-4);
const P = [7.0376836292e-2, -1.1514610310e-1, 1.1676998740e-1, -1.2420140846e-1, 1.4249322787e-1,
  -1.6668057665e-1, 2.0000714765e-1, -2.4999993993e-1, 3.3333331174e-1].map(f);
const word = new Float32Array(1), bits = new Int32Array(word.buffer);

export function logSingle(x: number): number {
  word[0] = x;
  const b = bits[0];
  bits[0] = (b & 0x007fffff) | 0x3f000000;
  const m = word[0]; // x = m·2^(e0), m ∈ [½, 1)
  const small = m < SQRT_HALF;
  const e = (b >>> 23) - 126 - (small ? 1 : 0);
  const r = small ? f(f(m + m) - 1) : f(m - 1);
  const z = f(r * r);
  let p = P[0];
  for (let j = 1; j <= 8; j++) p = f(f(p * r) + P[j]);
  let y = f(f(p * r) * z);
  y = f(y + f(e * LN2_LO));
  y = f(y - f(0.5 * z));
  return f(f(r + y) + f(e * LN2_HI));
}
