import { describe, expect, it } from "vitest";
import { rs1Scenario } from "../../src/scenario/presets/rs1.ts";
import { simulate, gbmMarket } from "./helpers.ts";
import type { ScenarioInput } from "../../src/scenario/scenario-schema.ts";

// Regime switches and jumps are drawn as events (geometric gaps, assembly/pacing/event-lanes.ts);
// their per-step frequencies must be those of the Markov chain and of λ_J·dt.

/** Traces every path of a one-scheme scenario on the kernel: row(p, t) → [L*, regime, σ̂, ln S, …] at step t = 1…T. */
function traced(input: ScenarioInput & { paths: number }) {
  const run = simulate({ ...input, schemes: [{ name: "hold", kind: "instant" }], baseline: "hold" }, input.paths);
  return { n: run.scenario.paths, T: run.scenario.horizonSteps, row: run.traceRow };
}

/** |k/n − p| within 4 binomial standard errors (a test that a correct kernel fails about once in 16,000 runs). */
function expectRate(k: number, n: number, p: number) {
  expect(n).toBeGreaterThan(1000);
  expect(Math.abs(k / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
}

describe("regime switches and jumps as events", () => {
  it("regimes move at the transition matrix's per-step probabilities, every entry of a three-regime chain", () => {
    const transition = [[0.97, 0.02, 0.01], [0.05, 0.9, 0.05], [0.02, 0.18, 0.8]];
    const run = traced({ ...rs1Scenario, market: { ...rs1Scenario.market, regimes: [{ sigma: 0.3 }, { sigma: 0.8 }, { sigma: 2 }], transition },
      horizonSteps: 2000, paths: 256, seed: 11 });
    const counts = transition.map((row) => row.map(() => 0));
    for (let p = 0; p < run.n; p++) {
      let from = 0; // RS-1 starts calm
      for (let t = 1; t <= run.T; t++) {
        const to = run.row(p, t)[1];
        counts[from][to]++;
        from = to;
      }
    }
    transition.forEach((row, r) => {
      const n = counts[r].reduce((a, b) => a + b, 0);
      row.forEach((prob, q) => expectRate(counts[r][q], n, prob));
    });
  });

  it("jumps happen with probability λ_J·dt per step", () => {
    // a near-still market with large jumps: a step's log-return is a jump exactly when it exceeds 0.5
    const lambda = 6, stepsPerYear = 365;
    const run = traced({ ...rs1Scenario, market: gbmMarket(0, 1e-6, stepsPerYear, { intensityPerYear: lambda, meanLog: 1, sdLog: 0.01 }),
      target: { kind: "constant", leverage: 0 }, horizonSteps: 4000, paths: 256, seed: 12 });
    let jumps = 0, steps = 0;
    for (let p = 0; p < run.n; p++) {
      let logS = 0;
      for (let t = 1; t <= run.T; t++, steps++) {
        const next = run.row(p, t)[3];
        if (next - logS > 0.5) jumps++;
        logS = next;
      }
    }
    expectRate(jumps, steps, lambda / stepsPerYear);
  });

  it("a single regime never switches and jumps switched off never happen", () => {
    const run = traced({ ...rs1Scenario, market: gbmMarket(0, 0.2, 252), target: { kind: "constant", leverage: 1 }, horizonSteps: 500, paths: 64, seed: 13 });
    let switches = 0, jumps = 0;
    for (let p = 0; p < run.n; p++) {
      for (let t = 1; t <= run.T; t++) {
        if (run.row(p, t)[1] !== 0) switches++;
        if (t > 1 && Math.abs(run.row(p, t)[3] - run.row(p, t - 1)[3]) > 0.2) jumps++; // 16 daily σ
      }
    }
    expect({ switches, jumps }).toEqual({ switches: 0, jumps: 0 });
  });
});
