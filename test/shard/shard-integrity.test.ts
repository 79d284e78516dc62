/**
 * A merge refuses tampered or damaged shards: the content hash catches any change made after
 * writing, and the semantic checks catch a shard re-sealed after its numbers were changed.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { runShard } from "../../src/shard/run-shard.ts";
import { encodeShard, decodeShardText } from "../../src/shard/shard-file.ts";
import { sealShardText } from "../../src/shard/shard-seal.ts";
import { mergeShards } from "../../src/shard/merge-shards.ts";
import { UsageError } from "../../src/errors.ts";
import { smallRs1 } from "./helpers.ts";

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
let text = "";

/** The shard's JSON with `edit` applied, as a hand-edited file would hold it (old hash kept). */
function edited(edit: (d: Doc) => void): string {
  const d = JSON.parse(text) as Doc;
  edit(d);
  return JSON.stringify(d) + "\n";
}
/** The same, re-sealed with a hash of the new content (a tamperer who knows the format). */
function resealed(edit: (d: Doc) => void): string {
  const d = JSON.parse(text) as Doc;
  delete d.content_sha256;
  edit(d);
  return sealShardText(JSON.stringify(d)) + "\n";
}
const block0 = (d: Doc) => d.summaries[0];
const scheme = (d: Doc, s: number) => block0(d).schemes[s];

beforeAll(async () => {
  // 320 paths at 128 a block: blocks of 128, 128 and 64 paths; scheme 0 is the baseline
  text = encodeShard(await runShard(smallRs1(320, 40), { index: 1, count: 1 }, { workers: 1, blockPaths: 128, tracePaths: 4 }));
});

describe("shard integrity", () => {
  it("reads back an untouched shard and merges it", () => {
    const shard = decodeShardText(text, "a");
    expect(shard.summaries).toHaveLength(3);
    expect(mergeShards([{ source: "a", shard }]).scenario.paths).toBe(320);
  });

  it("refuses any change made after writing, by the content hash", () => {
    const cases: [string, string][] = [
      ["ruined raised to 100000", edited((d) => { scheme(d, 2).ruined = 100000; })],
      ["slippage mean ×10", edited((d) => { scheme(d, 3).slippage.mean *= 10; })],
      ["a negative count", edited((d) => { scheme(d, 1).turnover.n = -1; })],
      ["a NaN", edited((d) => { scheme(d, 1).opportunity.m2 = "nan"; })],
    ];
    const at = text.indexOf("\"f64\":\"") + 20; // a flipped bit inside the per-path log growths
    cases.push(["a flipped bit", text.slice(0, at) + String.fromCharCode(text.charCodeAt(at) ^ 1) + text.slice(at + 1)]);
    cases.push(["a truncated copy", text.slice(0, text.length / 2)]);
    for (const [what, t] of cases) {
      expect(() => decodeShardText(t, "x/shard.json"), what).toThrow(UsageError);
      expect(() => decodeShardText(t, "x/shard.json"), what).toThrow(/^x\/shard\.json: content hash mismatch \(recorded [0-9a-f]{12}…, content [0-9a-f]{12}…\) — the shard file was changed or damaged after it was written; re-run that shard/);
    }
    expect(() => decodeShardText(JSON.stringify({ ...JSON.parse(text), content_sha256: undefined }), "x")).toThrow(/^x: no content hash at the start/);
  });

  it("refuses a re-sealed shard whose counts do not fit its block", () => {
    expect(() => decodeShardText(resealed((d) => { scheme(d, 2).ruined = 100000; }), "x")).toThrow(/^x: summaries\[0\]\.schemes\[2\]\.ruined: must be an integer in \[0, 128\] \(the block's paths\); got 100000 — the shard was tampered with or damaged; re-run that shard/);
    expect(() => decodeShardText(resealed((d) => { scheme(d, 1).ruined = -3; }), "x")).toThrow(/^x: summaries\[0\]\.schemes\[1\]\.ruined: must be an integer in \[0, 128\]/);
    expect(() => decodeShardText(resealed((d) => { scheme(d, 1).turnover.n = -1; }), "x")).toThrow(/^x: summaries\[0\]\.schemes\[1\]\.turnover\.n: must equal the block's 128 paths; got -1/);
    expect(() => decodeShardText(resealed((d) => { d.summaries[2].schemes[0].slippage.n = 128; }), "x")).toThrow(/^x: summaries\[2\]\.schemes\[0\]\.slippage\.n: must equal the block's 64 paths; got 128/);
    expect(() => decodeShardText(resealed((d) => { d.summaries[1].firstPath = 100; }), "x")).toThrow(/^x: summaries\[1\]\.firstPath: block 1 at 128 paths a block starts at path 128; got 100/);
    expect(() => decodeShardText(resealed((d) => { scheme(d, 4).survivorLogGrowth.n = 129; }), "x")).toThrow(/survivorLogGrowth\.n: must be at most the block's 128 paths less the .* ruined; got 129/);
  });

  it("refuses a re-sealed shard with a non-finite sum or a negative square sum", () => {
    expect(() => decodeShardText(resealed((d) => { scheme(d, 1).opportunity.m2 = "nan"; }), "x")).toThrow(/^x: summaries\[0\]\.schemes\[1\]\.opportunity\.m2: must be finite; got NaN/);
    expect(() => decodeShardText(resealed((d) => { scheme(d, 1).paired.logGrowth.mean = "inf"; }), "x")).toThrow(/paired\.logGrowth\.mean: must be finite; got Infinity/);
    expect(() => decodeShardText(resealed((d) => { scheme(d, 5).turnover.m2 = -1; }), "x")).toThrow(/turnover\.m2: must be ≥ 0 \(a sum of squares\); got -1/);
    expect(() => decodeShardText(resealed((d) => { scheme(d, 3).slippage.mean = -0.5; }), "x")).toThrow(/slippage\.mean: must be ≥ 0 \(costs are never negative\); got -0\.5/);
  });

  it("refuses a re-sealed shard whose scheme figures disagree with their paired differences", () => {
    expect(() => decodeShardText(resealed((d) => { scheme(d, 3).slippage.mean *= 10; }), "x")).toThrow(/^x: summaries\[0\]\.schemes\[3\]\.slippage\.mean: .* disagrees with the baseline's .* plus the paired difference .* — the shard was tampered with or damaged/);
    expect(() => decodeShardText(resealed((d) => { scheme(d, 2).paired.ruin.mean += 1 / 128; }), "x")).toThrow(/^x: summaries\[0\]\.schemes\[2\]\.ruined: \d+ disagrees with the baseline's \d+ ruined plus the paired difference 1\.000/);
  });
});
