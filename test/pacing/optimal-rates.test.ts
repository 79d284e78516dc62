import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  acKappaTau, acStepRate, gpA, gpAimScale, gpStepRate, optimalPacingConstants, quadraticCostLambda, regimeVariance,
} from "../../src/pacing/optimal-rates.ts";
import { quadraticTracking } from "./quadratic-tracking.ts";
import { rs1Scenario } from "../../src/scenario/presets/rs1.ts";
import { validateScenario } from "../../src/scenario/validate-scenario.ts";
import { PathStream } from "../../src/random/path-stream.ts";
import { normalDraw } from "../../src/random/normal-draw.ts";
import { zigguratTables } from "../../src/random/ziggurat-tables.ts";
import { UsageError } from "../../src/errors.ts";

const relClose = (got: number, want: number, rel: number) => expect(Math.abs(got - want)).toBeLessThanOrEqual(rel * Math.abs(want));
const q = fc.double({ min: 1e-8, max: 1, noNaN: true });
const lambda = fc.double({ min: 1e-6, max: 10, noNaN: true });

describe("GP (domain.md O1): a, the rate a/Λ and the aim scale", () => {
  it("a solves a² + q·a − q·Λ = 0 and is its positive root, (−q + √(q² + 4qΛ))/2", () => {
    fc.assert(fc.property(q, lambda, (qv, lv) => {
      const a = gpA(qv, lv);
      expect(a).toBeGreaterThan(0);
      expect(Math.abs(a * a + qv * a - qv * lv)).toBeLessThanOrEqual(1e-13 * (a * a + qv * a + qv * lv));
      if (qv >= 1e-6 * lv) relClose(a, (-qv + Math.sqrt(qv * qv + 4 * qv * lv)) / 2, 1e-9);
      const r = gpStepRate(qv, lv);
      expect(r).toBeGreaterThan(0);
      expect(r).toBeLessThan(1);
    }));
  });

  it("the first step of the exact finite-horizon optimum (brute-force FOC solve) is x₁ = (1 − a/Λ)·x₀ + (a/Λ)·aim", () => {
    // expected Markowitz path of an AR(1) signal from g with long-run mean m: M_k = [m + φ^{k−1}(g − m)]/(γσ²)
    fc.assert(fc.property(
      fc.double({ min: 1e-3, max: 0.1, noNaN: true }), fc.double({ min: 1e-3, max: 1, noNaN: true }),
      fc.double({ min: 2, max: 200, noNaN: true }), fc.double({ min: -2, max: 2, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true }),
      (qv, ratio, tau, dev, mean) => {
        const lv = qv / ratio, phi = Math.exp(-1 / tau), x0 = 0.7;
        const path = Array.from({ length: 3000 }, (_, k) => mean + phi ** k * dev);
        const x1 = quadraticTracking(x0, path, qv, lv)[0];
        const r = gpStepRate(qv, lv), aim = mean + dev * gpAimScale(qv, lv, 1 - phi);
        expect(Math.abs(x1 - ((1 - r) * x0 + r * aim))).toBeLessThan(1e-9);
      }), { numRuns: 25 });
  });

  it("the aim equals the direct sum (1 − z)·Σ_k z^k·E[M_{t+k}], z = 1 − a/Λ, over simulated AR(1) paths (seeded)", () => {
    const qv = 1e-3, lv = 0.1, tau = 20, phi = Math.exp(-1 / tau), m = 0.3, sdF = 0.5, g = 2.3;
    const z = 1 - gpStepRate(qv, lv), horizon = 800, paths = 4000;
    const rng = new PathStream(), zig = zigguratTables();
    let sum = 0, sumSq = 0;
    for (let p = 0; p < paths; p++) {
      rng.seed(11, 0, p);
      let f = g, weight = 1 - z, total = 0;
      for (let k = 0; k < horizon; k++) {
        total += weight * f; // M_{t+k}·γσ² = f_{t+k}: the aim in signal units
        f = m + phi * (f - m) + sdF * Math.sqrt(1 - phi * phi) * normalDraw(rng, zig);
        weight *= z;
      }
      sum += total;
      sumSq += total * total;
    }
    const mean = sum / paths, se = Math.sqrt((sumSq / paths - mean * mean) / paths);
    const closed = m + (g - m) * gpAimScale(qv, lv, 1 - phi);
    expect(closed).toBeLessThan(0.8 * g); // the scale matters here: 1/(1 + aΦ/q) ≈ 0.67
    expect(Math.abs(mean - closed)).toBeLessThan(4 * se);
    expect(se).toBeLessThan(0.01);
  });

  it("a permanent signal (Φ = 0) aims at the Markowitz position itself", () => {
    expect(gpAimScale(1e-3, 0.1, 0)).toBe(1);
  });
});

describe("AC (domain.md O2): discrete κ and the rate 1 − e^{−κτ}", () => {
  // coarse steps: τ = 1/12 (monthly), σ² = 0.64, λ = 2, Λ = 0.05 ⇒ c = λσ²τ/Λ ≈ 2.1
  const lam = 2, variance = 0.64, dt = 1 / 12, Lambda = 0.05, eta = (dt * Lambda) / 2;

  it("κτ solves cosh(κτ) = 1 + τ²λσ²/(2η) with η = τΛ/2", () => {
    fc.assert(fc.property(fc.double({ min: 1e-4, max: 100, noNaN: true }), fc.double({ min: 1e-4, max: 10, noNaN: true }),
      fc.double({ min: 1e-4, max: 1, noNaN: true }), lambda, (l, v, t, lv) => {
        const kt = acKappaTau(l, v, t, lv), e = (t * lv) / 2, c = (t * t * l * v) / (2 * e);
        relClose(2 * Math.sinh(kt / 2) ** 2, c, 1e-12); // cosh(κτ) − 1, without cancellation
        const r = acStepRate(l, v, t, lv); // z = e^{−κτ} = 1 − r solves z + 1/z = 2 + 2c, i.e. r²/z = 2c
        relClose((r * r) / Math.exp(-kt), 2 * c, 1e-12);
      }));
  });

  it("matches AC 2000's liquidation trajectory x_k = X·sinh(κ(T − t_k))/sinh(κT) (brute-force E + λV optimum), and the continuous κ does not", () => {
    const X = 1, N = 12, kt = acKappaTau(lam, variance, dt, Lambda);
    const exact = quadraticTracking(X, new Array(N).fill(0), 2 * lam * variance * dt, Lambda, "zero");
    const published = exact.map((_, i) => (X * Math.sinh(kt * (N - (i + 1)))) / Math.sinh(kt * N));
    exact.forEach((x, i) => expect(Math.abs(x - published[i])).toBeLessThan(1e-12));
    const ktContinuous = dt * Math.sqrt((lam * variance) / eta); // κ ≈ √(λσ²/η)
    const continuous = exact.map((_, i) => (X * Math.sinh(ktContinuous * (N - (i + 1)))) / Math.sinh(ktContinuous * N));
    const worst = Math.max(...exact.slice(0, 6).map((x, i) => Math.abs(continuous[i] / x - 1)));
    expect(worst).toBeGreaterThan(0.3); // visibly different at τ = 1/12: κ is 15% too large, and it compounds
    expect(ktContinuous / kt - 1).toBeGreaterThan(0.1);
  });

  it("at infinite horizon a step change of target is closed as x_k = X·e^{−κkτ}", () => {
    const X = 1.5, kt = acKappaTau(lam, variance, 1 / 365, Lambda);
    const x = quadraticTracking(X, new Array(4000).fill(0), (2 * lam * variance) / 365, Lambda);
    for (const k of [1, 2, 5, 20, 100]) relClose(x[k - 1], X * Math.exp(-kt * k), 1e-9);
  });

  it("AC with risk aversion λ is GP with no signal and γ = 2λ", () => {
    fc.assert(fc.property(fc.double({ min: 1e-4, max: 100, noNaN: true }), fc.double({ min: 1e-3, max: 10, noNaN: true }),
      fc.double({ min: 1e-4, max: 1, noNaN: true }), fc.double({ min: 1e-4, max: 10, noNaN: true }), (l, v, t, lv) => {
        relClose(acStepRate(l, v, t, lv), gpStepRate(2 * l * v * t, lv), 1e-10);
      }));
  });
});

describe("Λ from the scenario's book (RS-1 step 9)", () => {
  const book = { kind: "transient" as const, depth: 200, thinning: 2, resilience: 0, spread: 0.001 };

  it("is 1/K with K = κ₀·(σ₀/σ_s)^α when the book has no memory (ψ = 0)", () => {
    expect(quadraticCostLambda(book, 0.55, 0.55)).toBe(1 / 200);
    relClose(quadraticCostLambda(book, 1.4, 0.55), 1 / (200 * (0.55 / 1.4) ** 2), 1e-15);
  });

  it("with ψ > 0 is the cost per step ½Λn² of a steady trade n through the transient book", () => {
    for (const psi of [0.2, 0.5, 0.9]) {
      const K = 50, n = 0.01;
      let D = 0, cost = 0;
      for (let t = 0; t < 2000; t++) { D *= psi; cost = n * D + (n * n) / (2 * K); D += n / K; } // RS-1 steps 8–9
      relClose(quadraticCostLambda({ ...book, depth: K, resilience: psi }, 1, 1), (2 * cost) / (n * n), 1e-12);
    }
  });

  it("refuses books with no quadratic part, naming the cost model needed", () => {
    expect(() => quadraticCostLambda({ kind: "none", thinning: 0 }, 1, 1)).toThrow(/needs a quadratic trading cost.*"none".*"transient"/);
    const sqrt = { kind: "square-root" as const, impact: 1, volume: 10, thinning: 2, spread: 0 };
    expect(() => quadraticCostLambda(sqrt, 1, 1, "ac scheme")).toThrow(UsageError);
    expect(() => quadraticCostLambda(sqrt, 1, 1, "ac scheme")).toThrow(/ac scheme needs a quadratic.*"square-root"/);
    expect(() => quadraticCostLambda({ ...book, resilience: 1 }, 1, 1)).toThrow(/resilience.*ψ < 1.*got 1/);
  });
});

describe("per-regime constants of a scenario (results.json rate_per_step, aim_scale)", () => {
  const rs1 = validateScenario(rs1Scenario);
  const dt = 1 / 365, Lambda = [3 / 200, 3 / (200 * (0.55 / 1.4) ** 2)]; // ψ = 0.5: (1+ψ)/(1−ψ) = 3
  const variance = [0.55, 1.4].map((s) => s * s + 6 * (0.05 ** 2 + 0.1 ** 2)); // jump variance λ_J(μ_J² + σ_J²)

  it("gp reads the target's γ, each regime's σ² + jump variance and thinned depth, and the alpha's Φ", () => {
    const c = optimalPacingConstants(rs1, { kind: "gp" });
    const Phi = 1 - Math.exp(-1 / 60);
    [0, 1].forEach((r) => {
      const qr = 3 * variance[r] * dt, a = (-qr + Math.sqrt(qr * qr + 4 * qr * Lambda[r])) / 2;
      relClose(c.rate_per_step[r], a / Lambda[r], 1e-12);
      relClose(c.aim_scale![r], 1 / (1 + (a * Phi) / qr), 1e-12);
      relClose(regimeVariance([0.55, 1.4][r], rs1.market.jumps), variance[r], 1e-15);
    });
  });

  it("ac reads its own λ and has no aim scale", () => {
    const c = optimalPacingConstants(rs1, { kind: "ac", riskAversion: 4 });
    expect(c.aim_scale).toBeUndefined();
    [0, 1].forEach((r) => relClose(c.rate_per_step[r], 1 - Math.exp(-Math.acosh(1 + (4 * variance[r] * dt) / Lambda[r])), 1e-9));
  });

  it("a target with no modelled future (constant) gives aim scale 1; missing risk aversion is a usage error", () => {
    const flat = validateScenario({ ...rs1Scenario, target: { kind: "constant", leverage: 1 } });
    expect(optimalPacingConstants(flat, { kind: "gp", riskAversion: 2 }).aim_scale).toEqual([1, 1]);
    expect(() => optimalPacingConstants(flat, { kind: "gp", name: "g" })).toThrow(/gp scheme "g": riskAversion must be a positive number; got undefined — give the scheme "riskAversion"/);
    expect(() => optimalPacingConstants(rs1, { kind: "ac" })).toThrow(UsageError);
    const free = validateScenario({ ...rs1Scenario, costs: { kind: "none" } });
    expect(() => optimalPacingConstants(free, { kind: "ac", name: "ac", riskAversion: 1 })).toThrow(/ac scheme "ac" needs a quadratic trading cost/);
  });
});

describe("the realised footprint of partial adjustment on RS-1's book (docs/optimal-pacing.md, Λ for ψ > 0)", () => {
  /** Σ cost / Σ n²/(2K) of x_t = (1 − r)x_{t−1} + r·g_t through the book of RS-1 step 9 (spread aside), g = AR(1) + noise. */
  function footprint(rate: number, noiseSd: number, psi: number): number {
    const rng = new PathStream(), zig = zigguratTables(), phi = Math.exp(-1 / 60), K = 200;
    rng.seed(5, 0, 0);
    let f = 0, x = 0, D = 0, cost = 0, memoryless = 0;
    for (let t = 0; t < 200_000; t++) {
      f = phi * f + 0.5 * Math.sqrt(1 - phi * phi) * normalDraw(rng, zig);
      const g = f + noiseSd * normalDraw(rng, zig), n = rate * (g - x);
      D *= psi;
      cost += n * D + (n * n) / (2 * K);
      memoryless += (n * n) / (2 * K);
      D += n / K;
      x += n;
    }
    return cost / memoryless;
  }

  it("is near (1 + ψz)/(1 − ψz), z = 1 − r, for a smooth signal, below the steady (1 + ψ)/(1 − ψ), and below 1 with RS-1's signal noise", () => {
    const psi = 0.5, r = 0.36, z = 1 - r;
    const smooth = footprint(r, 0, psi), noisy = footprint(r, 0.5, psi);
    relClose(smooth, (1 + psi * z) / (1 - psi * z), 0.05);
    expect(smooth).toBeLessThan(((1 + psi) / (1 - psi)) * 0.7);
    expect(noisy).toBeLessThan(1);
    expect(noisy).toBeGreaterThan(0.5);
  });
});
