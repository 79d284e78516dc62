import { describe, expect, it } from "vitest";
import { Kernel } from "../../src/wasm/kernel.ts";
import { loadKernelModule } from "../../src/wasm/load-kernel-module.ts";
import { rollingRatioVol, sampleSd } from "../../src/synthetic/rolling-ratio-vol.ts";

const kernel = () => new Kernel(loadKernelModule());
const wave = (n: number, f: number, base: number) => Float64Array.from({ length: n }, (_, t) => base + Math.sin(t * f) * 3 + t * 0.01);

describe("rollingRatioVol (RS-3 windows)", () => {
  const n = 100, X = wave(n, 0.7, 100), Y = wave(n, 1.3, 50), one = new Float64Array(n).fill(1);

  it("constant B: delta vol equals realised vol of A/B = sd(ΔA)/B", () => {
    const r = rollingRatioVol(kernel(), [X, Y, one], [1, 2, 0], [0, 0, 1], 63);
    expect(r.end.length).toBe(n - 63);
    expect(r.end[0]).toBe(63);
    for (let w = 0; w < r.end.length; w++) expect(Math.abs(r.deltaVol[w] - r.realisedVol[w])).toBeLessThanOrEqual(1e-12 * r.realisedVol[w]);
    const A = X.map((x, t) => x + 2 * Y[t]);
    expect(r.realisedVol.at(-1)).toBeCloseTo(sampleSd(A, n - 1 - 63, n - 1), 12);
  });

  it("a = b gives zero ratio volatility", () => {
    const r = rollingRatioVol(kernel(), [X, Y], [1, 1], [1, 1], 63);
    for (const v of r.deltaVol) expect(v).toBeLessThan(1e-9);
  });

  it("rejects a window longer than the data and wrong weight lengths", () => {
    expect(() => rollingRatioVol(kernel(), [X], [1], [0], 100)).toThrow(/window: 100 changes is longer than the data \(100 closes = 99 changes\)/);
    expect(() => rollingRatioVol(kernel(), [X, Y], [1], [0, 1], 63)).toThrow(/a has 1, b 2 entries for 2 legs/);
  });
});
