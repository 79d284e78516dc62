/**
 * The path-risk outputs against a direct computation over the TypeScript twin's traced paths:
 * every path traced, its equity after each step's trade and costs (the marked equity at ruin).
 */
import { describe, expect, it } from "vitest";
import * as L from "../../assembly/pacing/layout.ts";
import { rs1Scenario } from "../../src/scenario/presets/rs1.ts";
import { validateScenario } from "../../src/scenario/validate-scenario.ts";
import { runPacing } from "../../src/engine/run-pacing.ts";
import { pacingResults } from "../../src/engine/pacing-results.ts";

const PATHS = 400, T = 730;
const scenario = validateScenario({
  ...rs1Scenario, paths: PATHS, horizonSteps: T, target: { kind: "vol-target", sigmaTarget: 0.8, cap: 4 },
  costs: { ...rs1Scenario.costs, funding: { ratePerYear: 0.05 } },
});

/** Per path and scheme, from the trace alone: max drawdown, share of steps under water, terminal return, ruin step. */
function fromTraces(trace: Float32Array, nSchemes: number) {
  const width = L.TRACE_FIXED + 2 * nSchemes, theta = scenario.ruinBarrier;
  return Array.from({ length: nSchemes }, (_, s) => {
    const dd: number[] = [], under: number[] = [], ret: number[] = [], ruin: number[] = [];
    for (let p = 0; p < PATHS; p++) {
      let peak = 1, worst = 0, below = 0, ruinStep = 0;
      for (let t = 1; t <= T; t++) {
        const e = trace[(p * T + t - 1) * width + L.TRACE_FIXED + 2 * s + 1];
        peak = Math.max(peak, e);
        worst = Math.max(worst, 1 - e / peak);
        if (e < peak) below++;
        if (ruinStep === 0 && e <= theta) ruinStep = t;
      }
      dd.push(worst); under.push(below / T); ruin.push(ruinStep);
      ret.push(trace[(p * T + T - 1) * width + L.TRACE_FIXED + 2 * s + 1] - 1);
    }
    return { dd, under, ret, ruin };
  });
}

const sorted = (v: number[]) => [...v].sort((a, b) => a - b);
const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;

describe("path risk against the traced twin", async () => {
  const run = await runPacing(scenario, { engine: "reference", workers: 1, tracePaths: PATHS, keepTrace: true });
  const results = pacingResults(run.blocks, run.job.schemeNames, run.baseline, run.years);
  const direct = fromTraces(run.trace, run.job.nSchemes);
  const close = (a: number | null, b: number) => expect(Math.abs(a! - b)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(b)));

  it.each(run.job.schemeNames.map((n, s) => [n, s] as const))("%s: drawdown median and 95th percentile, CVaR 5%, time under water", (name, s) => {
    const r = results.schemes[name], d = direct[s];
    const dd = sorted(d.dd);
    close(r.max_drawdown_median.estimate, (dd[199] + dd[200]) / 2);
    close(r.max_drawdown_p95.estimate, dd[379] + 0.05 * (dd[380] - dd[379])); // h = 399·0.95 = 379.05
    close(r.cvar5_terminal_return.estimate, mean(sorted(d.ret).slice(0, 20))); // the worst 5% of 400
    close(r.time_under_water.estimate, mean(d.under));
    expect(r.max_drawdown_median.lo!).toBeLessThanOrEqual(r.max_drawdown_median.estimate!);
    expect(r.max_drawdown_p95.hi!).toBeGreaterThanOrEqual(r.max_drawdown_p95.estimate!);
  });

  it("ruin by year: the share of paths whose equity was marked at or below θE₀ by each year's end", () => {
    expect(results.ruin_by_year.years).toEqual([1, 2]);
    run.job.schemeNames.forEach((name, s) => {
      const byYear = [365, 730].map((end) => direct[s].ruin.filter((t) => t > 0 && t <= end).length / PATHS);
      expect(results.ruin_by_year.schemes[name].map((e) => e.estimate)).toEqual(byYear);
      expect(byYear[1]).toBe(results.schemes[name].ruin_probability.estimate);
    });
  });

  it("the scenario is not trivial: drawdowns, ruins and funding happen", () => {
    expect(results.schemes.instant.ruined).toBeGreaterThan(10);
    expect(results.schemes.instant.funding.estimate!).toBeGreaterThan(0.003);
    expect(results.schemes.instant.cvar5_terminal_return.estimate!).toBeLessThan(-0.5);
  });

  it("with path risk off, the drawdown and time-under-water estimates are null and the others unchanged", async () => {
    const off = await runPacing(scenario, { workers: 1, pathRisk: false });
    const on = await runPacing(scenario, { workers: 1 });
    const a = pacingResults(off.blocks, off.job.schemeNames, off.baseline, off.years).schemes.ema;
    const b = pacingResults(on.blocks, on.job.schemeNames, on.baseline, on.years).schemes.ema;
    expect(a.max_drawdown_median.estimate).toBeNull();
    expect(a.time_under_water.estimate).toBeNull();
    expect(a.cvar5_terminal_return).toEqual(b.cvar5_terminal_return);
    expect(a.ruin_probability).toEqual(b.ruin_probability);
  });
});
