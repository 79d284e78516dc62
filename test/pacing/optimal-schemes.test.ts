/**
 * The optimal and corrective schemes (issue 14; domain.md O1, O2) pinned to their closed forms:
 * AC's trajectory after a step change of target, GP beating every EMA toward the Markowitz target on
 * GP's own objective, the objective itself against a direct computation from traced paths, and the
 * jump guard's de-risking step. Expected values are computed here from the formulas, independently of
 * src/pacing/optimal-rates.ts.
 */
import { describe, expect, it } from "vitest";
import * as L from "../../assembly/pacing/layout.ts";
import { simulate, gbmMarket } from "./helpers.ts";
import { rs1Scenario } from "../../src/scenario/presets/rs1.ts";
import { validateScenario } from "../../src/scenario/validate-scenario.ts";
import { runPacing } from "../../src/engine/run-pacing.ts";
import { pacingDocument } from "../../src/engine/pacing-document.ts";
import type { ScenarioInput } from "../../src/scenario/scenario-schema.ts";

const flatBook = (depth: number) => ({ kind: "transient" as const, depth, thinning: 0, resilience: 0, spread: 0 });
/** RS-1's book with ψ = 0 (so Λ = 1/K exactly): depth 200, thinning 2, spread 0.001. */
const rs1BookNoMemory = { kind: "transient" as const, depth: 200, thinning: 2, resilience: 0, spread: 0.001 };

describe("ac: the Almgren–Chriss rate (domain.md O2)", () => {
  // a market that barely moves (σ = 1e-6) and a book so deep that costs are below f32 resolution, so the
  // held leverage moves only by the scheme's trades; λ makes c = τ²λσ²/(2η) = 0.025 with η = τ/(2K)
  const stepsPerYear = 252, sigma = 1e-6, depth = 1e7, lambda = 6.3e5, t0 = 5, X = 2, T = 40;
  const tau = 1 / stepsPerYear, eta = tau / (2 * depth);
  const kappaTau = Math.acosh(1 + (tau * tau * lambda * sigma * sigma) / (2 * eta)); // AC (2000), discrete time
  const input: ScenarioInput = {
    market: gbmMarket(0, sigma, stepsPerYear),
    target: { kind: "series", values: Array.from({ length: T + 1 }, (_, t) => (t < t0 ? 0 : X)) },
    costs: flatBook(depth), schemes: [{ name: "ac", kind: "ac", riskAversion: lambda }],
    ruinBarrier: 0.5, horizonSteps: T, paths: 1, seed: 3,
  };

  it("after a step change of target the held gap is X·e^{−κkτ} at every step k (not the continuous κ ≈ √(λσ²/η))", () => {
    const { traceRow } = simulate(input, 1);
    const gaps = Array.from({ length: T - t0 + 1 }, (_, k) => X - traceRow(0, t0 + k)[L.TRACE_FIXED]);
    const closed = gaps.map((_, k) => X * Math.exp(-kappaTau * (k + 1)));
    const continuous = gaps.map((_, k) => X * Math.exp(-Math.sqrt((lambda * sigma * sigma) / eta) * tau * (k + 1)));
    const worst = (e: number[]) => Math.max(...gaps.map((g, k) => Math.abs(g - e[k])));
    expect(worst(closed)).toBeLessThan(2e-6 * X); // f32 engine
    expect(worst(continuous)).toBeGreaterThan(100 * 2e-6 * X); // ≈ 1.5e-3: visibly another trajectory
    expect(traceRow(0, t0 - 1)[L.TRACE_FIXED]).toBe(0); // no trade before the change
  });
});

/** GP's setting: one regime, no jumps, ψ = 0, no spread, no ruin, the signal seen without noise, the true σ (λ_v = 1). */
function gpSetting(schemes: ScenarioInput["schemes"], paths: number): ScenarioInput {
  return {
    market: { stepsPerYear: 252, regimes: [{ sigma: 0.2 }], alpha: { mean: 0.05, sd: 0.2, timeConstantSteps: 10 }, ewmaDecay: 1 },
    target: { kind: "signal", noiseSd: 0, riskAversion: 5, maxLeverage: 1000 },
    costs: flatBook(14), schemes, baseline: "gp", ruinBarrier: 0, horizonSteps: 252, paths, seed: 11,
  };
}

describe("gp: the Gârleanu–Pedersen policy (domain.md O1)", () => {
  it("results.json prints its rate a/Λ and aim scale, and ac's rate, as computed from the formulas (1e-9)", async () => {
    const scenario = validateScenario({ ...gpSetting([{ name: "gp", kind: "gp" }, { name: "ac", kind: "ac", riskAversion: 2 }], 64),
      market: { ...rs1Scenario.market, regimes: [{ sigma: 0.4 }, { sigma: 1.1 }] }, costs: rs1BookNoMemory });
    const doc = pacingDocument(scenario, await runPacing(scenario, { workers: 1 }), { gitRevision: "test", date: "test", blockPaths: 512 });
    const m = scenario.market, dt = 1 / m.stepsPerYear, j = m.jumps;
    const phi = Math.exp(-1 / m.alpha.timeConstantSteps);
    m.regimes.forEach(({ sigma }, r) => {
      const variance = sigma * sigma + j.intensityPerYear * (j.meanLog ** 2 + j.sdLog ** 2);
      const lam = 1 / (200 * Math.pow(m.regimes[0].sigma / sigma, 2)); // Λ = 1/K, K = κ₀(σ₀/σ_r)^α
      const q = 5 * variance * dt;
      const a = (-q + Math.sqrt(q * q + 4 * q * lam)) / 2;
      const z = 1 - a / lam;
      const close = (got: number, want: number) => expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-9 * Math.abs(want));
      close(doc.schemes.gp.rate_per_step![r], a / lam);
      close(doc.schemes.gp.aim_scale![r], (1 - z) / (1 - z * phi)); // (1 − z)·Σ_k z^k φ^k: GP's weights on future Markowitz positions
      close(doc.schemes.ac.rate_per_step![r], 1 - Math.exp(-Math.acosh(1 + (dt * dt * 2 * variance) / (2 * (dt * lam) / 2))));
    });
    expect(doc.schemes.ac.aim_scale).toBeUndefined();
  });

  it("in GP's setting its mean objective exceeds that of every EMA toward the Markowitz target (paired 95% intervals)", async () => {
    const q = (5 * 0.2 * 0.2) / 252, lam = 1 / 14, own = (-q + Math.sqrt(q * q + 4 * q * lam)) / 2 / lam; // GP's a/Λ here
    const lambdas = [0.02, 0.05, own, 0.15, 0.25, 0.4, 0.7, 1];
    const scenario = validateScenario(gpSetting([{ name: "gp", kind: "gp" }, ...lambdas.map((l) => ({ name: `ema-${l}`, kind: "ema" as const, lambda: l }))], 2000));
    const doc = pacingDocument(scenario, await runPacing(scenario, { workers: 1 }), { gitRevision: "test", date: "test", blockPaths: 512 });
    const rate = doc.schemes.gp.rate_per_step![0];
    expect(Math.abs(rate - own)).toBeLessThan(1e-12); // the sweep holds GP's own rate: only the aim differs there
    expect(doc.schemes.gp.aim_scale![0]).toBeLessThan(0.7);
    for (const l of lambdas) {
      const d = doc.paired_differences.schemes[`ema-${l}`].gp_objective;
      expect(d.paired.hi!, `ema λ = ${l}: objective minus gp's ${d.estimate}`).toBeLessThan(0);
    }
  });
});

describe("gp_objective: GP's objective per step, every scheme", () => {
  it("equals x·r − (γ/2)σ_r²dt·x² − ½Λ_r·n² summed over a traced path's steps (two regimes, jumps), over T", () => {
    const market = { ...rs1Scenario.market, jumps: { enabled: true, intensityPerYear: 6, meanLog: -0.05, sdLog: 0.1 } };
    const { at, traceRow, scenario, job } = simulate({ ...rs1Scenario, market, costs: rs1BookNoMemory,
      schemes: [...rs1Scenario.schemes, { name: "gp", kind: "gp" }], ruinBarrier: 0, horizonSteps: 300, paths: 8 }, 8);
    const m = scenario.market, dt = 1 / m.stepsPerYear, T = scenario.horizonSteps, j = m.jumps;
    const halfRisk = m.regimes.map(({ sigma }) => (3 / 2) * (sigma * sigma + j.intensityPerYear * (j.meanLog ** 2 + j.sdLog ** 2)) * dt);
    const halfLambda = m.regimes.map(({ sigma }) => 0.5 / (200 * Math.pow(m.regimes[0].sigma / sigma, 2)));
    let checked = 0;
    for (let p = 0; p < 8; p++) {
      for (let s = 0; s < job.nSchemes; s++) {
        if (at(p, s, L.O_RUIN_STEP) > 0) continue;
        let sum = 0, scale = 0, xPrev = 0, logPrev = 0;
        for (let t = 1; t <= T; t++) {
          const row = traceRow(p, t), r = Math.expm1(row[3] - logPrev), regime = row[1];
          const x = row[L.TRACE_FIXED + 2 * s] * row[L.TRACE_FIXED + 2 * s + 1]; // L_t·E_t/E₀ (E₀ = 1)
          const n = x - xPrev * (1 + r);
          const terms = [xPrev * r, -halfRisk[regime] * x * x, -halfLambda[regime] * n * n];
          sum += terms[0] + terms[1] + terms[2];
          scale += Math.abs(terms[0]) + Math.abs(terms[1]) + Math.abs(terms[2]);
          xPrev = x; logPrev = row[3];
        }
        expect(Math.abs(at(p, s, L.O_GP_OBJECTIVE) - sum), `path ${p} scheme ${s}`).toBeLessThan(1e-4 * scale);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });
});
