import { laneNormalSlow } from "./lane-stream";

/**
 * SIMD draws for a block of lanes: four lanes' xoshiro128** states advance together in
 * i32x4 registers (state layout of ./lane-stream.ts: s0[lanes], s1[lanes], s2[lanes],
 * s3[lanes]). Each lane sees exactly the words, in the order, of its scalar stream, so
 * results are bit-identical to ./lane-stream.ts and to the TypeScript twin. `lanes` is a
 * multiple of 4.
 */

// @ts-ignore: decorator
@inline function rotl4(x: v128, k: i32): v128 {
  return v128.or(i32x4.shl(x, k), i32x4.shr_u(x, 32 - k));
}

const TWO31: f64 = 2147483648.0;

/**
 * Advances the xoshiro128** states of four lanes (s0..s3 at p0 + k·stride) by one word and
 * returns the four output words.
 */
// @ts-ignore: decorator
@inline function nextWords4(p0: usize, stride: usize): v128 {
  const p1 = p0 + stride, p2 = p1 + stride, p3 = p2 + stride;
  let s0 = v128.load(p0), s1 = v128.load(p1), s2 = v128.load(p2), s3 = v128.load(p3);
  // ×5 and ×9 as shift-and-add (exact mod 2³², cheaper than a SIMD 32-bit multiply)
  const r = rotl4(i32x4.add(i32x4.shl(s1, 2), s1), 7);
  const result = i32x4.add(i32x4.shl(r, 3), r);
  const t = i32x4.shl(s1, 9);
  s2 = v128.xor(s2, s0); s3 = v128.xor(s3, s1); s1 = v128.xor(s1, s2); s0 = v128.xor(s0, s3);
  s2 = v128.xor(s2, t); s3 = rotl4(s3, 11);
  v128.store(p0, s0); v128.store(p1, s1); v128.store(p2, s2); v128.store(p3, s3);
  return result;
}

/** out[l] = uniform in (0, 1) from lane l, for every lane (53 bits, as laneUniform). */
export function fillLaneUniforms(state: usize, lanes: i32, out: usize): void {
  const stride = <usize>lanes << 2;
  const scale = f64x2.splat(1.1102230246251565e-16), halfUlp = f64x2.splat(0.5), two26 = f64x2.splat(67108864.0);
  for (let o: usize = 0; o < stride; o += 16) {
    let a = nextWords4(state + o, stride);
    let b = nextWords4(state + o, stride);
    a = i32x4.shr_u(a, 5);
    b = i32x4.shr_u(b, 6);
    const aHi = i32x4.shuffle(a, a, 2, 3, 0, 1), bHi = i32x4.shuffle(b, b, 2, 3, 0, 1);
    const lo = f64x2.mul(f64x2.add(f64x2.add(f64x2.mul(f64x2.convert_low_i32x4_s(a), two26), f64x2.convert_low_i32x4_s(b)), halfUlp), scale);
    const hi = f64x2.mul(f64x2.add(f64x2.add(f64x2.mul(f64x2.convert_low_i32x4_s(aHi), two26), f64x2.convert_low_i32x4_s(bHi)), halfUlp), scale);
    const at = out + (o << 1);
    v128.store(at, lo);
    v128.store(at, hi, 16);
  }
}

/**
 * out[l] = N(0, 1) from lane l, for every lane, by the ziggurat of ./ziggurat.ts: the fast
 * path for four lanes at once, the rare rejections (≈1.2% of draws) per lane in scalar code.
 */
export function fillLaneNormals(state: usize, lanes: i32, zig: usize, out: usize): void {
  const stride = <usize>lanes << 2;
  const scale = f64x2.splat(2.220446049250313e-16), halfUlp = f64x2.splat(0.5), two31 = f64x2.splat(TWO31), one = f64x2.splat(1.0);
  for (let o: usize = 0; o < stride; o += 16) {
    const a = nextWords4(state + o, stride);
    const b = nextWords4(state + o, stride);

    const idx = v128.and(a, i32x4.splat(127));
    const top = i32x4.shr_u(a, 10), low = i32x4.shr_u(b, 1); // 22 + 31 bits: signed conversions are exact
    const topHi = i32x4.shuffle(top, top, 2, 3, 0, 1), lowHi = i32x4.shuffle(low, low, 2, 3, 0, 1);
    // u = (m + 0.5)·2⁻⁵² − 1 with m = (a >>> 10)·2³¹ + (b >>> 1)
    const uLo = f64x2.sub(f64x2.mul(f64x2.add(f64x2.add(f64x2.mul(f64x2.convert_low_i32x4_s(top), two31), f64x2.convert_low_i32x4_s(low)), halfUlp), scale), one);
    const uHi = f64x2.sub(f64x2.mul(f64x2.add(f64x2.add(f64x2.mul(f64x2.convert_low_i32x4_s(topHi), two31), f64x2.convert_low_i32x4_s(lowHi)), halfUlp), scale), one);
    const i0 = <usize>i32x4.extract_lane(idx, 0), i1 = <usize>i32x4.extract_lane(idx, 1);
    const i2 = <usize>i32x4.extract_lane(idx, 2), i3 = <usize>i32x4.extract_lane(idx, 3);
    let xLo = f64x2.replace_lane(f64x2.splat(load<f64>(zig + (i0 << 3))), 1, load<f64>(zig + (i1 << 3)));
    let rLo = f64x2.replace_lane(f64x2.splat(load<f64>(zig + ((129 + i0) << 3))), 1, load<f64>(zig + ((129 + i1) << 3)));
    let xHi = f64x2.replace_lane(f64x2.splat(load<f64>(zig + (i2 << 3))), 1, load<f64>(zig + (i3 << 3)));
    let rHi = f64x2.replace_lane(f64x2.splat(load<f64>(zig + ((129 + i2) << 3))), 1, load<f64>(zig + ((129 + i3) << 3)));
    const okLo = f64x2.lt(f64x2.abs(uLo), rLo), okHi = f64x2.lt(f64x2.abs(uHi), rHi);
    const at = out + (o << 1);
    v128.store(at, f64x2.mul(uLo, xLo));
    v128.store(at, f64x2.mul(uHi, xHi), 16);
    if (!v128.all_true<i64>(v128.and(okLo, okHi))) {
      // rare: finish each rejected lane on its own stream, exactly as the scalar ziggurat does
      const lane = <i32>(o >> 2);
      if (!i64x2.extract_lane(okLo, 0)) store<f64>(at, laneNormalSlow(state, lanes, lane, zig, i0, f64x2.extract_lane(uLo, 0)));
      if (!i64x2.extract_lane(okLo, 1)) store<f64>(at, laneNormalSlow(state, lanes, lane + 1, zig, i1, f64x2.extract_lane(uLo, 1)), 8);
      if (!i64x2.extract_lane(okHi, 0)) store<f64>(at, laneNormalSlow(state, lanes, lane + 2, zig, i2, f64x2.extract_lane(uHi, 0)), 16);
      if (!i64x2.extract_lane(okHi, 1)) store<f64>(at, laneNormalSlow(state, lanes, lane + 3, zig, i3, f64x2.extract_lane(uHi, 1)), 24);
    }
  }
}
