import { mixWord } from "./seed-hash";

/**
 * The per-path xoshiro128** streams of a block of paths ("lanes"), with their state
 * in linear memory as four u32 arrays (structure of arrays): s0[lanes], s1[lanes],
 * s2[lanes], s3[lanes] starting at `state`. These are the scalar draws (seeding, the
 * ziggurat's rare slow path, jump sizes); the bulk comes four lanes at a time from
 * ./lane-fill.ts. The sequence each path sees is exactly that of the TypeScript twin
 * src/random/path-stream.ts (same seeding, same words, same order).
 */

/** Bytes of state for `lanes` streams. */
export function laneStateBytes(lanes: i32): usize {
  return <usize>lanes << 4;
}

/** Seeds lane `lane` with the stream of (seed, stream, path). */
export function seedLane(state: usize, lanes: i32, lane: i32, seed: u32, stream: u32, path: u32): void {
  const h = mixWord(mixWord(mixWord(0x6a09e667, seed), stream), path);
  let a = mixWord(h, 1);
  const b = mixWord(h, 2), c = mixWord(h, 3), d = mixWord(h, 4);
  if ((a | b | c | d) == 0) a = 1;
  const stride = <usize>lanes << 2;
  const at = state + (<usize>lane << 2);
  store<u32>(at, a);
  store<u32>(at + stride, b);
  store<u32>(at + 2 * stride, c);
  store<u32>(at + 3 * stride, d);
}

/** Next 32 bits of lane `lane`. */
// @ts-ignore: decorator
@inline
export function laneU32(state: usize, lanes: i32, lane: i32): u32 {
  const stride = <usize>lanes << 2;
  const p0 = state + (<usize>lane << 2);
  const p1 = p0 + stride, p2 = p1 + stride, p3 = p2 + stride;
  let s0 = load<u32>(p0), s1 = load<u32>(p1), s2 = load<u32>(p2), s3 = load<u32>(p3);
  const result = rotl<u32>(s1 * 5, 7) * 9;
  const t = s1 << 9;
  s2 ^= s0;
  s3 ^= s1;
  s1 ^= s2;
  s0 ^= s3;
  s2 ^= t;
  s3 = rotl<u32>(s3, 11);
  store<u32>(p0, s0);
  store<u32>(p1, s1);
  store<u32>(p2, s2);
  store<u32>(p3, s3);
  return result;
}

/** Uniform in (0, 1) from lane `lane`, 53 bits (same formula as path-stream's nextUniform). */
// @ts-ignore: decorator
@inline
export function laneUniform(state: usize, lanes: i32, lane: i32): f64 {
  const a = <f64>(laneU32(state, lanes, lane) >>> 5);
  const b = <f64>(laneU32(state, lanes, lane) >>> 6);
  return (a * 67108864.0 + b + 0.5) * 1.1102230246251565e-16;
}

/**
 * Steps to the next event of a per-step Bernoulli trial with success probability p, given
 * logMiss = ln(1 − p): G = 1 + ⌊ln U / logMiss⌋, so P(G = k) = (1 − p)^(k−1)·p for k ≥ 1
 * (inversion of the geometric law, one 53-bit uniform of lane `lane`). logMiss = 0 (p = 0):
 * `never`, without a draw; logMiss = −∞ (p = 1): 1. Gaps beyond `never` are `never`.
 */
export function laneGeometricGap(state: usize, lanes: i32, lane: i32, logMiss: f64, never: i32): i32 {
  if (logMiss == 0) return never;
  const g = Math.floor(Math.log(laneUniform(state, lanes, lane)) / logMiss);
  return g < <f64>(never - 1) ? <i32>g + 1 : never;
}

/** The ziggurat after a fast-path rejection of layer i with uniform u (wedges, tail, retries). */
export function laneNormalSlow(state: usize, lanes: i32, lane: i32, zig: usize, i: usize, u: f64): f64 {
  if (i == 0) {
    const tail = load<f64>(zig, 16); // R = X[1], where the tail starts
    let x: f64, y: f64;
    do {
      x = Math.log(laneUniform(state, lanes, lane)) / tail;
      y = Math.log(laneUniform(state, lanes, lane));
    } while (-2.0 * y < x * x);
    return u < 0 ? x - tail : tail - x;
  }
  const xi = load<f64>(zig + (i << 4));
  const x = u * xi;
  const xi1 = load<f64>(zig + ((i + 1) << 4));
  const f0 = Math.exp(-0.5 * (xi * xi - x * x));
  const f1 = Math.exp(-0.5 * (xi1 * xi1 - x * x));
  if (f1 + laneUniform(state, lanes, lane) * (f0 - f1) < 1.0) return x;
  // rejected: a fresh draw (fast path first; rejections again come back here, ~1.5% of the time)
  return laneNormal(state, lanes, lane, zig);
}

/** Layers of the ziggurat (src/random/ziggurat-tables.ts ZIGGURAT_LAYERS); a power of two, the layer's bits of the word. */
export const ZIGGURAT_LAYERS = 256;

/** Ziggurat layer of a one-word normal draw: bits 0–7 of the word. */
// @ts-ignore: decorator
@inline
export function normalWordLayer(w: u32): usize {
  return <usize>(w & (ZIGGURAT_LAYERS - 1));
}

/**
 * Signed uniform of a one-word normal draw: (j + ½)·2⁻²² in (−1, 1), j = bits 9–31 as a signed
 * integer (bit 8 unused). 24 significant bits, so the value is exact in single precision too
 * (the lane fast path of ./lane-fill.ts computes in f32).
 */
// @ts-ignore: decorator
@inline
export function normalWordU(w: u32): f64 {
  return (<f64>(<i32>w >> 9) + 0.5) * 2.384185791015625e-7;
}

/**
 * N(0, 1) from lane `lane` by the 256-layer ziggurat (Doornik 2005, ZIGNOR) on one word: the
 * layer i from bits 0–7 and a signed uniform u from bits 9–31 (normalWordLayer, normalWordU);
 * accepted when |u| < R[i] (~98.5%), else wedges and tail in laneNormalSlow (53-bit uniforms).
 * Tables at `zig`: X[i] at 2i, R[i] at 2i + 1 (src/random/ziggurat-tables.ts).
 */
// @ts-ignore: decorator
@inline
export function laneNormal(state: usize, lanes: i32, lane: i32, zig: usize): f64 {
  const w = laneU32(state, lanes, lane);
  const i = normalWordLayer(w);
  const u = normalWordU(w);
  if (Math.abs(u) < load<f64>(zig + (i << 4), 8)) return u * load<f64>(zig + (i << 4));
  return laneNormalSlow(state, lanes, lane, zig, i, u);
}
