import * as L from "../../assembly/pacing/layout.ts";
import { validateScenario } from "../../src/scenario/validate-scenario.ts";
import { encodeJob } from "../../src/scenario/encode-job.ts";
import { createPacingRunner, runKeepingTrace } from "../../src/engine/pacing-block.ts";
import { loadKernelModule } from "../../src/wasm/load-kernel-module.ts";
import type { ScenarioInput } from "../../src/scenario/scenario-schema.ts";

/**
 * Runs a scenario's paths on the WASM kernel; returns out[path][scheme][metric] accessors, and
 * the trace of the first `nTrace` paths (layout.ts "Trace"): traceRow(p, t) for step t = 1…T.
 */
export function simulate(input: ScenarioInput, nTrace = 0) {
  const scenario = validateScenario(input);
  const job = encodeJob(scenario);
  const { out, trace } = runKeepingTrace(createPacingRunner("wasm", job, loadKernelModule()), job, { firstPath: 0, nPaths: scenario.paths, nTrace });
  const at = (p: number, s: number, m: number) => out[(p * job.nSchemes + s) * L.OUT_WIDTH + m];
  const T = scenario.horizonSteps, width = L.TRACE_FIXED + 2 * job.nSchemes;
  const traceRow = (p: number, t: number) => trace.subarray((p * T + t - 1) * width, (p * T + t) * width);
  return { scenario, job, out, at, traceRow };
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
