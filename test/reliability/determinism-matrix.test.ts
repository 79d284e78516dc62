/**
 * Determinism matrix: one seed, the same results.json bytes (timing aside) for 1, 2 and 8
 * worker threads and for shard splits run at different thread counts. (Through the queue:
 * test/queue/queue.test.ts.)
 */
import { describe, expect, it } from "vitest";
import { runPacing } from "../../src/engine/run-pacing.ts";
import { runShard } from "../../src/shard/run-shard.ts";
import { encodeShard, decodeShard } from "../../src/shard/shard-file.ts";
import { mergeShards } from "../../src/shard/merge-shards.ts";
import { smallRs1, documentBytes } from "../shard/helpers.ts";

const scenario = smallRs1(1230, 45, 42); // 10 blocks of 128 paths, the last one short
const blockPaths = 128, tracePaths = 16;

describe("determinism matrix", () => {
  it("1, 2 and 8 workers give the same bytes", async () => {
    const bytes = [];
    for (const workers of [1, 2, 8]) bytes.push(documentBytes(scenario, await runPacing(scenario, { workers, blockPaths, tracePaths }), blockPaths));
    expect(bytes[1]).toBe(bytes[0]);
    expect(bytes[2]).toBe(bytes[0]);
  });

  it("shard splits 2, 3 and 10 (at 2, 1 and 1 workers) give the same bytes as one run", async () => {
    const single = documentBytes(scenario, await runPacing(scenario, { workers: 1, blockPaths, tracePaths }), blockPaths);
    for (const [n, workers] of [[2, 2], [3, 1], [10, 1]]) {
      const parts = [];
      for (let i = n; i >= 1; i--) { // written in reverse: merge orders by block, not by argument
        const s = await runShard(scenario, { index: i, count: n }, { workers, blockPaths, tracePaths });
        parts.push({ source: `shard ${i}`, shard: decodeShard(JSON.parse(encodeShard(s)), `shard ${i}`) });
      }
      const merged = mergeShards(parts);
      expect(documentBytes(merged.scenario, merged.run, merged.blockPaths), `${n} shards at ${workers} workers`).toBe(single);
    }
  });
});
