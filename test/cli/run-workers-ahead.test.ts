/**
 * `pacing run` starts the workers its run will use before loading the study: as many as
 * runPacing's pool (min(workers, blocks)), none when the run stays in its thread, for --help,
 * --shard, or flags that do not read as counts (the study refuses those itself).
 */
import { describe, expect, it } from "vitest";
import { runWorkersAhead } from "../../src/cli/run-workers-ahead.ts";

const presets = ["rs1"];
const ahead = (args: string[], cores = 2) => runWorkersAhead(args, presets, cores);

describe("runWorkersAhead", () => {
  it("is the pool runPacing will use for the preset: min(workers, blocks of --block paths)", () => {
    expect(ahead(["--out", "o"])).toBe(2); // 10,000 paths: 20 blocks
    expect(ahead(["rs1", "--out", "o"], 8)).toBe(8);
    expect(ahead(["--out", "o", "--workers", "3"])).toBe(3);
    expect(ahead(["--out", "o", "--workers=4", "--paths", "1500"])).toBe(3); // 3 blocks of 512
    expect(ahead(["--paths", "1024", "--block", "512", "--workers", "8"])).toBe(2);
  });

  it("is none when the run stays in its own thread: one worker or one block", () => {
    expect(ahead(["--out", "o"], 1)).toBe(0);
    expect(ahead(["--workers", "1"])).toBe(0);
    expect(ahead(["--paths", "512"])).toBe(0);
    expect(ahead(["--paths", "1000", "--block", "1024"])).toBe(0);
  });

  it("is the worker count for a scenario file (its path count is not read yet), unless --paths says", () => {
    expect(ahead(["my.json", "--out", "o"], 4)).toBe(4);
    expect(ahead(["--config", "my.json"], 4)).toBe(4);
    expect(ahead(["my.json", "--paths", "100"], 4)).toBe(0);
  });

  it("is none for --help, --shard, and values that are not plain counts", () => {
    for (const args of [["--help"], ["-h"], ["--shard", "1/2"], ["--workers", "0"], ["--workers", "-1"], ["--workers", "0x2"],
      ["--workers", ""], ["--workers"], ["--workers", "300"], ["--paths", "1e4"], ["--block", "abc"]]) {
      expect(ahead(args), args.join(" ")).toBe(0);
    }
  });
});
