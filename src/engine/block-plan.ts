/**
 * How a run's paths split into blocks. The split depends only on the path count and the
 * block size — never on the number of workers or shards — which is what makes results
 * bit-identical for any of them.
 */
export interface BlockTask {
  blockIndex: number;
  firstPath: number;
  nPaths: number;
  nTrace: number;
}

/** Default paths per block: a multiple of the kernel's 64 lanes, small enough to balance 2–8 workers. */
export const DEFAULT_BLOCK_PATHS = 512;

/**
 * @param tracePaths the first `tracePaths` paths of the run are traced (they must fit in block 0)
 * @throws RangeError for a block size that is not a positive multiple of 64
 */
export function planBlocks(paths: number, blockPaths = DEFAULT_BLOCK_PATHS, tracePaths = 0): BlockTask[] {
  if (!Number.isInteger(blockPaths) || blockPaths < 64 || blockPaths % 64 !== 0) {
    throw new RangeError(`block size: must be a positive multiple of 64 paths; got ${blockPaths} — use e.g. 512`);
  }
  const tasks: BlockTask[] = [];
  for (let first = 0, i = 0; first < paths; first += blockPaths, i++) {
    const n = Math.min(blockPaths, paths - first);
    tasks.push({ blockIndex: i, firstPath: first, nPaths: n, nTrace: i === 0 ? Math.min(tracePaths, n) : 0 });
  }
  return tasks;
}
