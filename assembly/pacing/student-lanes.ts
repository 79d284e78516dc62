import { W_T_UNIFORM } from "./layout";
import { LANES, ARRAY_BYTES, M_Z, M_Z_T, M_T_WORDS, M_T_EXPONENT, M_T_SCALE } from "./lane-block";
import { logLanes } from "../math/log-lanes";
import { expm1Lanes } from "../math/expm1-lanes";

/** 2⁻²⁴ and ½ four times each (one load; V8 rebuilds a splat constant inside the loop). */
const CONSTANTS = memory.data<f32>([5.9604644775390625e-8, 5.9604644775390625e-8, 5.9604644775390625e-8, 5.9604644775390625e-8, 0.5, 0.5, 0.5, 0.5]);

/**
 * Student-t innovations for every lane of a block, four lanes per f32x4 instruction: turns the
 * step's diffusion normal Z₁ (M_Z) into a Student-t draw with ν_s degrees of freedom of the lane's
 * regime s, scaled to unit variance (so σ_s keeps its meaning: the step's sd is σ_s√dt):
 *
 *   z = Z₁·√( (ν − 2)·(W^(−2/ν) − 1) / (Z₁² + Z₂²) ),   W^(−2/ν) − 1 = expm1((−2/ν)·ln W)
 *
 * Method: Bailey's polar method (Bailey 1994, Math. Comp. 62, 779–781): for (U, V) uniform in the
 * unit disc and R² = U² + V², U·√(ν(R^(−4/ν) − 1)/R²) is t_ν. The disc point is drawn without
 * rejection: R² = W uniform on (0, 1), and its direction cos θ = Z₁/√(Z₁² + Z₂²) from two independent
 * normals (isotropic, independent of W); the factor √((ν − 2)/ν) scales the t to unit variance.
 * A fixed number of words per step (two more than normal innovations, layout.ts STUDENT_WORDS) —
 * no per-lane rejection loop, so lanes stay in step, and as ν → ∞ the radius (ν − 2)·expm1(−(2/ν)ln W)
 * tends to −2 ln W (Box–Muller's), so z tends to a normal without loss of precision.
 * W = (j + ½)·2⁻²⁴ from the top 24 bits j of the uniform word (exact in f32, in (0, 1)): the t's
 * radius is cut at its (1 − 2⁻²⁴) point, √((ν − 2)(2^(50/ν) − 1)) sd (108 for ν = 4; src/scenario/innovation-tail.ts).
 *
 * Reads Z₂ (M_Z_T), the uniform word (M_T_WORDS row W_T_UNIFORM) and the lane's −2/ν and ν − 2
 * (M_T_EXPONENT, M_T_SCALE, set with the regime); call after the step's regime is known.
 * Twin: studentInnovation in src/random/student-innovation.ts (bit-identical). Never throws.
 */
export function studentInnovationLanes(mk: usize): void {
  const scale24 = v128.load(CONSTANTS), half = v128.load(CONSTANTS, 16);
  for (let o: usize = 0; o < <usize>ARRAY_BYTES; o += 16) {
    const m = mk + o;
    const word = v128.load(m + <usize>(W_T_UNIFORM * (LANES << 2)), M_T_WORDS * ARRAY_BYTES);
    const w = f32x4.mul(f32x4.add(f32x4.convert_i32x4_s(i32x4.shr_u(word, 8)), half), scale24);
    const radius = expm1Lanes(f32x4.mul(v128.load(m, M_T_EXPONENT * ARRAY_BYTES), logLanes(w)));
    const z1 = v128.load(m, M_Z * ARRAY_BYTES), z2 = v128.load(m, M_Z_T * ARRAY_BYTES);
    const norm2 = f32x4.add(f32x4.mul(z1, z1), f32x4.mul(z2, z2));
    const s = f32x4.sqrt(f32x4.div(f32x4.mul(v128.load(m, M_T_SCALE * ARRAY_BYTES), radius), norm2));
    v128.store(m, f32x4.mul(z1, s), M_Z * ARRAY_BYTES);
  }
}
