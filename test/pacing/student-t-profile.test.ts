/**
 * Student-t from the engine to the profile and back (issue 15 item 7): a history the engine
 * simulates with t innovations and no jumps is read by the profile as t, with ν, the regime
 * volatilities and the switching probabilities inside their intervals; the profile's scenario
 * then simulates that t model itself; and the engine's frequency of large losses is the profile
 * model's closed form (posterior-predictive.ts), so the tail check can be run on the engine.
 */
import { describe, expect, it } from "vitest";
import { simulate } from "./helpers.ts";
import { estimateProfile } from "../../src/calibration/market-profile.ts";
import { profileToScenarioInput } from "../../src/calibration/profile-scenario.ts";
import { modelTailProbability } from "../../src/calibration/posterior-predictive.ts";
import { seriesFromReturns } from "../calibration/simulated-market.ts";
import { inside, log, logit, logNu } from "../calibration/interval-coverage.ts";
import type { ScenarioInput } from "../../src/scenario/scenario-schema.ts";

const STEPS_PER_YEAR = 365, SIGMA = [0.3, 0.8], TRANSITION = [[0.99, 0.01], [0.04, 0.96]], NU = 4;

/** The engine's market: two regimes, t innovations with ν in both, no jumps, no drift, no trend. */
function tMarket(paths: number, steps: number, seed: number): ScenarioInput {
  return {
    market: {
      stepsPerYear: STEPS_PER_YEAR, regimes: SIGMA.map((sigma) => ({ sigma })), transition: TRANSITION,
      alpha: { mean: 0, sd: 0, timeConstantSteps: 1 }, innovations: { kind: "student-t", nu: [NU, NU] },
    },
    target: { kind: "constant", leverage: 0 }, costs: { kind: "none" }, schemes: [{ name: "i", kind: "instant" }],
    ruinBarrier: 0.5, horizonSteps: steps, paths, seed,
  };
}

/** Per-step log-returns of each traced path, from its ln S trace (f32 sums, differenced in f64). */
function engineReturns(input: ScenarioInput, paths: number): Float64Array[] {
  const { traceRow } = simulate(input, paths), T = input.horizonSteps;
  return Array.from({ length: paths }, (_, p) => {
    const x = new Float64Array(T);
    let prev = 0;
    for (let t = 1; t <= T; t++) { const lnS = traceRow(p, t)[3]; x[t - 1] = lnS - prev; prev = lnS; }
    return x;
  });
}

describe("Student-t: engine → profile → engine", () => {
  it("a t history from the engine (ν 4, no jumps): the profile chooses t, recovers ν, σ and the switches, and its scenario simulates that t", () => {
    const [x] = engineReturns(tMarket(1, 2500, 21), 1);
    const p = estimateProfile(seriesFromReturns(x, "engine-t.csv"), { stepsPerYear: STEPS_PER_YEAR });
    expect(p.model_choice.chosen).toBe("t");
    inside(NU, p.volatility.innovations.nu_interval, logNu, "ν");
    inside(SIGMA[0], p.volatility.regimes[0].interval, log, "σ₀");
    inside(SIGMA[1], p.volatility.regimes[1].interval, log, "σ₁");
    inside(TRANSITION[0][1], p.volatility.switch_intervals.p01, logit, "p₀₁");
    inside(TRANSITION[1][0], p.volatility.switch_intervals.p10, logit, "p₁₀");
    expect(p.jumps.intensity_per_year).toBe(0);
    const nu = p.volatility.innovations.nu!;
    expect(p.engine_market.innovations).toEqual({ distribution: "student-t", nu });
    const sc = profileToScenarioInput(p, [{ name: "i", kind: "instant" }]);
    expect(sc.market.innovations).toEqual({ kind: "student-t", nu: [nu, nu] });
    expect(sc.market.jumps?.enabled).toBe(false);
  });

  it("the engine's frequency of steps below a loss is the profile model's closed form (stationary regime mix, t cdf)", () => {
    const paths = 200, steps = 2200, burnIn = 200; // burn-in: the chain starts in regime 0, the closed form is stationary
    const runs = engineReturns(tMarket(paths, steps, 22), paths);
    const sd = SIGMA.map((s) => s / Math.sqrt(STEPS_PER_YEAR)) as [number, number];
    const model = { mean: 0, sd, transition: TRANSITION as [[number, number], [number, number]], jumpProb: 0, jumpMean: 0, jumpSd: 0, nu: NU };
    for (const loss of [-0.03, -0.06, -0.1]) {
      const L = Math.log1p(loss);
      // per-path frequencies are independent across paths: their mean and its 99.9% interval
      const freq = runs.map((x) => { let c = 0; for (let t = burnIn; t < steps; t++) if (x[t] < L) c++; return c / (steps - burnIn); });
      const mean = freq.reduce((a, b) => a + b, 0) / paths;
      const half = 3.29 * Math.sqrt(freq.reduce((a, b) => a + (b - mean) ** 2, 0) / (paths - 1) / paths);
      const expected = modelTailProbability(model, L);
      expect(Math.abs(mean - expected), `P(x < ln(1 ${loss})): engine ${mean} ± ${half}, closed form ${expected}`).toBeLessThan(half);
      // not vacuous: the normal model with the same σ puts a different mass there
      if (loss <= -0.06) expect(Math.abs(mean - modelTailProbability({ ...model, nu: undefined }, L))).toBeGreaterThan(half);
    }
  });
});
