/**
 * Turns a validated scenario into the kernel's job layout (assembly/pacing/layout.ts):
 * one Float64Array of parameters, one of schemes, and the target series (if any).
 * Derived constants are computed here once: dt = 1/stepsPerYear, φ = exp(−1/τ),
 * jump probability λ_J·dt and compensator λ_J·k̄ with k̄ = exp(μ_J + σ_J²/2) − 1 (RS-1 step 3).
 */
import * as L from "../../assembly/pacing/layout.ts";
import type { Scenario } from "./scenario-schema.ts";
import type { SuppliedMarket } from "../market/supplied-market.ts";
import type { BlockHorizon } from "../engine/block-summary.ts";
import { choleskyReference } from "../covariance/cholesky.reference.ts";
import { encodeSchemes, objectiveCoefficients } from "./encode-schemes.ts";

export interface PacingJob {
  params: Float64Array;
  schemes: Float64Array;
  nSchemes: number;
  schemeNames: string[];
  /** L*_0 … L*_T for a series target, else empty. */
  series: Float64Array;
  /** market paths supplied to the kernel (scenario `returns`), else null */
  supplied: SuppliedMarket | null;
}

/** @param stream random stream id (0 for the main run; other ids give independent runs) */
export function encodeJob(s: Scenario, stream = 0): PacingJob {
  const p = new Float64Array(L.JOB_LENGTH);
  const m = s.market;
  const dt = 1 / m.stepsPerYear;
  p[L.J_STEPS] = s.horizonSteps;
  p[L.J_DT] = dt;
  p[L.J_REGIMES] = m.regimes.length;
  p[L.J_INIT_REGIME] = m.initialRegime;
  m.regimes.forEach((r, i) => (p[L.J_SIGMA + i] = r.sigma));
  const transition = m.transition ?? [[1]];
  transition.forEach((row, r) => row.forEach((q, c) => (p[L.J_TRANSITION + r * L.MAX_REGIMES + c] = q)));
  if (m.jumps.enabled) {
    const j = m.jumps;
    p[L.J_JUMP_PROB] = j.intensityPerYear * dt;
    p[L.J_JUMP_MEAN] = j.meanLog;
    p[L.J_JUMP_SD] = j.sdLog;
    p[L.J_JUMP_COMP] = j.intensityPerYear * Math.expm1(j.meanLog + 0.5 * j.sdLog * j.sdLog);
  }
  p[L.J_ALPHA_MEAN] = m.alpha.mean;
  p[L.J_ALPHA_SD] = m.alpha.sd;
  p[L.J_ALPHA_PHI] = Math.exp(-1 / m.alpha.timeConstantSteps);
  p[L.J_EWMA_DECAY] = m.ewmaDecay;
  p[L.J_INIT_VAR] = m.regimes[m.initialRegime].sigma ** 2;
  const t = s.target;
  if (t.kind === "signal") {
    p[L.J_TARGET_KIND] = L.TARGET_SIGNAL;
    p[L.J_SIGNAL_NOISE] = t.noiseSd;
    p[L.J_GAMMA] = t.riskAversion;
    p[L.J_LMAX] = t.maxLeverage;
  } else if (t.kind === "constant") {
    p[L.J_TARGET_KIND] = L.TARGET_CONSTANT;
    p[L.J_TARGET_CONST] = t.leverage;
  } else if (t.kind === "vol-target") {
    p[L.J_TARGET_KIND] = L.TARGET_VOL;
    p[L.J_TARGET_SIGMA] = t.sigmaTarget;
    p[L.J_TARGET_CAP] = t.cap;
  } else if (t.kind === "trend") {
    p[L.J_TARGET_KIND] = L.TARGET_TREND;
    p[L.J_TREND_KAPPA] = -Math.expm1(-1 / t.timeConstantSteps); // κ = 1 − e^{−1/τ}
    p[L.J_GAMMA] = t.riskAversion;
    p[L.J_LMAX] = t.maxLeverage;
  } else {
    p[L.J_TARGET_KIND] = L.TARGET_SERIES;
  }
  const c = s.costs;
  p[L.J_THINNING] = c.thinning;
  p[L.J_RESILIENCE] = 0;
  if (c.kind === "transient") {
    p[L.J_COST_KIND] = L.COST_TRANSIENT;
    p[L.J_DEPTH] = c.depth * s.initialEquity;
    p[L.J_RESILIENCE] = c.resilience;
    p[L.J_SPREAD] = c.spread;
  } else if (c.kind === "square-root") {
    p[L.J_COST_KIND] = L.COST_SQRT;
    p[L.J_SQRT_Y] = c.impact;
    p[L.J_SQRT_VOLUME] = c.volume * s.initialEquity;
    p[L.J_SPREAD] = c.spread;
  } else {
    p[L.J_COST_KIND] = L.COST_NONE;
  }
  p[L.J_FUNDING_RATE] = c.funding?.ratePerYear ?? 0;
  p[L.J_LIQ_ESTIMATE] = s.schemes.some((x) => x.kind === "liquidity" && x.observes === "estimate") ? 1 : 0;
  p[L.J_PATH_RISK] = 1;
  const objective = objectiveCoefficients(s);
  objective.halfRisk.forEach((h, r) => (p[L.J_OBJ_HALF_RISK + r] = h));
  objective.halfCost.forEach((h, r) => (p[L.J_OBJ_HALF_COST + r] = h));
  p[L.J_RUIN_EQUITY] = s.ruinBarrier * s.initialEquity;
  p[L.J_E0] = s.initialEquity;
  p[L.J_SEED] = s.seed;
  p[L.J_STREAM] = stream;
  p[L.J_MARKET_SOURCE] = s.returns ? L.MARKET_SUPPLIED : L.MARKET_GENERATED;

  const schemes = encodeSchemes(s);
  return {
    params: p, schemes, nSchemes: s.schemes.length, schemeNames: s.schemes.map((x) => x.name),
    series: t.kind === "series" ? Float64Array.from(t.values) : new Float64Array(0),
    supplied: s.returns ? {
      spec: s.returns,
      shape: { seed: s.seed, steps: s.horizonSteps, dt, regimeSigma: m.regimes.map((r) => r.sigma), transition, initialRegime: m.initialRegime },
      factor: s.returns.kind === "correlated-legs"
        ? choleskyReference(s.returns.correlation.flat(), s.returns.legs.length).factor : new Float64Array(0),
    } : null,
  };
}

/** Index of the scheme paired differences are taken against: the named baseline, else the first. */
export function baselineIndex(scenario: Scenario, job: PacingJob): number {
  return Math.max(0, scenario.baseline ? job.schemeNames.indexOf(scenario.baseline) : 0);
}

/** The horizon T·dt in years: RS-1's annualising divisor. */
export function horizonYears(job: PacingJob): number {
  return job.params[L.J_STEPS] * job.params[L.J_DT];
}

/**
 * What block summaries need of the horizon: T, the steps t_y = round(y/dt) < T that end each
 * whole year y = 1, 2, … followed by T itself (ruin by year), and whether the kernel tracks path risk.
 */
export function blockHorizon(job: PacingJob): BlockHorizon {
  const steps = job.params[L.J_STEPS], dt = job.params[L.J_DT];
  const yearSteps: number[] = [];
  for (let y = 1; Math.round(y / dt) < steps; y++) yearSteps.push(Math.round(y / dt));
  yearSteps.push(steps);
  return { steps, yearSteps, pathRisk: job.params[L.J_PATH_RISK] !== 0 };
}
