import { W_REGIME, W_DIFFUSION, W_JUMP, W_ALPHA, W_SIGNAL, WORDS_PER_STEP } from "./layout";
import { LANES, ARRAY_BYTES, M_WORDS, M_U_REGIME, M_Z, M_U_JUMP, M_Z_ALPHA, M_Z_SIGNAL, M_JUMP } from "./lane-block";
import { fillLaneWords, uniformsFromWords, normalsFromWords, finishRejectedNormals } from "../random/lane-fill";
import { laneNormal } from "../random/lane-stream";

/** Bytes of one word per lane (u32[LANES]). */
const WORD_ROW = LANES << 2;

/**
 * The draws of one step for every lane of a block, in the stream layout of layout.ts:
 * WORDS_PER_STEP words per lane (one SIMD pass over the generator states), the uniforms of the
 * regime switch and the jump, the fast paths of the diffusion, alpha and signal normals, then
 * the slow paths of rejected normals in that order. Results (f32) in the block's draw arrays
 * (./lane-block.ts); `zig` holds the f64 ziggurat tables (slow paths), `zig32` their
 * single-precision pairs (fast paths, singleZigguratTable). The jump sizes are drawn later, by
 * drawJumpLanes. Never throws.
 */
export function drawStepLanes(rng: usize, zig: usize, zig32: usize, mk: usize): void {
  const words = mk + <usize>(M_WORDS * ARRAY_BYTES);
  fillLaneWords(rng, LANES, WORDS_PER_STEP, words);
  uniformsFromWords(words + <usize>(W_REGIME * WORD_ROW), LANES, mk + <usize>(M_U_REGIME * ARRAY_BYTES));
  uniformsFromWords(words + <usize>(W_JUMP * WORD_ROW), LANES, mk + <usize>(M_U_JUMP * ARRAY_BYTES));
  const z = mk + <usize>(M_Z * ARRAY_BYTES), alpha = mk + <usize>(M_Z_ALPHA * ARRAY_BYTES), signal = mk + <usize>(M_Z_SIGNAL * ARRAY_BYTES);
  const zRejected = normalsFromWords(words + <usize>(W_DIFFUSION * WORD_ROW), LANES, zig32, z);
  const alphaRejected = normalsFromWords(words + <usize>(W_ALPHA * WORD_ROW), LANES, zig32, alpha);
  const signalRejected = normalsFromWords(words + <usize>(W_SIGNAL * WORD_ROW), LANES, zig32, signal);
  finishRejectedNormals(rng, LANES, zig, words + <usize>(W_DIFFUSION * WORD_ROW), z, zRejected);
  finishRejectedNormals(rng, LANES, zig, words + <usize>(W_ALPHA * WORD_ROW), alpha, alphaRejected);
  finishRejectedNormals(rng, LANES, zig, words + <usize>(W_SIGNAL * WORD_ROW), signal, signalRejected);
}

/**
 * Jump log-returns of the step: where the jump uniform is below `jumpProb` (λ_J·dt, rounded to
 * f32), a size jumpMean + jumpSd·N(0, 1) drawn on the lane's stream in f64 (the step's last tail,
 * layout.ts) and rounded to f32, else 0. Four lanes are checked per SIMD compare. Never throws.
 */
export function drawJumpLanes(rng: usize, zig: usize, mk: usize, jumpProb: f64, jumpMean: f64, jumpSd: f64): void {
  const u = mk + <usize>(M_U_JUMP * ARRAY_BYTES), jump = mk + <usize>(M_JUMP * ARRAY_BYTES);
  const p32 = <f32>jumpProb, p = f32x4.splat(p32);
  for (let l = 0; l < LANES; l += 4) {
    const at = <usize>l << 2;
    const hit = f32x4.lt(v128.load(u + at), p);
    v128.store(jump + at, f32x4.splat(0.0));
    if (!v128.any_true(hit)) continue;
    for (let k = l; k < l + 4; k++) {
      if (load<f32>(u + (<usize>k << 2)) < p32) store<f32>(jump + (<usize>k << 2), <f32>(jumpMean + jumpSd * laneNormal(rng, LANES, k, zig)));
    }
  }
}
