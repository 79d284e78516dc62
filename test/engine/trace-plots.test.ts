/**
 * The plots of the traced paths (pacing-trace.ts): which path and steps the leverage window
 * shows, which order statistics the equity fan draws, and that neither depends on how the
 * trace is cut into chunks of paths — the kernel's runner hands it over 64 paths at a time.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { TRACE_FIXED, J_E0 } from "../../assembly/pacing/layout.ts";
import { rs1Scenario } from "../../src/scenario/presets/rs1.ts";
import { validateScenario } from "../../src/scenario/validate-scenario.ts";
import { encodeJob } from "../../src/scenario/encode-job.ts";
import { TracePlotter, tracePlots } from "../../src/engine/pacing-trace.ts";
import { runPacing } from "../../src/engine/run-pacing.ts";

const T = 203;
const job = encodeJob(validateScenario({ ...rs1Scenario, horizonSteps: T, paths: 64 }));
const nS = job.nSchemes, width = TRACE_FIXED + 2 * nS, e0 = job.params[J_E0];

/** A trace of `paths` paths whose values say where they sit: L*, σ̂ and leverage encode (path, step, scheme); `regime` and `equity` are given. */
function syntheticTrace(paths: number, regime: (p: number, t: number) => number, equity: (p: number, t: number, s: number) => number): Float32Array {
  const trace = new Float32Array(paths * T * width);
  for (let p = 0; p < paths; p++) {
    for (let t = 1; t <= T; t++) {
      const row = (p * T + t - 1) * width;
      trace[row] = 1000 * p + t; // L*
      trace[row + 1] = regime(p, t);
      trace[row + 2] = -(1000 * p + t); // σ̂
      for (let s = 0; s < nS; s++) {
        trace[row + TRACE_FIXED + 2 * s] = s + 0.5; // leverage
        trace[row + TRACE_FIXED + 2 * s + 1] = equity(p, t, s);
      }
    }
  }
  return trace;
}

const flat = (p: number, t: number, s: number) => e0 * (1 + p + s + t / T);

describe("the leverage window around a regime switch", () => {
  it("shows the first traced path whose regime switches up with 60 steps before it, from 60 steps before to 60 after", () => {
    // path 0 never switches; path 1 switches up too early (step 61) and down at step 100; path 2 up at step 100, path 3 up at step 90
    const regime = (p: number, t: number) => (p === 1 ? (t >= 61 && t < 100 ? 1 : 0) : p === 2 ? (t >= 100 ? 1 : 0) : p === 3 ? (t >= 90 ? 2 : 0) : 0);
    const w = tracePlots(job, syntheticTrace(4, regime, flat), 4).leverage_around_switch;
    expect(w.path).toBe(2);
    expect(w.switch_step).toBe(100);
    expect(w.steps).toEqual(Array.from({ length: 121 }, (_, i) => 40 + i));
    expect(w.target[0]).toBe(2040);
    expect(w.sigma_hat_annual[120]).toBe(-2160);
    expect(w.regime.slice(59, 61)).toEqual([0, 1]); // steps 99 and 100
    expect(w.schemes[job.schemeNames[1]][0]).toBe(1.5);
  });

  it("needs 60 steps after the switch as well, and without any switch shows path 0's first 120 steps", () => {
    const late = (_p: number, t: number) => (t >= T - 59 ? 1 : 0); // every path switches up at step T − 59: too late
    const w = tracePlots(job, syntheticTrace(3, late, flat), 3).leverage_around_switch;
    expect(w.path).toBe(0);
    expect(w.switch_step).toBeNull();
    expect(w.steps).toEqual(Array.from({ length: 120 }, (_, i) => 1 + i));
    expect(w.target[119]).toBe(120);
    const justInTime = tracePlots(job, syntheticTrace(3, (p, t) => (p === 1 && t >= T - 60 ? 1 : 0), flat), 3).leverage_around_switch;
    expect([justInTime.path, justInTime.switch_step, justInTime.steps.at(-1)]).toEqual([1, T - 60, T]);
  });
});

describe("the equity fan", () => {
  it("draws, every 5 steps and at T, the order statistic nearest q·(n − 1) of E_t / E₀ across the traced paths", () => {
    const rank = [3, 0, 4, 1, 2]; // path p holds the rank[p]-th smallest equity at every step
    const fan = tracePlots(job, syntheticTrace(5, () => 0, (p, t, s) => e0 * (1 + rank[p] + 10 * s) * (t / T)), 5).equity_fan;
    expect(fan.traced_paths).toBe(5);
    expect(fan.steps.slice(0, 3)).toEqual([5, 10, 15]);
    expect(fan.steps.slice(-2)).toEqual([200, T]);
    expect(fan.quantiles).toEqual([0.05, 0.25, 0.5, 0.75, 0.95]);
    const scheme2 = fan.schemes[job.schemeNames[2]];
    // n = 5: q·4 + ½ rounds down to ranks 0, 1, 2, 3, 4
    expect(scheme2.map((q) => q.at(-1))).toEqual([21, 22, 23, 24, 25]);
    expect(scheme2[2][0]).toBe(Math.fround(e0 * 23 * (5 / T)) / e0);
  });
});

describe("chunks of traced paths", () => {
  const regime = (p: number, t: number) => (p % 3 === 2 && t >= 70 + p ? 1 : 0);
  const equity = (p: number, t: number, s: number) => e0 * Math.exp(Math.sin(7 * p + t / 13 + s));
  const paths = 11, trace = syntheticTrace(paths, regime, equity), whole = tracePlots(job, trace, paths);

  it("give the same plots however the paths are cut, fed in path order", () => {
    fc.assert(fc.property(fc.uniqueArray(fc.integer({ min: 1, max: paths - 1 }), { maxLength: paths - 1 }), (cuts) => {
      const bounds = [0, ...cuts.sort((a, b) => a - b), paths], plotter = new TracePlotter(job, paths);
      for (let i = 0; i + 1 < bounds.length; i++) {
        plotter.add(trace.slice(bounds[i] * T * width, bounds[i + 1] * T * width), bounds[i], bounds[i + 1] - bounds[i]);
      }
      expect(plotter.result()).toEqual(whole);
    }), { numRuns: 40 });
  });

  it("are refused out of order, short, or before the last one came", () => {
    const plotter = new TracePlotter(job, paths);
    expect(() => plotter.add(trace, 1, 2)).toThrow(/expected traced paths from 0 \(of 11\) in order/);
    expect(() => plotter.add(trace.subarray(0, T * width), 0, 2)).toThrow(RangeError);
    plotter.add(trace, 0, 4);
    expect(() => plotter.result()).toThrow(/4 of 11 traced paths were added; the plots need them all/);
    expect(() => new TracePlotter(job, 0)).toThrow(/must be a positive integer; got 0/);
  });
});

describe("runPacing's plots", () => {
  it("are those of the kept trace, built where the traced block ran, on any worker count; the trace is kept only when asked", async () => {
    const scenario = validateScenario({ ...rs1Scenario, paths: 400, horizonSteps: 300 });
    const options = { blockPaths: 192, tracePaths: 150 }; // 150 traced paths: chunks of 64, 64 and 22 paths
    const kept = await runPacing(scenario, { ...options, workers: 1, keepTrace: true });
    expect(kept.tracePaths).toBe(150);
    expect(kept.trace.length).toBe(150 * 300 * width);
    expect(kept.plots).toEqual(tracePlots(kept.job, kept.trace, 150));
    for (const workers of [1, 2]) {
      const run = await runPacing(scenario, { ...options, workers });
      expect(run.trace.length).toBe(0);
      expect(run.plots).toEqual(kept.plots);
    }
    const none = await runPacing(scenario, { ...options, workers: 1, tracePaths: 0 });
    expect([none.plots, none.tracePaths]).toEqual([null, 0]);
  });
});
