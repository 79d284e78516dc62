/**
 * Circular moving-block bootstrap of a history (Künsch 1989; Politis & Romano 1992): a
 * replicate of length L is made of blocks of `block` consecutive indices (wrapping around the
 * end), each starting at a uniform index, until L indices are drawn. Blocks keep the history's
 * short-range dependence (volatility clustering, the persistence of positions). Replicate r
 * draws from the stream (seed, stream 3, r), so results depend only on the seed.
 */
import { PathStream } from "../random/path-stream.ts";
import { fail } from "../errors.ts";

/** Stream id of the bootstrap's draws (pacing uses 0–2). */
export const BLOCK_BOOTSTRAP_STREAM = 3;

/**
 * Fills `out` (length L) with the indices 0 … L − 1 of replicate `replicate`.
 * @throws RangeError when the block length is not a positive integer
 */
export function blockBootstrapIndices(out: Int32Array, block: number, seed: number, replicate: number): Int32Array {
  if (!Number.isInteger(block) || block < 1) fail(RangeError, "blockBootstrapIndices: block", `must be a positive integer; got ${block}`, "use e.g. 21 (a month of days)");
  const L = out.length, rng = new PathStream();
  rng.seed(seed, BLOCK_BOOTSTRAP_STREAM, replicate);
  for (let t = 0; t < L;) {
    const start = Math.floor(rng.nextUniform() * L);
    for (let j = 0; j < block && t < L; j++, t++) out[t] = (start + j) % L;
  }
  return out;
}

/** The q-quantile of sorted values, linear between order statistics (type 7). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const h = (sorted.length - 1) * q, lo = Math.floor(h), hi = Math.ceil(h);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
