import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { main as study } from "../../studies/rs1-pacing-thin-book.ts";
import { main as merge } from "../../scripts/merge.ts";
import { comparable } from "./helpers.ts";

const flags = ["--paths", "1000", "--steps", "60", "--block", "128", "--trace", "10", "--quiet"];

describe("study --shard i/N + npm run merge", () => {
  it("writes the same results.json and results.csv as one run of the study (timing, date, revision aside)", async () => {
    const dir = mkdtempSync(join("out", "test-merge-cli-"));
    await study([...flags, "--workers", "2", "--out", join(dir, "single")]);
    for (let i = 1; i <= 3; i++) await study([...flags, "--workers", "1", "--shard", `${i}/3`, "--out", join(dir, `s${i}`)]);
    expect(existsSync(join(dir, "s1", "results.json"))).toBe(false); // a shard writes only shard.json
    await merge([join(dir, "s1"), join(dir, "s2"), join(dir, "s3"), "--out", join(dir, "merged"), "--quiet"]);
    const read = (d: string, f: string) => readFileSync(join(dir, d, f), "utf8");
    expect(comparable(read("merged", "results.json"))).toBe(comparable(read("single", "results.json")));
    expect(read("merged", "results.csv")).toBe(read("single", "results.csv"));
    expect(existsSync(join(dir, "merged", "report.html"))).toBe(true);
  });

  it("names a missing shard and refuses mismatched seeds", async () => {
    const dir = mkdtempSync(join("out", "test-merge-cli-"));
    await study([...flags, "--shard", "1/2", "--out", join(dir, "a")]);
    await study([...flags, "--seed", "7", "--shard", "2/2", "--out", join(dir, "b")]);
    await expect(merge([join(dir, "a"), "--out", join(dir, "m")])).rejects.toThrow(/missing blocks 4–7 \(shard 2\/2\) of 8 blocks/);
    await expect(merge([join(dir, "a"), join(dir, "b"), "--out", join(dir, "m")])).rejects.toThrow(/^merge: seed differs — 1 in .*a \(shard 1\/2\), 7 in .*b \(shard 2\/2\)/);
    await expect(merge([join(dir, "nope"), "--out", join(dir, "m")])).rejects.toThrow(/nope: no shard file/);
    await expect(study([...flags, "--shard", "3/2", "--out", join(dir, "c")])).rejects.toThrow(/^--shard: must be i\/N/);
  });
});
