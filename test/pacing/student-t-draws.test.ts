/**
 * The engine's Student-t innovations have the law they claim: unit variance (σ keeps its meaning),
 * kurtosis 3 + 6/(ν − 4), tail frequencies P(|z| > x) = 2·(1 − F_ν(x·√(ν/(ν − 2)))) with F_ν the
 * t cdf (src/calibration/student-t-cdf.ts), and a Kolmogorov–Smirnov distance to that law within
 * its 0.1% critical value, per regime with each regime's own ν. Each check is against an interval
 * computed from the run itself (fixed seed).
 *
 * The draws are read off the engine exactly: one step per path, σ = 1/16, dt = 1 and a constant
 * alpha f = σ²/2 make the step's log-return x = (f − σ²/2)·dt + σ√dt·z = z/16 in single precision
 * (powers of two), and the trace holds ln S₁ = x and the step's regime.
 */
import { describe, expect, it } from "vitest";
import { simulate } from "./helpers.ts";
import { studentTCdf } from "../../src/calibration/student-t-cdf.ts";

const SIGMA = 1 / 16;

/** N draws of the diffusion innovation, each with the regime it was drawn in. */
function engineInnovations(nu: number[], n: number, seed = 11): { z: Float64Array; regime: Uint8Array } {
  const k = nu.length;
  const { traceRow } = simulate({
    market: {
      stepsPerYear: 1, regimes: nu.map(() => ({ sigma: SIGMA })), transition: nu.map(() => nu.map(() => 1 / k)),
      alpha: { mean: SIGMA * SIGMA / 2, sd: 0, timeConstantSteps: 1 }, innovations: { kind: "student-t", nu },
    },
    target: { kind: "constant", leverage: 0 }, costs: { kind: "none" }, schemes: [{ name: "i", kind: "instant" }],
    ruinBarrier: 0.5, horizonSteps: 1, paths: n, seed,
  }, n);
  const z = new Float64Array(n), regime = new Uint8Array(n);
  for (let p = 0; p < n; p++) { const row = traceRow(p, 1); regime[p] = row[1]; z[p] = row[3] / SIGMA; }
  return { z, regime };
}

/** mean and 99.9% interval half-width of the values v(z_i) */
function meanInterval(z: Float64Array, v: (x: number) => number): { mean: number; half: number } {
  let m = 0, s = 0;
  for (let i = 0; i < z.length; i++) { const d = v(z[i]) - m; m += d / (i + 1); s += d * (v(z[i]) - m); }
  return { mean: m, half: 3.29 * Math.sqrt(s / (z.length - 1) / z.length) };
}

const unitT = (nu: number) => (x: number) => studentTCdf(x * Math.sqrt(nu / (nu - 2)), nu);

describe("the engine's Student-t innovations", () => {
  it("have unit variance and the t's kurtosis 3 + 6/(ν − 4) (ν = 12, 200,000 draws)", () => {
    const nu = 12, { z } = engineInnovations([nu], 200_000);
    const mean = meanInterval(z, (x) => x), second = meanInterval(z, (x) => x * x), fourth = meanInterval(z, (x) => x ** 4);
    expect(Math.abs(mean.mean), `mean ${mean.mean} ± ${mean.half}`).toBeLessThan(mean.half);
    expect(Math.abs(second.mean - 1), `E z² = ${second.mean} ± ${second.half}, expected 1`).toBeLessThan(second.half);
    const kurtosis = 3 + 6 / (nu - 4); // E z⁴ of a unit-variance t_ν
    expect(Math.abs(fourth.mean - kurtosis), `E z⁴ = ${fourth.mean} ± ${fourth.half}, expected ${kurtosis}`).toBeLessThan(fourth.half);
    expect(fourth.half).toBeLessThan(0.25); // sharp enough to tell the t (3.75) from a normal (3)
  });

  it("have the t's tail frequencies P(|z| > x) (ν = 4, 200,000 draws)", () => {
    const nu = 4, { z } = engineInnovations([nu], 200_000, 12), F = unitT(nu), n = z.length;
    for (const x of [1, 2, 4, 6, 10]) {
      const p = 2 * (1 - F(x));
      let count = 0;
      for (let i = 0; i < n; i++) if (Math.abs(z[i]) > x) count++;
      // the count's 99.9% interval under the t: binomial(n, p), normal approximation (n·p ≥ 30 here)
      const half = 3.29 * Math.sqrt(n * p * (1 - p));
      expect(Math.abs(count - n * p), `P(|z| > ${x}): ${count} of ${n}, expected ${(n * p).toFixed(1)} ± ${half.toFixed(1)}`).toBeLessThan(half);
    }
  });

  it("follow each regime's own t law (ν = 3 and ν = 20): Kolmogorov–Smirnov distance below its 0.1% critical value", () => {
    const nu = [3, 20], { z, regime } = engineInnovations(nu, 120_000, 13);
    for (const r of [0, 1]) {
      const sample = Float64Array.from(z.filter((_, i) => regime[i] === r)).sort();
      const n = sample.length, F = unitT(nu[r]);
      expect(n).toBeGreaterThan(50_000);
      let d = 0;
      for (let i = 0; i < n; i++) { const c = F(sample[i]); d = Math.max(d, Math.abs(c - i / n), Math.abs((i + 1) / n - c)); }
      expect(Math.sqrt(n) * d, `regime ${r} (ν ${nu[r]}): √n·D`).toBeLessThan(1.95); // Kolmogorov 0.1% point
      // and it is not the other regime's law
      const G = unitT(nu[1 - r]);
      let dOther = 0;
      for (let i = 0; i < n; i++) { const c = G(sample[i]); dOther = Math.max(dOther, Math.abs(c - i / n), Math.abs((i + 1) / n - c)); }
      expect(Math.sqrt(n) * dOther).toBeGreaterThan(1.95);
    }
  });
});
