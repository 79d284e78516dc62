/**
 * Reads the traced trajectories of the first paths (layout.ts "Trace") into what the
 * plots need: one path's leverage around a switch into the stressed regime, and equity
 * quantiles over time (a fan chart) per scheme. The trace may come in chunks of paths, in
 * path order, as the kernel simulates them (TracePlotter), so that it never has to be held
 * whole; the plots are the same whatever the chunks.
 */
import { TRACE_FIXED, J_E0, J_STEPS } from "../../assembly/pacing/layout.ts";
import type { PacingJob } from "../scenario/encode-job.ts";

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

/** The plots of a run's traced paths (results.json `plots`). */
export interface TracePlots {
  leverage_around_switch: LeverageWindow;
  equity_fan: EquityFan;
}

/**
 * Builds the plots of `paths` traced paths from their trace, fed in chunks of whole paths in
 * path order (add), without keeping the trace:
 * - leverage_around_switch: the first traced path whose regime switches up (regime(t) >
 *   regime(t−1)) at a step t in [halfWindow + 2, T − halfWindow], and the steps
 *   [t − halfWindow, t + halfWindow] around it; when no path switches, path 0's first
 *   2·halfWindow steps (at most T);
 * - equity_fan: per scheme, the `quantiles` of E_t / E₀ across the traced paths every `every`
 *   steps and at T (a ruined path stays at its ruin equity), each the order statistic
 *   nearest to q·(n − 1).
 */
export class TracePlotter {
  private readonly steps: number;
  private readonly width: number;
  private readonly fanSteps: number[] = [];
  /** E_t of every traced path at the fan's steps: [scheme][fan step][path], the trace's f32 values */
  private readonly equity: Float32Array;
  /** path 0's start until a path with an upward switch is found (switch_step set), then that path's */
  private window: LeverageWindow | null = null;
  private seen = 0;

  /** @throws RangeError unless `paths` is a positive integer */
  constructor(private readonly job: PacingJob, private readonly paths: number, every = 5,
    private readonly quantiles = [0.05, 0.25, 0.5, 0.75, 0.95], private readonly halfWindow = 60) {
    if (!Number.isInteger(paths) || paths < 1) throw new RangeError(`TracePlotter: the traced paths must be a positive integer; got ${paths}`);
    this.steps = job.params[J_STEPS];
    this.width = TRACE_FIXED + 2 * job.nSchemes;
    for (let t = every; t <= this.steps; t += every) this.fanSteps.push(t);
    if (this.fanSteps[this.fanSteps.length - 1] !== this.steps) this.fanSteps.push(this.steps);
    this.equity = new Float32Array(job.nSchemes * this.fanSteps.length * paths);
  }

  /**
   * Reads traced paths [first, first + count) from `trace` (count × T × width values, layout.ts);
   * `trace` is not kept.
   * @throws RangeError when the chunk is not the next one in path order or is too short
   */
  add(trace: Float32Array, first: number, count: number): void {
    const T = this.steps, w = this.width, nS = this.job.nSchemes, K = this.fanSteps.length, n = this.paths;
    if (first !== this.seen || first + count > n || trace.length < count * T * w) {
      throw new RangeError(`TracePlotter: expected traced paths from ${this.seen} (of ${n}) in order, each ${T * w} values; got ${count} from ${first} in ${trace.length} values`);
    }
    for (let p = 0; p < count; p++) {
      const path = (p * T - 1) * w; // + t·w: step t's row
      for (let k = 0; k < K; k++) {
        const row = path + this.fanSteps[k] * w + TRACE_FIXED + 1;
        for (let s = 0; s < nS; s++) this.equity[(s * K + k) * n + first + p] = trace[row + 2 * s];
      }
      if (this.window?.switch_step == null) this.findSwitch(trace, p, first + p);
    }
    this.seen += count;
  }

  /**
   * The plots of the paths added so far.
   * @throws RangeError when not every traced path was added
   */
  result(): TracePlots {
    if (this.seen !== this.paths || this.window === null) {
      throw new RangeError(`TracePlotter: ${this.seen} of ${this.paths} traced paths were added; the plots need them all`);
    }
    const n = this.paths, K = this.fanSteps.length, e0 = this.job.params[J_E0];
    const schemes: Record<string, number[][]> = {};
    const column = new Float64Array(n);
    this.job.schemeNames.forEach((name, s) => {
      const q = this.quantiles.map(() => [] as number[]);
      for (let k = 0; k < K; k++) {
        const at = (s * K + k) * n;
        for (let p = 0; p < n; p++) column[p] = this.equity[at + p] / e0;
        column.sort();
        this.quantiles.forEach((qq, i) => q[i].push(column[Math.min(n - 1, Math.floor(qq * (n - 1) + 0.5))]));
      }
      schemes[name] = q;
    });
    return {
      leverage_around_switch: this.window,
      equity_fan: { traced_paths: n, steps: [...this.fanSteps], quantiles: this.quantiles, schemes },
    };
  }

  /** Takes path `path` (row p of the chunk) as the window's path if its regime switches up in range; path 0 is the fallback. */
  private findSwitch(trace: Float32Array, p: number, path: number): void {
    const T = this.steps, w = this.width, hw = this.halfWindow;
    const regime = (t: number) => trace[((p * T) + t - 1) * w + 1]; // step t = 1…T
    for (let t = hw + 2; t <= T - hw; t++) {
      if (regime(t) > regime(t - 1)) {
        this.window = this.windowOf(trace, p, path, t);
        return;
      }
    }
    if (path === 0) this.window = this.windowOf(trace, p, path, null);
  }

  private windowOf(trace: Float32Array, p: number, path: number, at: number | null): LeverageWindow {
    const T = this.steps, w = this.width, hw = this.halfWindow;
    const from = at === null ? 1 : at - hw, to = Math.min(T, at === null ? 2 * hw : at + hw);
    const row = (t: number) => (p * T + t - 1) * w;
    const steps: number[] = [];
    for (let t = from; t <= to; t++) steps.push(t);
    const schemes: Record<string, number[]> = {};
    this.job.schemeNames.forEach((name, s) => (schemes[name] = steps.map((t) => trace[row(t) + TRACE_FIXED + 2 * s])));
    return {
      path, switch_step: at, steps,
      target: steps.map((t) => trace[row(t)]),
      regime: steps.map((t) => trace[row(t) + 1]),
      sigma_hat_annual: steps.map((t) => trace[row(t) + 2]),
      schemes,
    };
  }
}

/**
 * The plots of a whole trace of `paths` paths (a kept trace, a merged shard's): TracePlotter
 * fed in one chunk.
 * @throws RangeError when `trace` is shorter than `paths` paths
 */
export function tracePlots(job: PacingJob, trace: Float32Array, paths: number): TracePlots {
  const plotter = new TracePlotter(job, paths);
  plotter.add(trace, 0, paths);
  return plotter.result();
}
