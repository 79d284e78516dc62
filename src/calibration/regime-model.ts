/**
 * The market model the profile estimates, in per-step units: two volatility regimes with a
 * Markov switch, and at most one normal jump a step (reference-scenarios.md, RS-1 steps 1–3).
 *
 *   x_t | s_t = r  ~  (1 − π)·N(μ_r, s_r²) + π·N(μ_r + μ_J, s_r² + σ_J²),   μ_r = μ − s_r²/2
 *
 * with s_r the per-step sd of regime r (σ_r·√dt), π = λ_J·dt the jump probability per step.
 */
export interface RegimeParams {
  /** μ: mean log-return per step before the Itô term (log units per step) */
  mean: number;
  /** s_r: per-step sd of each regime (log units per √step), ascending */
  sd: [number, number];
  /** P[r][q] = P(s_t = q | s_{t−1} = r), per step */
  transition: [[number, number], [number, number]];
  /** π: jump probability per step (0 disables jumps) */
  jumpProb: number;
  /** μ_J, σ_J: jump log-return mean and sd */
  jumpMean: number;
  jumpSd: number;
}

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** log N(x; m, v) */
export function logNormalDensity(x: number, m: number, v: number): number {
  const d = x - m;
  return -LOG_SQRT_2PI - 0.5 * Math.log(v) - (0.5 * d * d) / v;
}

/**
 * Emission density f_r(x) of regime r (the mixture above), as a plain density.
 * A masked (missing) observation has density 1 in every regime.
 */
export function emissionDensity(p: RegimeParams, r: 0 | 1, x: number): number {
  const s2 = p.sd[r] * p.sd[r];
  const m = p.mean - 0.5 * s2;
  const diffusion = Math.exp(logNormalDensity(x, m, s2));
  if (p.jumpProb <= 0) return diffusion;
  const jump = Math.exp(logNormalDensity(x, m + p.jumpMean, s2 + p.jumpSd * p.jumpSd));
  return (1 - p.jumpProb) * diffusion + p.jumpProb * jump;
}

/** Stationary distribution of a 2-state chain: π₁ = p₀₁/(p₀₁ + p₁₀). */
export function stationary(transition: RegimeParams["transition"]): [number, number] {
  const p01 = transition[0][1], p10 = transition[1][0];
  const s = p01 + p10;
  if (!(s > 0)) return [1, 0];
  return [p10 / s, p01 / s];
}
