/**
 * Plain-TypeScript twin of assembly/random/path-stream.ts: xoshiro128** seeded from
 * (seed, stream, path) through MurmurHash3's finaliser. Bit-identical to the kernel
 * (test/random/path-stream.test.ts), so the twin simulation sees the same draws.
 *
 * Unlike the kernel, the state is an object: one stream per instance.
 */
export class PathStream {
  private s0 = 1;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;

  /** Seeds the stream of path `path` (global 0-based index) for (seed, stream); all integers < 2³². */
  seed(seed: number, stream: number, path: number): void {
    const h = mixWord(mixWord(mixWord(0x6a09e667, seed >>> 0), stream >>> 0), path >>> 0);
    this.s0 = mixWord(h, 1);
    this.s1 = mixWord(h, 2);
    this.s2 = mixWord(h, 3);
    this.s3 = mixWord(h, 4);
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** Next 32 random bits as an unsigned integer. */
  nextU32(): number {
    const s1 = this.s1;
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform double in the open interval (0, 1), 53 random bits. */
  nextUniform(): number {
    const a = this.nextU32() >>> 5;
    const b = this.nextU32() >>> 6;
    return (a * 67108864.0 + b + 0.5) * 1.1102230246251565e-16;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** MurmurHash3's 32-bit finaliser. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Combines word b into running hash a, then avalanches (same as the kernel's mixWord). */
export function mixWord(a: number, b: number): number {
  return fmix32(a ^ ((Math.imul(b, 0x9e3779b1) + 0x7f4a7c15 + (a << 6) + (a >>> 2)) | 0));
}
