/**
 * Folds block summaries into one as they arrive, in any order, holding only what the
 * results need: the per-scheme statistics merged in block order (blocks that arrive early
 * wait, without their per-path arrays, until their turn) and the per-path values (PER_PATH)
 * written straight into place. So a run's memory does not grow with its block count,
 * and the folded summary gives the same bits as folding the full list of blocks.
 */
import { emptyStats, mergeSchemeStats, PER_PATH, type BlockSummary, type PerPathKey, type SchemeBlockStats } from "./block-summary.ts";

export class BlockFold {
  private next: number;
  private readonly waiting = new Map<number, SchemeBlockStats[]>();
  private readonly stats: SchemeBlockStats[];
  private readonly perPath = new Map<PerPathKey, Float64Array[]>();

  /**
   * @param firstBlock index of the first block folded (0 for a whole run)
   * @param firstPath  its first path
   * @param paths      paths of all the blocks together
   */
  constructor(nSchemes: number, private readonly firstBlock: number, private readonly firstPath: number, private readonly paths: number) {
    this.next = firstBlock;
    this.stats = Array.from({ length: nSchemes }, emptyStats);
  }

  /** Takes one block's summary (any order; each block once). */
  add(b: BlockSummary): void {
    for (const k of PER_PATH) {
      b[k].forEach((g, s) => {
        if (g.length === 0) return; // not tracked in this run (path risk off)
        if (!this.perPath.has(k)) this.perPath.set(k, b[k].map(() => new Float64Array(this.paths)));
        this.perPath.get(k)![s].set(g, b.firstPath - this.firstPath);
      });
    }
    this.waiting.set(b.blockIndex, b.schemes);
    for (let ready = this.waiting.get(this.next); ready; ready = this.waiting.get(this.next)) {
      this.waiting.delete(this.next++);
      ready.forEach((x, s) => (this.stats[s] = mergeSchemeStats(this.stats[s], x)));
    }
  }

  /**
   * The fold as one summary covering every path.
   * @throws Error when a block is still missing (a bug: every planned block must be added)
   */
  result(): BlockSummary {
    if (this.waiting.size > 0) throw new Error(`BlockFold: block ${this.next} never arrived — this is a bug`);
    const perPath = (k: PerPathKey) => this.perPath.get(k) ?? this.stats.map(() => new Float64Array(k === "maxDrawdown" ? 0 : this.paths));
    return {
      blockIndex: this.firstBlock, firstPath: this.firstPath, nPaths: this.paths, schemes: this.stats,
      logGrowth: perPath("logGrowth"), maxDrawdown: perPath("maxDrawdown"), terminalReturn: perPath("terminalReturn"),
    };
  }
}
