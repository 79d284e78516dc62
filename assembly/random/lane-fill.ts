import { laneNormalSlow, normalWordLayer, normalWordU, ZIGGURAT_LAYERS } from "./lane-stream";

/**
 * SIMD draws for a block of lanes, in two stages: fillLaneWords advances four lanes'
 * xoshiro128** states together in i32x4 registers and writes the words; normalsFromWords turns
 * one word per lane into a single-precision normal, four lanes at a time. Each lane sees
 * exactly the words, in the order, of its scalar stream (./lane-stream.ts) and of the
 * TypeScript twin, so results are bit-identical. `lanes` is a multiple of 4; state layout of
 * ./lane-stream.ts: s0[lanes], s1[lanes], s2[lanes], s3[lanes].
 */

// @ts-ignore: decorator
@inline function rotl4(x: v128, k: i32): v128 {
  return v128.or(i32x4.shl(x, k), i32x4.shr_u(x, 32 - k));
}

/**
 * words[k·lanes + l] = the k-th next word of lane l, for k < count: the state of four lanes
 * stays in registers for all `count` words.
 */
export function fillLaneWords(state: usize, lanes: i32, count: i32, words: usize): void {
  const stride = <usize>lanes << 2;
  for (let o: usize = 0; o < stride; o += 16) {
    const p0 = state + o, p1 = p0 + stride, p2 = p1 + stride, p3 = p2 + stride;
    let s0 = v128.load(p0), s1 = v128.load(p1), s2 = v128.load(p2), s3 = v128.load(p3);
    let w = words + o;
    for (let k = 0; k < count; k++) {
      // ×5 and ×9 as shift-and-add (exact mod 2³², cheaper than a SIMD 32-bit multiply)
      const r = rotl4(i32x4.add(i32x4.shl(s1, 2), s1), 7);
      v128.store(w, i32x4.add(i32x4.shl(r, 3), r));
      const t = i32x4.shl(s1, 9);
      s2 = v128.xor(s2, s0); s3 = v128.xor(s3, s1); s1 = v128.xor(s1, s2); s0 = v128.xor(s0, s3);
      s2 = v128.xor(s2, t); s3 = rotl4(s3, 11);
      w += stride;
    }
    v128.store(p0, s0); v128.store(p1, s1); v128.store(p2, s2); v128.store(p3, s3);
  }
}

/** Bytes of the single-precision ziggurat table (singleZigguratTable). */
export const SINGLE_ZIGGURAT_BYTES: usize = <usize>ZIGGURAT_LAYERS << 3;

/**
 * The fast path's layer table in single precision: (X[i], R[i]) as an f32 pair per layer i <
 * ZIGGURAT_LAYERS, each the f64 value of the tables at `zig` (X[i] at 2i, R[i] at 2i + 1) rounded to
 * nearest, written to `out` (SINGLE_ZIGGURAT_BYTES). The TypeScript twin rounds the same way.
 */
export function singleZigguratTable(zig: usize, out: usize): void {
  for (let i: usize = 0; i < <usize>ZIGGURAT_LAYERS; i++) {
    store<f32>(out + (i << 3), <f32>load<f64>(zig + (i << 4)));
    store<f32>(out + (i << 3), <f32>load<f64>(zig + (i << 4), 8), 4);
  }
}

/**
 * out[l] = N(0, 1) in single precision from the word of each lane by the fast path of the
 * one-word ziggurat (lane-stream.ts laneNormal): u·X[i] rounded to f32 when |u| < R[i], with
 * the layer i and the exact signed uniform u of normalWordLayer and normalWordU and (X[i], R[i])
 * from the single-precision table at `zig32` (singleZigguratTable). Returns the lanes whose draw
 * was rejected (≈1.5% each, 2.8% with 128 layers) as a bit mask, bit l for lane l (so lanes ≤ 64); their `out` is left
 * for finishRejectedNormals. Four lanes per instruction.
 */
export function normalsFromWords(words: usize, lanes: i32, zig32: usize, out: usize): u64 {
  const half = f32x4.splat(0.5), scale = f32x4.splat(2.384185791015625e-7);
  let rejected: u64 = 0;
  for (let o: usize = 0; o < (<usize>lanes << 2); o += 16) {
    const w = v128.load(words + o);
    const idx = i32x4.shl(v128.and(w, i32x4.splat(ZIGGURAT_LAYERS - 1)), 3);
    const u = f32x4.mul(f32x4.add(f32x4.convert_i32x4_s(i32x4.shr_s(w, 9)), half), scale);
    // (X[i], R[i]) of each lane in one 8-byte load; four lanes' pairs give their X and their R
    const p01 = v128.load64_lane(zig32 + <usize>i32x4.extract_lane(idx, 1), v128.load64_zero(zig32 + <usize>i32x4.extract_lane(idx, 0)), 1);
    const p23 = v128.load64_lane(zig32 + <usize>i32x4.extract_lane(idx, 3), v128.load64_zero(zig32 + <usize>i32x4.extract_lane(idx, 2)), 1);
    const x = v128.shuffle<f32>(p01, p23, 0, 2, 4, 6), r = v128.shuffle<f32>(p01, p23, 1, 3, 5, 7);
    v128.store(out + o, f32x4.mul(u, x));
    const ok = <u64>i32x4.bitmask(f32x4.lt(f32x4.abs(u), r));
    rejected |= (ok ^ 15) << (o >> 2); // o/4 = the group's first lane
  }
  return rejected;
}

/**
 * Completes the draws normalsFromWords rejected (bit l of `rejected` for lane l): each such
 * lane continues on its own stream with the ziggurat's slow path (wedges, tail, retries, in
 * f64 with the f64 tables at `zig`) from the layer and uniform of its word at `words`; the
 * result is rounded to f32 in `out`.
 */
export function finishRejectedNormals(state: usize, lanes: i32, zig: usize, words: usize, out: usize, rejected: u64): void {
  while (rejected != 0) {
    const l = <i32>ctz(rejected);
    rejected &= rejected - 1;
    const w = load<u32>(words + (<usize>l << 2));
    store<f32>(out + (<usize>l << 2), <f32>laneNormalSlow(state, lanes, l, zig, normalWordLayer(w), normalWordU(w)));
  }
}
