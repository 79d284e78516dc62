/**
 * `--out` is checked before any work: a path that is a file, or under a file, is refused at
 * once with exit status 2, before a simulation, a merge, a queue or a calibration starts.
 */
import { describe, expect, it, vi } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { main as study } from "../../studies/rs1-pacing-thin-book.ts";
import { main as merge } from "../../scripts/merge.ts";
import { main as queue } from "../../scripts/queue.ts";
import { main as calibrate } from "../../scripts/calibrate.ts";
import { checkOutDir } from "../../src/io/check-out-dir.ts";
import { UsageError } from "../../src/errors.ts";

const work = vi.hoisted(() => ({ started: [] as string[] }));
vi.mock("../../src/engine/run-pacing.ts", async (original) => {
  const m = await original<typeof import("../../src/engine/run-pacing.ts")>();
  return { ...m, runPacing: (...a: Parameters<typeof m.runPacing>) => { work.started.push("simulation"); return m.runPacing(...a); } };
});
vi.mock("../../src/data/load-prices.ts", async (original) => {
  const m = await original<typeof import("../../src/data/load-prices.ts")>();
  return { ...m, loadPrices: (...a: Parameters<typeof m.loadPrices>) => { work.started.push("load"); return m.loadPrices(...a); } };
});
vi.mock("../../src/shard/shard-file.ts", async (original) => {
  const m = await original<typeof import("../../src/shard/shard-file.ts")>();
  return { ...m, readShard: (...a: Parameters<typeof m.readShard>) => { work.started.push("read shard"); return m.readShard(...a); } };
});

const dir = mkdtempSync(join("out", "test-out-first-"));
const file = join(dir, "a-file");
writeFileSync(file, "not a folder");

describe("--out is checked first", () => {
  it("checkOutDir names the path and the fix", () => {
    expect(() => checkOutDir(file)).toThrow(UsageError);
    expect(() => checkOutDir(file)).toThrow(new RegExp(`^--out ${file}: is a file, not a folder — choose another path or remove the file`));
    expect(() => checkOutDir(join(file, "sub"))).toThrow(new RegExp(`^--out ${file}/sub: ${file} is a file, so the folder cannot be made there — choose another path`));
    expect(() => checkOutDir(join(dir, "new", "deeper"))).not.toThrow();
  });

  it("the study, merge, queue and calibrate refuse a bad --out before doing any work", async () => {
    const refused = new RegExp(`^--out ${file}: is a file, not a folder`);
    work.started.length = 0;
    await expect(study(["--paths", "64", "--steps", "10", "--quiet", "--out", file])).rejects.toThrow(refused);
    await expect(study(["--paths", "64", "--steps", "10", "--shard", "1/2", "--quiet", "--out", file])).rejects.toThrow(refused);
    await expect(merge([dir, "--out", file])).rejects.toThrow(refused);
    await expect(queue(["--redis", "redis://127.0.0.1:1", "--connect-timeout", "1", "studies/rs1-pacing-thin-book.ts", "--out", file])).rejects.toThrow(refused);
    await expect(calibrate(["--data", "../shared/data/btc-usd_yahoo_1d.clean.csv", "--quiet", "--out", file])).rejects.toThrow(refused);
    expect(work.started).toEqual([]);
  });
});
