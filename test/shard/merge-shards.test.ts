import { describe, expect, it } from "vitest";
import { runPacing } from "../../src/engine/run-pacing.ts";
import { runShard } from "../../src/shard/run-shard.ts";
import { encodeShard, decodeShard, type Shard } from "../../src/shard/shard-file.ts";
import { mergeShards } from "../../src/shard/merge-shards.ts";
import { encodeF64 } from "../../src/shard/f64-codec.ts";
import { validateScenario } from "../../src/scenario/validate-scenario.ts";
import { UsageError } from "../../src/errors.ts";
import { smallRs1, documentBytes } from "./helpers.ts";

const scenario = smallRs1(700, 60); // 700 paths at 128 a block: 6 blocks, the last one short
const opts = { workers: 1, blockPaths: 128, tracePaths: 20 } as const;

async function shards(n: number, s = scenario, o: object = opts): Promise<{ source: string; shard: Shard }[]> {
  const out = [];
  for (let i = 1; i <= n; i++) {
    const shard = await runShard(s, { index: i, count: n }, o);
    // through the file format, as merge reads it
    out.push({ source: `dir${i}`, shard: decodeShard(JSON.parse(encodeShard(shard)), `dir${i}`) });
  }
  return out;
}

describe("mergeShards", () => {
  it("reproduces the single-process results.json bytes for 1, 2, 3, 6 and 9 shards (9 > 6 blocks: empty shards)", async () => {
    const single = documentBytes(scenario, await runPacing(scenario, opts), 128);
    for (const n of [1, 2, 3, 6, 9]) {
      const merged = mergeShards(await shards(n));
      expect(documentBytes(merged.scenario, merged.run, merged.blockPaths), `${n} shards`).toBe(single);
    }
  });

  it("accepts shards of different splits when together they cover each block once", async () => {
    const single = documentBytes(scenario, await runPacing(scenario, opts), 128);
    const halves = await shards(2), thirds = await shards(3);
    // 1/2 holds blocks 0–2; 3/3 holds blocks 4–5; 2/3 holds blocks 2–3 → overlap on block 2
    expect(() => mergeShards([halves[0], thirds[1], thirds[2]])).toThrow(/^merge: block 2 is in both dir1 \(shard 1\/2\) and dir2 \(shard 2\/3\)/);
    const quarters = await shards(6);
    const merged = mergeShards([halves[0], quarters[3], quarters[4], quarters[5]]);
    expect(documentBytes(merged.scenario, merged.run, merged.blockPaths)).toBe(single);
  });

  it("names the missing shard and blocks", async () => {
    const s = await shards(3);
    expect(() => mergeShards([s[0], s[2]])).toThrow(UsageError);
    expect(() => mergeShards([s[0], s[2]])).toThrow(/^merge: missing blocks 2–3 \(shard 2\/3\) of 6 blocks — run the missing shard/);
    expect(() => mergeShards([])).toThrow(/^merge: no shards given/);
  });

  it("refuses shards from another seed, configuration, block size or trace, naming the mismatch", async () => {
    const [a] = await shards(2);
    const [, otherSeed] = await shards(2, smallRs1(700, 60, 2));
    expect(() => mergeShards([a, otherSeed])).toThrow(/^merge: seed differs — 1 in dir1 \(shard 1\/2\), 2 in dir2 \(shard 2\/2\) — merge only shards of one run/);
    const tweaked = validateScenario({ ...scenario, ruinBarrier: 0.4 });
    const [, otherConfig] = await shards(2, tweaked);
    expect(() => mergeShards([a, otherConfig])).toThrow(/^merge: scenario\.ruinBarrier differs — 0\.5 in dir1 .*, 0\.4 in dir2/);
    const [, otherBlock] = await shards(2, scenario, { ...opts, blockPaths: 64 });
    expect(() => mergeShards([a, otherBlock])).toThrow(/^merge: block size \(--block\) differs — 128 in dir1/);
    const [, otherTrace] = await shards(2, scenario, { ...opts, tracePaths: 5 });
    expect(() => mergeShards([a, otherTrace])).toThrow(/^merge: traced paths \(--trace\) differs — 20 in dir1/);
  });

  it("refuses a damaged shard file with a readable error", async () => {
    expect(() => decodeShard({ format: "something" }, "x/shard.json")).toThrow(/^x\/shard\.json: not a pacing shard/);
    expect(() => decodeShard(null, "x/shard.json")).toThrow(UsageError);
    // the trace is the kernel's single-precision values: a value that is not one cannot come from a run
    const [{ shard }] = await shards(1);
    const file = JSON.parse(encodeShard(shard));
    const trace = Float64Array.from(shard.trace);
    expect(decodeShard(file, "x/shard.json").trace).toEqual(shard.trace);
    trace[3] = 0.1;
    file.trace = { f64: encodeF64(trace) };
    expect(() => decodeShard(file, "x/shard.json")).toThrow(/^x\/shard\.json: trace: value 3 \(0\.1\) is not a single-precision number, as every traced value is — the shard file is damaged, re-run that shard$/);
    // the plots are built from the whole trace: one path short is damage, not a smaller plot
    file.trace = { f64: encodeF64(Float64Array.from(shard.trace.subarray(0, shard.trace.length - shard.trace.length / 20))) };
    expect(() => decodeShard(file, "x/shard.json")).toThrow(/^x\/shard\.json: the trace holds \d+ values, 20 traced paths of \d+ steps hold \d+ — the shard file is damaged, re-run that shard$/);
  });
});
