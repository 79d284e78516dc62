/**
 * A run that would not fit in memory is refused before it starts, with the memory it would
 * need and the largest setting that fits (not hours later, when the quantiles are taken).
 */
import { describe, expect, it, vi } from "vitest";
import { main as study } from "../../studies/rs1-pacing-thin-book.ts";
import { runShard } from "../../src/shard/run-shard.ts";
import { runMemoryBytes, checkRunMemory, PER_PATH_F64_PER_SCHEME, MAX_PER_PATH_BYTES } from "../../src/engine/run-memory.ts";
import { UsageError } from "../../src/errors.ts";
import { Kernel } from "../../src/wasm/kernel.ts";
import { loadKernelModule } from "../../src/wasm/load-kernel-module.ts";
import { smallRs1 } from "../shard/helpers.ts";

// runPacing plans its blocks right after the memory check: reaching the plan means the simulation started
vi.mock("../../src/engine/block-plan.ts", async (original) => {
  const m = await original<typeof import("../../src/engine/block-plan.ts")>();
  return { ...m, planBlocks: () => { throw new Error("the simulation started"); } };
});

describe("run memory", () => {
  it("counts the per-path values of every scheme and the trace", () => {
    const r = runMemoryBytes({ paths: 100_000_000, schemes: 6, steps: 1825, tracePaths: 200 });
    expect(r.perPath).toBe(100_000_000 * 6 * PER_PATH_F64_PER_SCHEME * 8); // 14.4 GB with three values (log growth, max drawdown, terminal return)
    expect(r.trace).toBe(200 * 1825 * (4 + 2 * 6) * 4);
    const most = Math.floor(MAX_PER_PATH_BYTES / (6 * PER_PATH_F64_PER_SCHEME * 8));
    expect(() => checkRunMemory({ paths: most, schemes: 6, steps: 10, tracePaths: 0 })).not.toThrow();
    expect(() => checkRunMemory({ paths: most + 1, schemes: 6, steps: 10, tracePaths: 0 })).toThrow(UsageError);
  });

  it("the study refuses --paths 100000000 before simulating, with the memory and the largest count that fits", async () => {
    await expect(study(["--paths", "100000000", "--quiet", "--out", "out/never"])).rejects.toThrow(
      /^--paths 100000000: the run would hold 14\.4 GB for its quantiles \(100000000 paths × 6 schemes × 3 value\(s\) × 8 bytes\), above the limit of 2\.1 GB — use at most 14913080 paths, or fewer schemes$/);
    await expect(study(["--paths", "100000000", "--shard", "1/100", "--quiet", "--out", "out/never"])).rejects.toThrow(/^--paths 100000000: the run would hold 14\.4 GB/);
    await expect(runShard(smallRs1(100_000_000, 10), { index: 1, count: 100 })).rejects.toThrow(/^--paths 100000000: the run would hold 14\.4 GB/);
  });

  it("a trace too large for memory is refused naming --trace, not the block size", async () => {
    await expect(study(["--steps", "100000", "--quiet", "--out", "out/never"])).rejects.toThrow(
      /^--trace 200: the traced paths would take 1\.3 GB \(200 paths × 100000 steps × 16 values × 4 bytes\), above the limit of 0\.54 GB — use --trace 83 or fewer \(--trace 0 for none\); the block size and shards do not change it$/);
    // and if the kernel itself runs out for a trace, its advice names --trace too
    expect(() => new Kernel(loadKernelModule()).alloc(5 * 2 ** 30, "trace of 200 paths")).toThrow(/cannot allocate 5\.00 GiB for trace of 200 paths .* — trace fewer paths \(a smaller --trace, or --trace 0\)$/);
  });
});
