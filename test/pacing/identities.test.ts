import { describe, expect, it } from "vitest";
import * as L from "../../assembly/pacing/layout.ts";
import { rs1Scenario } from "../../src/scenario/presets/rs1.ts";
import { simulate } from "./helpers.ts";
import { validateScenario } from "../../src/scenario/validate-scenario.ts";
import { encodeJob } from "../../src/scenario/encode-job.ts";
import { createPacingRunner } from "../../src/engine/pacing-block.ts";
import { loadKernelModule } from "../../src/wasm/load-kernel-module.ts";

const PATHS = 128;
const STEPS = 730;
// The engine computes in single precision (unit roundoff 2⁻²⁴ ≈ 6e-8): ell + 1·(L* − ell) is L*
// only up to one rounding, so the identities hold to f32 rounding accumulated over the horizon.
const F32_TOLERANCE = 1e-5;
const metrics = [L.O_RUIN_STEP, L.O_OPPORTUNITY, L.O_SLIPPAGE, L.O_TURNOVER, L.O_TRADED, L.O_COST, L.O_EQUITY];

function expectSameOutputs(run: ReturnType<typeof simulate>, a: number, b: number, relTol: number) {
  let worst = 0;
  for (let p = 0; p < PATHS; p++) {
    for (const m of metrics) {
      const x = run.at(p, a, m), y = run.at(p, b, m);
      worst = Math.max(worst, Math.abs(x - y) / Math.max(1, Math.abs(y)));
    }
  }
  expect(worst).toBeLessThanOrEqual(relTol);
}

describe("pacing identities on RS-1 market paths", () => {
  it("ema with λ = 1 equals instant", () => {
    const run = simulate({ ...rs1Scenario, paths: PATHS, horizonSteps: STEPS,
      schemes: [{ name: "instant", kind: "instant" }, { name: "ema1", kind: "ema", lambda: 1 }] });
    expectSameOutputs(run, 0, 1, F32_TOLERANCE);
  });

  it("rate with η ≥ 2·L_max equals instant", () => {
    const run = simulate({ ...rs1Scenario, paths: PATHS, horizonSteps: STEPS,
      schemes: [{ name: "instant", kind: "instant" }, { name: "rate", kind: "rate", eta: 6 }] });
    expectSameOutputs(run, 0, 1, F32_TOLERANCE);
  });

  it("without costs every scheme has zero slippage", () => {
    const run = simulate({ ...rs1Scenario, paths: PATHS, horizonSteps: STEPS, costs: { kind: "none" } });
    for (let p = 0; p < PATHS; p++) {
      for (let s = 0; s < run.job.nSchemes; s++) {
        expect(run.at(p, s, L.O_SLIPPAGE)).toBe(0);
        expect(run.at(p, s, L.O_COST)).toBe(0);
      }
    }
    // …while it does trade: the identity is not vacuous
    expect(run.at(0, 0, L.O_TRADED)).toBeGreaterThan(0);
  });

  it("instant has zero opportunity cost (without costs, up to f32 rounding)", () => {
    // Every scheme starts at leverage 0, so the first step lags by L*_0·R_1 by construction (RS-1);
    // a target series starting at L*_0 = 0 removes that step and leaves the identity itself.
    const values = Array.from({ length: STEPS + 1 }, (_, t) => (t === 0 ? 0 : 2 * Math.sin(t / 25)));
    const run = simulate({ ...rs1Scenario, paths: PATHS, horizonSteps: STEPS, costs: { kind: "none" },
      target: { kind: "series", values } });
    for (let p = 0; p < PATHS; p++) expect(Math.abs(run.at(p, 0, L.O_OPPORTUNITY))).toBeLessThan(1e-6);
    // a paced scheme on the same paths does lag
    let lag = 0;
    for (let p = 0; p < PATHS; p++) lag += Math.abs(run.at(p, 2, L.O_OPPORTUNITY));
    expect(lag / PATHS).toBeGreaterThan(1e-3);
  });

  it("a ruined path records its ruin step and stops trading", () => {
    const run = simulate({ ...rs1Scenario, paths: PATHS, horizonSteps: STEPS });
    let ruined = 0;
    for (let p = 0; p < PATHS; p++) {
      const step = run.at(p, 0, L.O_RUIN_STEP);
      if (step > 0) {
        ruined++;
        expect(step).toBeLessThanOrEqual(STEPS);
        expect(run.at(p, 0, L.O_EQUITY)).toBeLessThanOrEqual(0.5);
      }
    }
    expect(ruined).toBeGreaterThan(0);
  });

  it("a path's outputs do not depend on where it sits in a block", () => {
    const job = encodeJob(validateScenario({ ...rs1Scenario, paths: 70, horizonSteps: 200 }));
    const runner = createPacingRunner("wasm", job, loadKernelModule());
    const whole = runner.run({ firstPath: 0, nPaths: 70, nTrace: 0 });
    const alone = runner.run({ firstPath: 69, nPaths: 1, nTrace: 0 });
    const width = job.nSchemes * L.OUT_WIDTH;
    expect(Array.from(alone)).toEqual(Array.from(whole.subarray(69 * width, 70 * width)));
  });
});
