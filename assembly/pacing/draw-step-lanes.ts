import { W_DIFFUSION, W_ALPHA, W_SIGNAL, WORDS_PER_STEP, W_T_NORMAL, STUDENT_WORDS } from "./layout";
import { LANES, ARRAY_BYTES, M_WORDS, M_Z, M_Z_ALPHA, M_Z_SIGNAL, M_T_WORDS, M_Z_T } from "./lane-block";
import { fillLaneWords, normalsFromWords, finishRejectedNormals } from "../random/lane-fill";

/** Bytes of one word per lane (u32[LANES]). */
const WORD_ROW = LANES << 2;

/**
 * The normals of one step for every lane of a block, in the stream layout of layout.ts:
 * WORDS_PER_STEP words per lane (one SIMD pass over the generator states), the fast paths of the
 * diffusion, alpha and signal normals, then the slow paths of rejected normals in that order.
 * With `student` (Student-t innovations), STUDENT_WORDS more words per lane right after them (the
 * second normal Z₂, fast path into M_Z_T, its slow path after the signal's, and the uniform word
 * W, kept in M_T_WORDS for ./student-lanes.ts); without it the stream is exactly the normal one.
 * Results (f32) in the block's draw arrays (./lane-block.ts); `zig` holds the f64 ziggurat
 * tables (slow paths), `zig32` their single-precision pairs (fast paths, singleZigguratTable).
 * The step's rare events (regime switches, jumps) draw after these, in ./event-lanes.ts.
 * Never throws.
 */
export function drawStepLanes(rng: usize, zig: usize, zig32: usize, mk: usize, student: bool): void {
  const words = mk + <usize>(M_WORDS * ARRAY_BYTES), tWords = mk + <usize>(M_T_WORDS * ARRAY_BYTES);
  fillLaneWords(rng, LANES, WORDS_PER_STEP, words);
  // each lane's stream is sequential, so a second fill continues it: its words WORDS_PER_STEP, WORDS_PER_STEP + 1
  if (student) fillLaneWords(rng, LANES, STUDENT_WORDS, tWords);
  const z = mk + <usize>(M_Z * ARRAY_BYTES), alpha = mk + <usize>(M_Z_ALPHA * ARRAY_BYTES), signal = mk + <usize>(M_Z_SIGNAL * ARRAY_BYTES);
  const zRejected = normalsFromWords(words + <usize>(W_DIFFUSION * WORD_ROW), LANES, zig32, z);
  const alphaRejected = normalsFromWords(words + <usize>(W_ALPHA * WORD_ROW), LANES, zig32, alpha);
  const signalRejected = normalsFromWords(words + <usize>(W_SIGNAL * WORD_ROW), LANES, zig32, signal);
  const zT = mk + <usize>(M_Z_T * ARRAY_BYTES);
  const tRejected = student ? normalsFromWords(tWords + <usize>(W_T_NORMAL * WORD_ROW), LANES, zig32, zT) : 0;
  finishRejectedNormals(rng, LANES, zig, words + <usize>(W_DIFFUSION * WORD_ROW), z, zRejected);
  finishRejectedNormals(rng, LANES, zig, words + <usize>(W_ALPHA * WORD_ROW), alpha, alphaRejected);
  finishRejectedNormals(rng, LANES, zig, words + <usize>(W_SIGNAL * WORD_ROW), signal, signalRejected);
  finishRejectedNormals(rng, LANES, zig, tWords + <usize>(W_T_NORMAL * WORD_ROW), zT, tRejected);
}
