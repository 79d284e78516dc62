import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseShardSpec, shardBlockRange } from "../../src/shard/shard-spec.ts";
import { UsageError } from "../../src/errors.ts";

describe("--shard i/N", () => {
  it("parses i/N and refuses anything else with the flag, the value and an example", () => {
    expect(parseShardSpec("2/5")).toEqual({ index: 2, count: 5 });
    for (const bad of ["0/3", "4/3", "1/0", "a/b", "1", "", "-1/2", "1.5/3"]) {
      expect(() => parseShardSpec(bad)).toThrow(UsageError);
      expect(() => parseShardSpec(bad)).toThrow(/^--shard: must be i\/N .*; got ".*" — e\.g\. --shard 1\/4/);
    }
  });

  it("any split covers every block exactly once, in order, with contiguous ranges", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 120 }), (blocks, n) => {
      let next = 0;
      for (let i = 1; i <= n; i++) {
        const r = shardBlockRange(blocks, { index: i, count: n });
        expect(r.first).toBe(next);
        expect(r.count).toBeGreaterThanOrEqual(0);
        next += r.count;
      }
      expect(next).toBe(blocks);
    }));
  });
});
