/**
 * Per-path random stream: xoshiro128** seeded through an avalanching hash of
 * (seed, stream, path), so the draws of path i depend only on (seed, stream, i)
 * — never on which worker or shard simulates it.
 *
 * The generator state lives in four module globals: a kernel seeds it at the
 * start of each path and owns it for that path only (WASM has one thread per
 * instance, so this is not shared state across calls).
 *
 * Twin: src/random/path-stream.ts (bit-identical, tested).
 * Reference: Blackman & Vigna (2018), "Scrambled linear pseudorandom number generators".
 */

let s0: u32 = 1;
let s1: u32 = 0;
let s2: u32 = 0;
let s3: u32 = 0;

/** MurmurHash3's 32-bit finaliser: full avalanche of one word. */
// @ts-ignore: decorator
@inline
export function fmix32(h: u32): u32 {
  h ^= h >>> 16;
  h *= 0x85ebca6b;
  h ^= h >>> 13;
  h *= 0xc2b2ae35;
  h ^= h >>> 16;
  return h;
}

/** Combines a word into a running hash (boost::hash_combine shape), then avalanches. */
// @ts-ignore: decorator
@inline
export function mixWord(a: u32, b: u32): u32 {
  return fmix32(a ^ (b * 0x9e3779b1 + 0x7f4a7c15 + (a << 6) + (a >>> 2)));
}

/** Seeds the stream of path `path` (0-based, global index) for (seed, stream). */
export function seedPathStream(seed: u32, stream: u32, path: u32): void {
  const h = mixWord(mixWord(mixWord(0x6a09e667, seed), stream), path);
  s0 = mixWord(h, 1);
  s1 = mixWord(h, 2);
  s2 = mixWord(h, 3);
  s3 = mixWord(h, 4);
  if ((s0 | s1 | s2 | s3) == 0) s0 = 1; // the all-zero state is the generator's only fixed point
}

/** Next 32 random bits (xoshiro128**). */
// @ts-ignore: decorator
@inline
export function nextU32(): u32 {
  const result = rotl<u32>(s1 * 5, 7) * 9;
  const t = s1 << 9;
  s2 ^= s0;
  s3 ^= s1;
  s1 ^= s2;
  s0 ^= s3;
  s2 ^= t;
  s3 = rotl<u32>(s3, 11);
  return result;
}

/** Uniform double in the open interval (0, 1), 53 random bits. */
// @ts-ignore: decorator
@inline
export function nextUniform(): f64 {
  const a = <f64>(nextU32() >>> 5); // 27 bits
  const b = <f64>(nextU32() >>> 6); // 26 bits
  return (a * 67108864.0 + b + 0.5) * 1.1102230246251565e-16; // / 2^53
}
