/**
 * Maximum-likelihood fit of one two-regime model (regime-model.ts; normal or Student-t
 * innovations, with or without jumps) to log-returns:
 *
 *  1. Baum–Welch EM for the Gaussian two-regime model (regime-em.ts);
 *  2. robust threshold jumps on returns standardised by the filtered volatility
 *     (jump-threshold.ts); the flagged steps are masked and the EM refitted, twice;
 *  3. the exact Hamilton-filter likelihood maximised by Nelder–Mead over the unconstrained θ
 *     of regime-codec.ts from several starts built from 1–2 (rare large jumps, frequent small
 *     ones; light and heavy tails), a short run from each, then the best polished to full
 *     tolerance — the reported fit is the best optimum found, the others are listed;
 *  4. standard errors from the observed information at θ̂ through its generalised inverse
 *     (observed-information.ts): identified parameters keep their interval g(θ̂_i ± 1.96·se_i)
 *     when others are not identified; an interval spanning more than a factor 10 either way in
 *     its scale (log or odds) is labelled `weak`, a non-identified one is null.
 *
 * Reference: Hamilton (1989); Kim (1994); Lee & Mykland (2008); Efron & Hinkley (1978).
 */
import { hamiltonFilter } from "./hamilton-filter.ts";
import { kimSmoother } from "./kim-smoother.ts";
import { regimeEm, type EmResult } from "./regime-em.ts";
import { jumpThreshold, type ThresholdJumps } from "./jump-threshold.ts";
import { nelderMead } from "./nelder-mead.ts";
import { bfgs } from "./quasi-newton.ts";
import { observedInformation, identifiedVariances } from "./observed-information.ts";
import { regimeCodec, type ModelSpec, type ParamName } from "./regime-codec.ts";
import type { RegimeParams } from "./regime-model.ts";
import { fail } from "../errors.ts";
import { Z95 } from "../metrics/intervals.ts";

export interface Interval { lo: number; hi: number }
/** A 95% interval and whether it says something: `weak` spans more than ×10 either way. */
export interface LabelledInterval extends Interval { status: "estimated" | "weak" }

export interface RegimeFit {
  spec: ModelSpec;
  params: RegimeParams;
  logLikelihood: number;
  /** number of free parameters (for BIC) */
  parameters: number;
  observations: number;
  /** the likelihood maximisation converged (simplex spread below tolerance) */
  converged: boolean;
  evaluations: number;
  /** log-likelihood reached from each start (before polishing), best first */
  starts: number[];
  em: { iterations: number; converged: boolean; logLikelihood: number };
  threshold: ThresholdJumps;
  /** 95% intervals; null = not identified (or not in this model) */
  intervals: Record<ParamName, LabelledInterval | null>;
  /** what was used when a step failed and `allowFallback` was set */
  fallback: string | null;
  smoothed1: Float64Array;
  predicted1: Float64Array;
}

export interface RegimePrelude { em: EmResult; threshold: ThresholdJumps; sbar: number; fallback: string | null }

export interface RegimeFitOptions {
  /** which model (default normal+jumps) */
  model?: ModelSpec;
  /** jump threshold k in filtered sd (default 4) */
  jumpK?: number;
  /** on non-convergence use the start (EM/threshold) estimates instead of throwing (default false) */
  allowFallback?: boolean;
  label?: string;
  /** EM + threshold already computed on the same x */
  prelude?: RegimePrelude;
  /** starting points instead of the default set (e.g. a fit on a longer window) */
  starts?: RegimeParams[];
  /** skip the observed information (intervals all null) */
  intervals?: boolean;
  /** one short run from the first start, looser tolerance (a refit near a known optimum) */
  quick?: boolean;
  /** evaluations of the polishing run (default 10,000) */
  budget?: number;
}

const NO_INTERVALS: RegimeFit["intervals"] = { mean: null, sd0: null, sd1: null, p01: null, p10: null, jumpProb: null, jumpMean: null, jumpSd: null, nu: null };

/**
 * Step 4: labelled 95% intervals of a fit at `params` (its maximum), from the observed information
 * in the codec's θ; `sbar` the sd the codec was built with.
 */
export function regimeIntervals(x: Float64Array, spec: ModelSpec, params: RegimeParams, sbar: number): RegimeFit["intervals"] {
  const codec = regimeCodec(spec, sbar);
  const th = codec.encode(params);
  const ll = (t: number[]) => (codec.outside(t) ? -Infinity : hamiltonFilter(x, codec.decode(t)).logLikelihood);
  const variances = identifiedVariances(observedInformation(ll, th));
  const intervals = { ...NO_INTERVALS };
  codec.names.forEach((name, i) => {
    const v = variances[i];
    if (v === null) return;
    const se = Math.sqrt(v), g = codec.transform[i];
    const a = g(th[i] - Z95 * se), b = g(th[i] + Z95 * se);
    const weak = codec.scale[i] !== "linear" && Z95 * se > Math.log(10);
    intervals[name] = { lo: Math.min(a, b), hi: Math.max(a, b), status: weak ? "weak" : "estimated" };
  });
  return intervals;
}

/** Steps 1–2: the Gaussian EM fit with threshold jumps masked. */
export function regimePrelude(x: Float64Array, stepsPerYear: number, options: RegimeFitOptions = {}): RegimePrelude {
  const label = options.label ?? "regimeFit";
  const n = x.length, years = n / stepsPerYear, k = options.jumpK ?? 4;
  let mean = 0;
  for (let t = 0; t < n; t++) mean += x[t] / n;
  let v = 0;
  for (let t = 0; t < n; t++) v += (x[t] - mean) ** 2 / (n - 1);
  const sbar = Math.sqrt(v);
  const start: RegimeParams = { mean, sd: [0.7 * sbar, 1.6 * sbar], transition: [[0.98, 0.02], [0.05, 0.95]], jumpProb: 0, jumpMean: 0, jumpSd: 0 };
  let em = regimeEm(x, start);
  let threshold = jumpThreshold(x, em.params, em.predicted1, years, k);
  for (let round = 0; round < 2; round++) {
    em = regimeEm(x, em.params, threshold.mask);
    threshold = jumpThreshold(x, em.params, em.predicted1, years, k);
  }
  let fallback: string | null = null;
  if (!em.converged) {
    if (!options.allowFallback) fail(Error, label, `the regime EM did not converge in ${em.iterations} iterations`, "pass --allow-fallback to use the last EM iterate, or use a longer or calmer window");
    fallback = `${label}: the regime EM did not converge in ${em.iterations} iterations; used the last EM iterate`;
  }
  return { em, threshold, sbar, fallback };
}

/** The default starts of a model: the EM/threshold point and its tail variants. */
function defaultStarts(pre: RegimePrelude, n: number, spec: ModelSpec): RegimeParams[] {
  const thr = pre.threshold, floor = pre.sbar;
  const base: RegimeParams = {
    ...pre.em.params, jumpProb: Math.min(0.2, Math.max(3, thr.steps.length) / n), jumpMean: thr.meanLog ?? 0,
    jumpSd: Math.max(thr.sdLog ?? 0, 1.5 * floor), nu: 6,
  };
  if (!spec.jumps) return spec.student ? [base, { ...base, nu: 15 }] : [base];
  const rare = { ...base, jumpProb: base.jumpProb / 3, jumpSd: 2 * base.jumpSd, nu: 15 };
  const frequent = { ...base, jumpProb: Math.min(0.2, 3 * base.jumpProb), jumpSd: 1.2 * floor, nu: 8 };
  return spec.student ? [base, rare] : [base, rare, frequent];
}

/**
 * @param x log-returns per step
 * @param stepsPerYear to express the threshold intensity per year
 * @throws Error when a fit does not converge and `allowFallback` is not set
 */
export function regimeFit(x: Float64Array, stepsPerYear: number, options: RegimeFitOptions = {}): RegimeFit {
  const label = options.label ?? "regimeFit";
  const spec = options.model ?? { jumps: true, student: false };
  const n = x.length;
  const pre = options.prelude ?? regimePrelude(x, stepsPerYear, options);
  const codec = regimeCodec(spec, pre.sbar);
  const ll = (th: number[]) => (codec.outside(th) ? -Infinity : hamiltonFilter(x, codec.decode(th)).logLikelihood);
  const negll = (th: number[]) => -ll(th);
  let evaluations = 0;
  const starts = options.starts ?? defaultStarts(pre, n, spec);
  // a short run from each start, then the best one to convergence
  const several = !options.quick && starts.length > 1;
  const tried = (options.quick ? starts.slice(0, 1) : starts).map((p) => {
    const r = bfgs(negll, codec.encode(p), 1e-2, several ? 300 : options.quick ? 800 : options.budget ?? 3000);
    evaluations += r.evaluations;
    return r;
  }).sort((a, b) => a.value - b.value);
  let opt = tried[0];
  if (several && !opt.converged) { opt = bfgs(negll, opt.x, 1e-2, options.budget ?? 3000); evaluations += opt.evaluations; }
  // a simplex from the best point checks it is not a ridge the quasi-Newton steps stalled on
  if (!options.quick) {
    const nm = nelderMead(negll, opt.x, 0.02, 1e-10, 200, 0);
    evaluations += nm.evaluations;
    if (nm.value < opt.value - 1e-6) {
      opt = bfgs(negll, nm.x, 1e-2, options.budget ?? 3000);
      evaluations += opt.evaluations;
    }
  }
  let th = opt.x;
  let fallback = pre.fallback;
  if (!opt.converged) {
    if (!options.allowFallback) fail(Error, label, `the ${spec.student ? "Student-t " : ""}likelihood maximisation did not converge in ${opt.evaluations} evaluations`, "pass --allow-fallback to use the EM and threshold estimates, or use a longer window");
    fallback = `${label}: likelihood maximisation did not converge; used the best start`;
    th = tried[0].x;
  }
  // order the regimes: 0 = calm
  if (th[2] < th[1]) th = [th[0], th[2], th[1], th[4], th[3], ...th.slice(5)];
  const params = codec.decode(th);
  const intervals = options.intervals === false ? NO_INTERVALS : regimeIntervals(x, spec, params, pre.sbar);
  const f = hamiltonFilter(x, params);
  const sm = kimSmoother(f, params);
  return {
    spec, params, logLikelihood: f.logLikelihood, parameters: th.length, observations: n, converged: opt.converged, evaluations,
    starts: tried.map((r) => -r.value),
    em: { iterations: pre.em.iterations, converged: pre.em.converged, logLikelihood: pre.em.logLikelihood },
    threshold: pre.threshold, intervals, fallback, smoothed1: sm.smoothed1, predicted1: f.predicted1,
  };
}
