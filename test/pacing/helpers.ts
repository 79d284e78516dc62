import * as L from "../../assembly/pacing/layout.ts";
import { validateScenario } from "../../src/scenario/validate-scenario.ts";
import { encodeJob } from "../../src/scenario/encode-job.ts";
import { createPacingRunner } from "../../src/engine/pacing-block.ts";
import { loadKernelModule } from "../../src/wasm/load-kernel-module.ts";
import type { ScenarioInput } from "../../src/scenario/scenario-schema.ts";

/** Runs a scenario's paths on the WASM kernel; returns out[path][scheme][metric] accessors. */
export function simulate(input: ScenarioInput) {
  const scenario = validateScenario(input);
  const job = encodeJob(scenario);
  const { out } = createPacingRunner("wasm", job, loadKernelModule()).run({ firstPath: 0, nPaths: scenario.paths, nTrace: 0 });
  const at = (p: number, s: number, m: number) => out[(p * job.nSchemes + s) * L.OUT_WIDTH + m];
  return { scenario, job, out, at };
}

/** A one-regime GBM market with constant drift μ (per year) and volatility σ (per year). */
export function gbmMarket(mu: number, sigma: number, stepsPerYear = 252, jumps?: { intensityPerYear: number; meanLog: number; sdLog: number }) {
  return {
    stepsPerYear,
    regimes: [{ sigma }],
    jumps: jumps ? { enabled: true, ...jumps } : { enabled: false, intensityPerYear: 0, meanLog: 0, sdLog: 0 },
    alpha: { mean: mu, sd: 0, timeConstantSteps: 1 },
  };
}
