/**
 * Maximum-likelihood fit of the two-regime jump model (regime-model.ts) to log-returns:
 *
 *  1. Baum–Welch EM for the Gaussian two-regime model (regime-em.ts);
 *  2. robust threshold jumps on returns standardised by the filtered volatility
 *     (jump-threshold.ts); the flagged steps are masked and the EM refitted, twice;
 *  3. the exact Hamilton-filter likelihood with jump-mixture emissions maximised by
 *     Nelder–Mead over unconstrained parameters θ, started from 1–2;
 *  4. standard errors from the observed information at θ̂, mapped to each natural
 *     parameter through its (monotone) transform: intervals g(θ̂_i ± 1.96·se_i).
 *
 * θ = [μ/s̄, ln s₀, ln s₁, logit p₀₁, logit p₁₀, (logit π, μ_J/s̄, ln σ_J)], s̄ = sample sd.
 * Reference: Hamilton (1989); Kim (1994); Lee & Mykland (2008); Efron & Hinkley (1978).
 */
import { hamiltonFilter } from "./hamilton-filter.ts";
import { kimSmoother } from "./kim-smoother.ts";
import { regimeEm } from "./regime-em.ts";
import { jumpThreshold, type ThresholdJumps } from "./jump-threshold.ts";
import { nelderMead } from "./nelder-mead.ts";
import { observedInformation, invertSpd } from "./observed-information.ts";
import type { RegimeParams } from "./regime-model.ts";
import { fail } from "../errors.ts";
import { Z95 } from "../metrics/intervals.ts";

export interface Interval { lo: number; hi: number }

export interface RegimeFit {
  params: RegimeParams;
  logLikelihood: number;
  observations: number;
  /** the likelihood maximisation converged (simplex spread below tolerance) */
  converged: boolean;
  evaluations: number;
  em: { iterations: number; converged: boolean; logLikelihood: number };
  threshold: ThresholdJumps;
  /** 95% intervals (null when the information matrix is singular: not identified) */
  intervals: { sd0: Interval | null; sd1: Interval | null; p01: Interval | null; p10: Interval | null; jumpProb: Interval | null; jumpMean: Interval | null; jumpSd: Interval | null; mean: Interval | null };
  /** what was used when a step failed and `allowFallback` was set */
  fallback: string | null;
  smoothed1: Float64Array;
  predicted1: Float64Array;
}

export interface RegimeFitOptions {
  /** jump threshold k in filtered sd (default 4) */
  jumpK?: number;
  /** fit the jump component (default true; off when fewer than 3 jumps are flagged) */
  jumps?: boolean;
  /** on non-convergence use the EM/threshold estimates instead of throwing (default false) */
  allowFallback?: boolean;
  label?: string;
}

const logit = (p: number) => Math.log(p / (1 - p));
const expit = (v: number) => 1 / (1 + Math.exp(-v));

/**
 * @param x log-returns per step
 * @param stepsPerYear to express the threshold intensity per year
 * @throws Error when a fit does not converge and `allowFallback` is not set
 */
export function regimeFit(x: Float64Array, stepsPerYear: number, options: RegimeFitOptions = {}): RegimeFit {
  const label = options.label ?? "regimeFit";
  const n = x.length, years = n / stepsPerYear;
  let mean = 0;
  for (let t = 0; t < n; t++) mean += x[t] / n;
  let v = 0;
  for (let t = 0; t < n; t++) v += (x[t] - mean) ** 2 / (n - 1);
  const sbar = Math.sqrt(v);
  // start: calm at the lower, stressed at the upper part of |x|
  let start: RegimeParams = { mean, sd: [0.7 * sbar, 1.6 * sbar], transition: [[0.98, 0.02], [0.05, 0.95]], jumpProb: 0, jumpMean: 0, jumpSd: 0 };
  let em = regimeEm(x, start);
  let thr = jumpThreshold(x, em.params, em.predicted1, years, options.jumpK ?? 4);
  for (let round = 0; round < 2; round++) {
    em = regimeEm(x, em.params, thr.mask);
    thr = jumpThreshold(x, em.params, em.predicted1, years, options.jumpK ?? 4);
  }
  let fallback: string | null = null;
  if (!em.converged) {
    const why = `${label}: the regime EM did not converge in ${em.iterations} iterations`;
    if (!options.allowFallback) fail(Error, label, `the regime EM did not converge in ${em.iterations} iterations`, "pass --allow-fallback to use the last EM iterate, or use a longer or calmer window");
    fallback = `${why}; used the last EM iterate`;
  }
  const withJumps = (options.jumps ?? true) && thr.steps.length >= 3;
  const th0 = [
    em.params.mean / sbar, Math.log(em.params.sd[0]), Math.log(em.params.sd[1]),
    logit(clampP(em.params.transition[0][1])), logit(clampP(em.params.transition[1][0])),
  ];
  if (withJumps) th0.push(logit(clampP(thr.steps.length / n)), (thr.meanLog ?? 0) / sbar, Math.log(Math.max(thr.sdLog ?? sbar, 0.5 * sbar)));
  const decode = (th: number[]): RegimeParams => {
    const p01 = expit(th[3]), p10 = expit(th[4]);
    return {
      mean: th[0] * sbar, sd: [Math.exp(th[1]), Math.exp(th[2])], transition: [[1 - p01, p01], [p10, 1 - p10]],
      jumpProb: withJumps ? expit(th[5]) : 0, jumpMean: withJumps ? th[6] * sbar : 0, jumpSd: withJumps ? Math.exp(th[7]) : 0,
    };
  };
  const ll = (th: number[]) => {
    if (th.some((v) => !Number.isFinite(v) || Math.abs(v) > 30)) return -Infinity;
    if (withJumps && th[5] > logit(0.5)) return -Infinity; // a "jump" in most steps is a regime, not a jump
    return hamiltonFilter(x, decode(th)).logLikelihood;
  };
  const opt = nelderMead((th) => -ll(th), th0, 0.2, 1e-9, 40_000, 3);
  let th = opt.x;
  if (!opt.converged) {
    if (!options.allowFallback) fail(Error, label, `the likelihood maximisation did not converge in ${opt.evaluations} evaluations`, "pass --allow-fallback to use the EM and threshold estimates, or use a longer window");
    fallback = `${label}: likelihood maximisation did not converge; used EM + threshold estimates`;
    th = th0;
  }
  // order the regimes: 0 = calm
  if (th[2] < th[1]) th = [th[0], th[2], th[1], th[4], th[3], ...th.slice(5)];
  const params = decode(th);
  const info = observedInformation(ll, th);
  const cov = invertSpd(info);
  const iv = (i: number, g: (v: number) => number): Interval | null => {
    if (!cov || i >= th.length || !(cov[i][i] > 0)) return null;
    const se = Math.sqrt(cov[i][i]);
    const a = g(th[i] - Z95 * se), b = g(th[i] + Z95 * se);
    return { lo: Math.min(a, b), hi: Math.max(a, b) };
  };
  const f = hamiltonFilter(x, params);
  const sm = kimSmoother(f, params);
  return {
    params, logLikelihood: f.logLikelihood, observations: n, converged: opt.converged, evaluations: opt.evaluations,
    em: { iterations: em.iterations, converged: em.converged, logLikelihood: em.logLikelihood },
    threshold: thr,
    intervals: {
      mean: iv(0, (v) => v * sbar), sd0: iv(1, Math.exp), sd1: iv(2, Math.exp), p01: iv(3, expit), p10: iv(4, expit),
      jumpProb: withJumps ? iv(5, expit) : null, jumpMean: withJumps ? iv(6, (v) => v * sbar) : null, jumpSd: withJumps ? iv(7, Math.exp) : null,
    },
    fallback, smoothed1: sm.smoothed1, predicted1: f.predicted1,
  };
}

function clampP(p: number): number {
  return Math.min(1 - 1e-6, Math.max(1e-6, p));
}
