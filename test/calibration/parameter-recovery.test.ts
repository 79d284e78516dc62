/**
 * Parameter recovery (issue 4): a history simulated by the engine from a known profile
 * (RS-1's market, 20 years of daily steps, one traced path: ln S_t per step, layout.ts
 * "Trace") is fitted; the true regime volatilities, switching probabilities and jump
 * intensity must lie inside the estimator's own 95% intervals. Fixed seed.
 */
import { describe, it, expect } from "vitest";
import { rs1Scenario } from "../../src/scenario/presets/rs1.ts";
import { validateScenario } from "../../src/scenario/validate-scenario.ts";
import { runPacing } from "../../src/engine/run-pacing.ts";
import { TRACE_FIXED } from "../../assembly/pacing/layout.ts";
import { regimeFit } from "../../src/calibration/regime-fit.ts";

async function simulatedReturns(steps: number, seed: number): Promise<Float64Array> {
  const s = validateScenario({ ...rs1Scenario, schemes: [{ name: "i", kind: "instant" }], baseline: undefined, paths: 64, horizonSteps: steps, seed });
  const run = await runPacing(s, { workers: 1, tracePaths: 1, blockPaths: 64 });
  const w = TRACE_FIXED + 2;
  const x = new Float64Array(steps);
  let prev = 0;
  for (let t = 0; t < steps; t++) { const l = run.trace[t * w + 3]; x[t] = l - prev; prev = l; }
  return x;
}

const inside = (truth: number, i: { lo: number; hi: number } | null) => {
  expect(i, "interval must exist").not.toBeNull();
  if (!(truth >= i!.lo && truth <= i!.hi)) throw new Error(`true ${truth} outside the 95% interval [${i!.lo}, ${i!.hi}]`);
};

describe("regimeFit parameter recovery on an engine-simulated RS-1 history", () => {
  it("recovers σ₀, σ₁, p₀₁, p₁₀ and λ_J within its own 95% intervals", async () => {
    const x = await simulatedReturns(7300, 7);
    const fit = regimeFit(x, 365);
    expect(fit.converged).toBe(true);
    const dt = 1 / 365;
    inside(0.55 * Math.sqrt(dt), fit.intervals.sd0); // RS-1 σ₀
    inside(1.4 * Math.sqrt(dt), fit.intervals.sd1); // RS-1 σ₁
    inside(0.005, fit.intervals.p01);
    inside(0.05, fit.intervals.p10);
    inside(6 * dt, fit.intervals.jumpProb); // λ_J·dt
    inside(-0.05, fit.intervals.jumpMean);
  }, 60_000);
});
