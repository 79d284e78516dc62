/**
 * Reads the traced trajectories of the first paths (layout.ts "Trace") into what the
 * plots need: one path's leverage around a switch into the stressed regime, and equity
 * quantiles over time (a fan chart) per scheme.
 */
import { TRACE_FIXED, J_E0, J_STEPS } from "../../assembly/pacing/layout.ts";
import type { PacingRun } from "./run-pacing.ts";

export interface LeverageWindow {
  path: number;
  /** the step t at which the regime switched up (into a more volatile regime) */
  switch_step: number | null;
  steps: number[];
  target: number[];
  regime: number[];
  sigma_hat_annual: number[];
  schemes: Record<string, number[]>;
}

export interface EquityFan {
  traced_paths: number;
  steps: number[];
  quantiles: number[];
  /** per scheme, per quantile, equity / E₀ at each step */
  schemes: Record<string, number[][]>;
}

/**
 * The first traced path with an upward regime switch after `halfWindow` steps, and the
 * `2·halfWindow` steps around it (or the first path's start if none switched).
 */
export function leverageAroundSwitch(run: PacingRun, halfWindow = 60): LeverageWindow | null {
  const T = stepsOf(run), w = widthOf(run), names = run.job.schemeNames;
  if (run.tracePaths === 0) return null;
  let path = 0, at: number | null = null;
  search: for (let p = 0; p < run.tracePaths; p++) {
    for (let t = halfWindow + 1; t < T - halfWindow; t++) {
      if (run.trace[(p * T + t) * w + 1] > run.trace[(p * T + t - 1) * w + 1]) { path = p; at = t + 1; break search; }
    }
  }
  const from = at === null ? 1 : at - halfWindow, to = Math.min(T, at === null ? 2 * halfWindow : at + halfWindow);
  const row = (t: number) => (path * T + t - 1) * w;
  const steps: number[] = [];
  for (let t = from; t <= to; t++) steps.push(t);
  const schemes: Record<string, number[]> = {};
  names.forEach((n, s) => (schemes[n] = steps.map((t) => run.trace[row(t) + TRACE_FIXED + 2 * s])));
  return {
    path, switch_step: at, steps,
    target: steps.map((t) => run.trace[row(t)]),
    regime: steps.map((t) => run.trace[row(t) + 1]),
    sigma_hat_annual: steps.map((t) => run.trace[row(t) + 2]),
    schemes,
  };
}

/** Equity quantiles of the traced paths every `every` steps (ruined paths stay at their ruin equity). */
export function equityFan(run: PacingRun, every = 5, quantiles = [0.05, 0.25, 0.5, 0.75, 0.95]): EquityFan | null {
  const T = stepsOf(run), w = widthOf(run), n = run.tracePaths, e0 = run.job.params[J_E0];
  if (n === 0) return null;
  const steps: number[] = [];
  for (let t = every; t <= T; t += every) steps.push(t);
  if (steps[steps.length - 1] !== T) steps.push(T);
  const schemes: Record<string, number[][]> = {};
  const column = new Float64Array(n);
  run.job.schemeNames.forEach((name, s) => {
    const q = quantiles.map(() => [] as number[]);
    for (const t of steps) {
      for (let p = 0; p < n; p++) column[p] = run.trace[(p * T + t - 1) * w + TRACE_FIXED + 2 * s + 1] / e0;
      column.sort();
      quantiles.forEach((qq, i) => q[i].push(column[Math.min(n - 1, Math.floor(qq * (n - 1) + 0.5))]));
    }
    schemes[name] = q;
  });
  return { traced_paths: n, steps, quantiles, schemes };
}

function stepsOf(run: PacingRun): number {
  return run.job.params[J_STEPS];
}

function widthOf(run: PacingRun): number {
  return TRACE_FIXED + 2 * run.job.nSchemes;
}
