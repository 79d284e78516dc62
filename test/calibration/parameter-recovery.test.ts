/**
 * Parameter recovery (issue 4): a history simulated by the engine from a known profile
 * (RS-1's market, 20 years of daily steps, one traced path: ln S_t per step, layout.ts
 * "Trace") is fitted; the true regime volatilities, switching probabilities and jump
 * intensity must lie inside the estimator's own intervals, at 95% for the six together. Fixed seed.
 */
import { describe, it, expect } from "vitest";
import { rs1Scenario } from "../../src/scenario/presets/rs1.ts";
import { validateScenario } from "../../src/scenario/validate-scenario.ts";
import { runPacing } from "../../src/engine/run-pacing.ts";
import { TRACE_FIXED } from "../../assembly/pacing/layout.ts";
import { regimeFit } from "../../src/calibration/regime-fit.ts";
import { inside, log, logit, linear } from "./interval-coverage.ts";

async function simulatedReturns(steps: number, seed: number): Promise<Float64Array> {
  const s = validateScenario({ ...rs1Scenario, schemes: [{ name: "i", kind: "instant" }], baseline: undefined, paths: 64, horizonSteps: steps, seed });
  const run = await runPacing(s, { workers: 1, tracePaths: 1, keepTrace: true, blockPaths: 64 });
  const w = TRACE_FIXED + 2;
  const x = new Float64Array(steps);
  let prev = 0;
  for (let t = 0; t < steps; t++) { const l = run.trace[t * w + 3]; x[t] = l - prev; prev = l; }
  return x;
}

describe("regimeFit parameter recovery on an engine-simulated RS-1 history", () => {
  it("recovers σ₀, σ₁, p₀₁, p₁₀, λ_J and the jump mean within its own intervals (simultaneous 95%)", async () => {
    const x = await simulatedReturns(7300, 7);
    const fit = regimeFit(x, 365);
    expect(fit.converged).toBe(true);
    const dt = 1 / 365;
    inside(0.55 * Math.sqrt(dt), fit.intervals.sd0, log); // RS-1 σ₀
    inside(1.4 * Math.sqrt(dt), fit.intervals.sd1, log); // RS-1 σ₁
    inside(0.005, fit.intervals.p01, logit);
    inside(0.05, fit.intervals.p10, logit);
    inside(6 * dt, fit.intervals.jumpProb, logit); // λ_J·dt
    inside(-0.05, fit.intervals.jumpMean, linear);
  }, 60_000);
});
