import { describe, expect, it } from "vitest";
import { Kernel } from "../../src/wasm/kernel.ts";
import { loadKernelModule } from "../../src/wasm/load-kernel-module.ts";
import { zigguratTables } from "../../src/random/ziggurat-tables.ts";

describe("the WASM arena", () => {
  it("keeps results valid when memory grows between two calls", () => {
    const k = new Kernel(loadKernelModule());
    const zig = k.writeF64(zigguratTables());
    const state = k.alloc(16);
    const a = k.allocF64(1000);
    k.exports.fillNormals(1, 0, 0, 1000, zig, state, a);
    const before = k.f64(a, 1000).slice();
    const bytes = k.memoryBytes;
    k.allocF64(8_000_000); // 64 MB: forces memory.grow, detaching old views
    expect(k.memoryBytes).toBeGreaterThan(bytes);
    expect(k.f64(a, 1000)).toEqual(before);
    const b = k.allocF64(1000);
    k.exports.fillNormals(1, 0, 0, 1000, zig, state, b);
    expect(k.f64(b, 1000)).toEqual(before);
  });

  it("reset returns the arena to empty, so repeated runs do not grow memory", () => {
    const k = new Kernel(loadKernelModule());
    for (let i = 0; i < 50; i++) { k.reset(); k.allocF64(100_000); }
    const size = k.memoryBytes;
    for (let i = 0; i < 50; i++) { k.reset(); k.allocF64(100_000); }
    expect(k.memoryBytes).toBe(size);
    expect(k.allocatedBytes).toBe(800_000);
  });

  it("a request that cannot be met fails with the size asked for and the remedy", () => {
    const k = new Kernel(loadKernelModule());
    expect(() => k.alloc(5 * 2 ** 30, "outputs of 10000000 paths")).toThrow(
      /kernel memory: cannot allocate 5\.00 GiB for outputs of 10000000 paths .* — run fewer paths per block or per worker/);
  });
});
