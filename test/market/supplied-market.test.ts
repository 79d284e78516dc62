import { describe, expect, it } from "vitest";
import * as L from "../../assembly/pacing/layout.ts";
import { rs1Scenario } from "../../src/scenario/presets/rs1.ts";
import { validateScenario } from "../../src/scenario/validate-scenario.ts";
import { encodeJob } from "../../src/scenario/encode-job.ts";
import { createPacingRunner } from "../../src/engine/pacing-block.ts";
import { loadKernelModule } from "../../src/wasm/load-kernel-module.ts";
import { runPacing } from "../../src/engine/run-pacing.ts";
import { pacingResults } from "../../src/engine/pacing-results.ts";
import { fillSuppliedMarket } from "../../src/market/supplied-market.ts";
import type { ScenarioInput } from "../../src/scenario/scenario-schema.ts";

type LegsInput = Extract<NonNullable<ScenarioInput["returns"]>, { kind: "correlated-legs" }>;
const legs = (rho: number): LegsInput => ({
  kind: "correlated-legs",
  legs: [
    { name: "gold", sigma: 0.18, drift: 0.03, weight: 1, side: "base", price: 1900 },
    { name: "usdjpy", sigma: 0.1, drift: 0, weight: 1, side: "quote", price: 140 },
  ],
  correlation: [[1, rho], [rho, 1]],
  regimes: "shared",
});
const history = Array.from({ length: 500 }, (_, i) => 0.02 * Math.sin(i * 1.7) + 0.001 * (i % 7));

describe("supplied market paths", () => {
  it.each([
    ["correlated legs of a ratio", { returns: legs(0.4) }],
    ["correlated legs with per-asset regimes", { returns: { ...legs(-0.3), regimes: "per-asset" as const } }],
    ["a stationary bootstrap of a history", { returns: { kind: "bootstrap" as const, returns: history, meanBlock: 10 } }],
  ])("the WASM kernel and the TS twin agree to 1e-12 on %s", (_name, change) => {
    const job = encodeJob(validateScenario({ ...rs1Scenario, horizonSteps: 400, paths: 70, ...change }));
    expect(job.params[L.J_MARKET_SOURCE]).toBe(L.MARKET_SUPPLIED);
    const request = { firstPath: 5, nPaths: 70, nTrace: 2 };
    const wasm = { out: createPacingRunner("wasm", job, loadKernelModule()).run(request) };
    const twin = { out: createPacingRunner("reference", job).run(request) };
    const worst = wasm.out.reduce((w, x, i) => Math.max(w, Math.abs(x - twin.out[i]) / Math.max(1, Math.abs(twin.out[i]))), 0);
    expect(worst).toBeLessThan(1e-12);
    expect(wasm.out[L.O_TRADED]).toBeGreaterThan(0);
  });

  it("the ratio of two correlated GBM legs has log-variance σ₁² + σ₂² − 2ρσ₁σ₂ per year (within 4 standard errors)", () => {
    const rho = 0.6, steps = 252, paths = 200;
    const scenario = validateScenario({ ...rs1Scenario, market: { ...rs1Scenario.market, stepsPerYear: 252, regimes: [{ sigma: 0.5 }], transition: undefined },
      horizonSteps: steps, paths, returns: legs(rho) });
    const job = encodeJob(scenario);
    const x = new Float64Array(paths * steps), regime = new Float64Array(paths * steps);
    fillSuppliedMarket(job.supplied!, 0, paths, x, regime);
    const n = x.length, mean = x.reduce((a, b) => a + b, 0) / n;
    const variance = x.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
    const expected = (0.18 ** 2 + 0.1 ** 2 - 2 * rho * 0.18 * 0.1) / 252; // closed form, domain.md (G3) in logs
    expect(Math.abs(variance - expected)).toBeLessThan(4 * expected * Math.sqrt(2 / n));
    expect(regime.every((r) => r === 0)).toBe(true);
  });

  it("a bootstrap path replays the history in blocks of the stated mean length", () => {
    const scenario = validateScenario({ ...rs1Scenario, horizonSteps: 2000, paths: 20, returns: { kind: "bootstrap", returns: history, meanBlock: 25 } });
    const job = encodeJob(scenario);
    const x = new Float64Array(20 * 2000), regime = new Float64Array(20 * 2000);
    fillSuppliedMarket(job.supplied!, 0, 20, x, regime);
    const index = new Map(history.map((v, i) => [v, i]));
    let breaks = 0;
    for (let p = 0; p < 20; p++) {
      for (let t = 1; t < 2000; t++) {
        const a = index.get(x[p * 2000 + t - 1]), b = index.get(x[p * 2000 + t]);
        expect(b).toBeDefined();
        if (b !== (a! + 1) % history.length) breaks++;
      }
    }
    const meanBlock = (20 * 1999) / breaks; // geometric blocks: restarts with probability 1/25 a step
    expect(meanBlock).toBeGreaterThan(20);
    expect(meanBlock).toBeLessThan(31);
  });

  it("runs end to end on worker threads with results identical to one thread", async () => {
    const scenario = validateScenario({ ...rs1Scenario, horizonSteps: 365, paths: 600, returns: legs(0.3) });
    const one = await runPacing(scenario, { workers: 1, blockPaths: 128 });
    const two = await runPacing(scenario, { workers: 2, blockPaths: 128 });
    const a = pacingResults(one.blocks, one.job.schemeNames, one.baseline, one.years);
    const b = pacingResults(two.blocks, two.job.schemeNames, two.baseline, two.years);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it.each([
    ["a correlation that is not positive definite", { returns: { ...legs(0.5), legs: [...legs(0.5).legs, { ...legs(0.5).legs[0], name: "x" }], correlation: [[1, 0.9, -0.9], [0.9, 1, 0.9], [-0.9, 0.9, 1]] } }, /returns\.correlation: must be positive definite/],
    ["an asymmetric correlation", { returns: { ...legs(0.5), correlation: [[1, 0.5], [0.4, 1]] } }, /returns\.correlation\[0\]\[1\]: must equal correlation\[1\]\[0\] \(symmetric\); got 0\.5/],
    ["no base leg", { returns: { ...legs(0.5), legs: legs(0.5).legs.map((l) => ({ ...l, side: "quote" as const })) } }, /returns\.legs: needs at least one "base" leg/],
    ["regime labels beyond the market's regimes", { returns: { kind: "bootstrap" as const, returns: [0.01, -0.01], regimes: [0, 3], meanBlock: 5 } }, /returns\.regimes\[1\]: must be < 2/],
  ])("rejects %s, naming the field", (_name, change, pattern) => {
    expect(() => validateScenario({ ...rs1Scenario, ...change })).toThrow(pattern);
  });
});
