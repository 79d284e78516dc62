import { describe, expect, it } from "vitest";
import cdf from "@stdlib/stats-base-dists-normal-cdf";
import { Kernel } from "../../src/wasm/kernel.ts";
import { loadKernelModule } from "../../src/wasm/load-kernel-module.ts";
import { PathStream } from "../../src/random/path-stream.ts";
import { normalDraw } from "../../src/random/normal-draw.ts";
import { zigguratTables, ZIGGURAT_TAIL } from "../../src/random/ziggurat-tables.ts";

const kernel = new Kernel(loadKernelModule());

function wasmDraws(kind: "uniform" | "normal", seed: number, path: number, n: number): Float64Array {
  kernel.reset();
  const zig = kernel.writeF64(zigguratTables());
  const state = kernel.alloc(16, "generator state");
  const out = kernel.allocF64(n);
  if (kind === "uniform") kernel.exports.fillUniforms(seed, 0, path, n, state, out);
  else kernel.exports.fillNormals(seed, 0, path, n, zig, state, out);
  return kernel.f64(out, n).slice();
}

function twinDraws(kind: "uniform" | "normal", seed: number, path: number, n: number): Float64Array {
  const rng = new PathStream();
  rng.seed(seed, 0, path);
  const zig = zigguratTables();
  return Float64Array.from({ length: n }, () => (kind === "uniform" ? rng.nextUniform() : normalDraw(rng, zig)));
}

/** sample mean, variance, skewness, excess kurtosis */
function moments(x: Float64Array) {
  const n = x.length;
  const mean = x.reduce((a, b) => a + b, 0) / n;
  let m2 = 0, m3 = 0, m4 = 0;
  for (const v of x) { const d = v - mean; m2 += d * d; m3 += d * d * d; m4 += d * d * d * d; }
  m2 /= n; m3 /= n; m4 /= n;
  return { mean, variance: m2, skew: m3 / m2 ** 1.5, kurtosis: m4 / (m2 * m2) - 3 };
}

describe("per-path random streams", () => {
  it("the WASM generator and the TypeScript twin give bit-identical draws", () => {
    for (const path of [0, 1, 4095, 2 ** 31 + 7]) {
      expect(wasmDraws("uniform", 42, path, 2000)).toEqual(twinDraws("uniform", 42, path, 2000));
      expect(wasmDraws("normal", 42, path, 2000)).toEqual(twinDraws("normal", 42, path, 2000));
    }
  });

  it("uniforms lie in the open interval (0, 1) with mean 1/2 and variance 1/12", () => {
    const n = 200_000;
    const u = wasmDraws("uniform", 7, 3, n);
    expect(u.reduce((a, b) => Math.min(a, b), 1)).toBeGreaterThan(0);
    expect(u.reduce((a, b) => Math.max(a, b), 0)).toBeLessThan(1);
    const m = moments(u);
    // 4 standard errors: sd(mean) = √(1/12/n); sd of the variance estimate = √(1/180/n)
    expect(Math.abs(m.mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(m.variance - 1 / 12)).toBeLessThan(4 * Math.sqrt(1 / 180 / n));
  });

  it("normals have the moments of N(0, 1) within 4 standard errors", () => {
    const n = 400_000;
    const m = moments(wasmDraws("normal", 11, 0, n));
    expect(Math.abs(m.mean)).toBeLessThan(4 * Math.sqrt(1 / n));
    expect(Math.abs(m.variance - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
    expect(Math.abs(m.skew)).toBeLessThan(4 * Math.sqrt(6 / n));
    expect(Math.abs(m.kurtosis)).toBeLessThan(4 * Math.sqrt(24 / n));
  });

  it("normals pass a Kolmogorov–Smirnov test against Φ (α = 0.001), tails included", () => {
    const n = 200_000;
    const x = wasmDraws("normal", 5, 9, n).sort();
    let d = 0;
    for (let i = 0; i < n; i++) {
      const f = cdf(x[i], 0, 1);
      d = Math.max(d, (i + 1) / n - f, f - i / n);
    }
    // asymptotic critical value of √n·D at α = 0.001 is 1.949
    expect(Math.sqrt(n) * d).toBeLessThan(1.949);
    // the ziggurat's tail branch is exercised: P(|Z| > R = 3.654) ≈ 2.58e-4 (about 52 draws, sd 7)
    const tail = x.filter((v) => Math.abs(v) > ZIGGURAT_TAIL).length;
    expect(tail).toBeGreaterThan(0.5 * 2.58e-4 * n);
    expect(tail).toBeLessThan(1.5 * 2.58e-4 * n);
  });

  it("streams of neighbouring paths and seeds are uncorrelated", () => {
    const n = 100_000;
    const a = wasmDraws("normal", 1, 100, n);
    const pairs = [wasmDraws("normal", 1, 101, n), wasmDraws("normal", 2, 100, n)];
    for (const b of pairs) {
      let s = 0;
      for (let i = 0; i < n; i++) s += a[i] * b[i];
      // correlation of independent N(0,1) sequences: sd 1/√n
      expect(Math.abs(s / n)).toBeLessThan(4 / Math.sqrt(n));
    }
    // lagged autocorrelation within one stream
    let s = 0;
    for (let i = 1; i < n; i++) s += a[i] * a[i - 1];
    expect(Math.abs(s / n)).toBeLessThan(4 / Math.sqrt(n));
  });

  it("a path's stream depends only on (seed, path)", () => {
    const twin = new PathStream();
    twin.seed(3, 0, 77);
    const first = twin.nextU32();
    twin.seed(3, 0, 78);
    twin.seed(3, 0, 77);
    expect(twin.nextU32()).toBe(first);
  });
});
