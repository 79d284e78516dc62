/**
 * Fault catalogue — 1,000 consecutive small runs in one process keep memory flat: the JS
 * heap after a forced GC does not grow with the number of runs, every run's WASM memory is
 * the size of the first one's, and a long-lived runner's arena returns to the same mark
 * after each block (measured in bytes, never in time).
 */
import { describe, expect, it } from "vitest";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { Kernel } from "../../src/wasm/kernel.ts";
import { loadKernelModule } from "../../src/wasm/load-kernel-module.ts";
import { createPacingRunner } from "../../src/engine/pacing-block.ts";
import { summarizeBlock } from "../../src/engine/block-summary.ts";
import { pacingResults } from "../../src/engine/pacing-results.ts";
import { encodeJob } from "../../src/scenario/encode-job.ts";
import { J_E0, J_STEPS, J_DT } from "../../assembly/pacing/layout.ts";
import { smallRs1 } from "../shard/helpers.ts";
import { nanPaths } from "./helpers.ts";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/**
 * Calls `f` with a probe that reports the WASM memory of the most recent Kernel a runner
 * created (seen through Kernel.prototype.reset, which every runner calls). Only the latest
 * kernel is held, so the probe itself keeps nothing alive.
 */
function watchKernels<T>(f: (probe: { count: number; latest: () => Kernel }) => T): T {
  let latest: Kernel | undefined, count = 0;
  const seen = new WeakSet<Kernel>();
  const reset = Kernel.prototype.reset;
  Kernel.prototype.reset = function (this: Kernel) {
    if (!seen.has(this)) { seen.add(this); latest = this; count++; }
    return reset.call(this);
  };
  const probe = { get count() { return count; }, latest: () => latest! };
  try { return f(probe); } finally { Kernel.prototype.reset = reset; }
}

const scenario = smallRs1(64, 30);
const job = encodeJob(scenario);
const module = loadKernelModule();
const years = job.params[J_STEPS] * job.params[J_DT];

function oneRun(runner = createPacingRunner("wasm", job, module), firstPath = 0): void {
  const out = runner.run({ firstPath, nPaths: 64, nTrace: 0 });
  const block = summarizeBlock(0, 0, out, 64, job.nSchemes, 0, job.params[J_E0]);
  const results = pacingResults([block], job.schemeNames, 0, years);
  if (nanPaths(results).length) throw new Error(`NaN in run at path ${firstPath}`);
}

describe("1,000 runs in one process", () => {
  it("a fresh runner per run: flat JS heap, and each run's WASM memory equals the first's", () => {
    watchKernels((probe) => {
      const wasmBytes = new Set<number>();
      const run = (r: number) => { oneRun(undefined, r * 64); wasmBytes.add(probe.latest().memoryBytes); };
      for (let r = 0; r < 100; r++) run(r); // warm up (JIT, caches)
      gc();
      const heapAt100 = process.memoryUsage().heapUsed;
      for (let r = 100; r < 1000; r++) run(r);
      gc();
      const growth = process.memoryUsage().heapUsed - heapAt100;
      // one leaked block of outputs per run would be 64 paths × 6 schemes × 8 values × 8 B = 24 KiB × 900 ≈ 21 MiB
      expect(growth, `heap grew ${growth} bytes over 900 runs`).toBeLessThan(2 * 2 ** 20);
      expect(probe.count).toBe(1000);
      expect([...wasmBytes]).toHaveLength(1);
    });
  });

  it("one runner for 1,000 blocks: the arena returns to the same mark and WASM memory stops growing after block 1", () => {
    watchKernels((probe) => {
      const runner = createPacingRunner("wasm", job, module);
      const k = probe.latest();
      oneRun(runner, 0);
      const memory = k.memoryBytes, allocated = k.allocatedBytes;
      for (let r = 1; r < 1000; r++) {
        oneRun(runner, r * 64);
        if (k.memoryBytes !== memory || k.allocatedBytes !== allocated) {
          throw new Error(`block ${r}: WASM memory ${k.memoryBytes} (was ${memory}), arena ${k.allocatedBytes} (was ${allocated})`);
        }
      }
      expect(k.memoryBytes).toBe(memory);
    });
  });
});
