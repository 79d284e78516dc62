/** Test helpers for the covariance area: a seeded matrix generator and scaled comparisons. */
import { PathStream } from "../../src/random/path-stream.ts";
import { normalDraw } from "../../src/random/normal-draw.ts";
import { zigguratTables } from "../../src/random/ziggurat-tables.ts";
import { expect } from "vitest";
import { Kernel } from "../../src/wasm/kernel.ts";
import { loadKernelModule } from "../../src/wasm/load-kernel-module.ts";

export const newKernel = (): Kernel => new Kernel(loadKernelModule());

/** n×k row-major matrix of correlated-ish returns (seeded): factor + noise, per-column scale. */
export function randomReturns(n: number, k: number, seed = "cov"): Float64Array {
  const rng = new PathStream(), tables = zigguratTables();
  rng.seed([...seed].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, 7), 0, 0);
  const normal = () => normalDraw(rng, tables);
  const x = new Float64Array(n * k);
  for (let t = 0; t < n; t++) {
    const f = normal();
    for (let j = 0; j < k; j++) x[t * k + j] = 0.01 * (1 + j / k) * (0.5 * f + normal()) + 1e-4;
  }
  return x;
}

/**
 * Asserts |actual − expected| ≤ tol·sqrt(Σ_ii Σ_jj) entrywise for k×k matrices (the natural
 * scale of a covariance entry: a near-zero covariance is compared to its variances).
 */
export function expectCovClose(actual: ArrayLike<number>, expected: ArrayLike<number>, k: number, tol = 1e-12): void {
  let worst = 0, at = -1;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const scale = Math.sqrt(Math.abs(expected[i * k + i] * expected[j * k + j])) || 1;
      const d = Math.abs(actual[i * k + j] - expected[i * k + j]) / scale;
      if (!(d <= worst)) { worst = d; at = i * k + j; }
    }
  }
  expect(worst, `worst scaled difference at ${at}: expected ${expected[at]}, actual ${actual[at]}, tol ${tol}`).toBeLessThanOrEqual(tol);
}
