/**
 * The avalanching hash that seeds each path's stream from (seed, stream, path)
 * (./lane-stream.ts seedLane): MurmurHash3's finaliser over a hash_combine chain.
 * Twin: src/random/path-stream.ts (fmix32, mixWord).
 */

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
