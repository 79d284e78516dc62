/**
 * A Student-t innovation with ν degrees of freedom scaled to unit variance, from two normals and
 * one random word, by Bailey's polar method with the disc point drawn without rejection
 * (Bailey 1994, Math. Comp. 62, 779–781; the method and its justification are in
 * assembly/pacing/student-lanes.ts):
 *
 *   z = Z₁·√( (ν − 2)·expm1((−2/ν)·ln W) / (Z₁² + Z₂²) ),   W = (⌊word/2⁸⌋ + ½)·2⁻²⁴ ∈ (0, 1).
 *
 * Twin of studentInnovationLanes: every operation is rounded to f32 (Math.fround) in the kernel's
 * order, with the kernel's own ln and expm1 (logSingle, expm1Single), so kernel and twin agree bit
 * for bit. Var z = 1 and the kurtosis is 3 + 6/(ν − 4) for ν > 4 (test/pacing/student-t-*.test.ts).
 *
 * @param z1, z2   independent N(0, 1) draws (f32 values)
 * @param word     a uniform 32-bit word (unsigned)
 * @param exponent −2/ν rounded to f32; @param scale ν − 2 rounded to f32 (ν > 2)
 */
import { logSingle } from "../math/log-single.ts";
import { expm1Single } from "../math/expm1-single.ts";

const f = Math.fround;
const SCALE_24 = 5.9604644775390625e-8; // 2⁻²⁴

export function studentInnovation(z1: number, z2: number, word: number, exponent: number, scale: number): number {
  const w = f(f((word >>> 8) + 0.5) * SCALE_24);
  const radius = expm1Single(f(exponent * logSingle(w)));
  const norm2 = f(f(z1 * z1) + f(z2 * z2));
  return f(z1 * f(Math.sqrt(f(f(scale * radius) / norm2))));
}
