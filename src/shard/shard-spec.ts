/**
 * `--shard i/N`: which contiguous slice of a run's block plan a shard computes. Shards
 * are numbered 1 … N; shard i takes blocks [⌊(i−1)·B/N⌋, ⌊i·B/N⌋) of the B blocks, so the
 * split depends only on B and N and any N shards cover every block exactly once. With
 * N > B some shards are empty (they still write a shard file, with no blocks).
 */
import { UsageError } from "../errors.ts";

export interface ShardSpec {
  /** 1-based shard number */
  index: number;
  /** number of shards the run is split into */
  count: number;
}

export interface BlockRange {
  /** index of the first block of the plan in this range */
  first: number;
  /** number of blocks (0 for an empty shard) */
  count: number;
}

/**
 * Parses `i/N` (1 ≤ i ≤ N ≤ 100000).
 * @throws UsageError naming the flag and the value
 */
export function parseShardSpec(text: string, flag = "--shard"): ShardSpec {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = m ? Number(m[1]) : NaN, count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || count > 100_000 || index < 1 || index > count) {
    throw new UsageError(`${flag}: must be i/N with 1 ≤ i ≤ N ≤ 100000; got ${JSON.stringify(text)} — e.g. ${flag} 1/4 … ${flag} 4/4`);
  }
  return { index, count };
}

/** The blocks shard `spec` computes out of `totalBlocks` (see the module comment). */
export function shardBlockRange(totalBlocks: number, spec: ShardSpec): BlockRange {
  const first = Math.floor(((spec.index - 1) * totalBlocks) / spec.count);
  const end = Math.floor((spec.index * totalBlocks) / spec.count);
  return { first, count: end - first };
}

/** Number of blocks in the plan of `paths` paths at `blockPaths` per block (block-plan.ts). */
export function blockCount(paths: number, blockPaths: number): number {
  return Math.ceil(paths / blockPaths);
}
