import { laneNormalSlow, normalWordLayer, normalWordU } from "./lane-stream";

/**
 * SIMD draws for a block of lanes, in two stages: fillLaneWords advances four lanes'
 * xoshiro128** states together in i32x4 registers and writes the words; uniformsFromWords and
 * normalsFromWords turn one word per lane into a number, four lanes at a time. Each lane sees
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

/** out[l] = (w_l + ½)·2⁻³², a uniform in (0, 1), from the word w_l of each lane at `words`. */
export function uniformsFromWords(words: usize, lanes: i32, out: usize): void {
  const half = f64x2.splat(0.5), scale = f64x2.splat(2.3283064365386963e-10);
  for (let o: usize = 0; o < (<usize>lanes << 2); o += 16) {
    const w = v128.load(words + o);
    const hi = i32x4.shuffle(w, w, 2, 3, 0, 1);
    const at = out + (o << 1);
    v128.store(at, f64x2.mul(f64x2.add(f64x2.convert_low_i32x4_u(w), half), scale));
    v128.store(at, f64x2.mul(f64x2.add(f64x2.convert_low_i32x4_u(hi), half), scale), 16);
  }
}

/**
 * out[l] = N(0, 1) from the word of each lane by the fast path of the one-word ziggurat
 * (lane-stream.ts laneNormal): u·X[i] when |u| < R[i]. Returns the lanes whose draw was
 * rejected (≈1.2% each) as a bit mask, bit l for lane l (so lanes ≤ 64); their `out` is left
 * for finishRejectedNormals.
 */
export function normalsFromWords(words: usize, lanes: i32, zig: usize, out: usize): u64 {
  const half = f64x2.splat(0.5), scale = f64x2.splat(5.960464477539063e-8);
  let rejected: u64 = 0;
  for (let o: usize = 0; o < (<usize>lanes << 2); o += 16) {
    const w = v128.load(words + o);
    const idx = v128.and(w, i32x4.splat(127));
    const j = i32x4.shr_s(w, 7), jHi = i32x4.shuffle(j, j, 2, 3, 0, 1);
    const uLo = f64x2.mul(f64x2.add(f64x2.convert_low_i32x4_s(j), half), scale);
    const uHi = f64x2.mul(f64x2.add(f64x2.convert_low_i32x4_s(jHi), half), scale);
    // (X[i], R[i]) of each lane in one load; two lanes' pairs give their X and their R
    const p0 = v128.load(zig + (<usize>i32x4.extract_lane(idx, 0) << 4)), p1 = v128.load(zig + (<usize>i32x4.extract_lane(idx, 1) << 4));
    const p2 = v128.load(zig + (<usize>i32x4.extract_lane(idx, 2) << 4)), p3 = v128.load(zig + (<usize>i32x4.extract_lane(idx, 3) << 4));
    const xLo = v128.shuffle<f64>(p0, p1, 0, 2), rLo = v128.shuffle<f64>(p0, p1, 1, 3);
    const xHi = v128.shuffle<f64>(p2, p3, 0, 2), rHi = v128.shuffle<f64>(p2, p3, 1, 3);
    const okLo = f64x2.lt(f64x2.abs(uLo), rLo), okHi = f64x2.lt(f64x2.abs(uHi), rHi);
    const at = out + (o << 1);
    v128.store(at, f64x2.mul(uLo, xLo));
    v128.store(at, f64x2.mul(uHi, xHi), 16);
    const ok = <u64>(i64x2.bitmask(okLo) | (i64x2.bitmask(okHi) << 2));
    rejected |= (ok ^ 15) << (o >> 2); // o/4 = the group's first lane
  }
  return rejected;
}

/**
 * Completes the draws normalsFromWords rejected (bit l of `rejected` for lane l): each such
 * lane continues on its own stream with the ziggurat's slow path (wedges, tail, retries) from
 * the layer and uniform of its word at `words`.
 */
export function finishRejectedNormals(state: usize, lanes: i32, zig: usize, words: usize, out: usize, rejected: u64): void {
  while (rejected != 0) {
    const l = <i32>ctz(rejected);
    rejected &= rejected - 1;
    const w = load<u32>(words + (<usize>l << 2));
    store<f64>(out + (<usize>l << 3), laneNormalSlow(state, lanes, l, zig, normalWordLayer(w), normalWordU(w)));
  }
}
