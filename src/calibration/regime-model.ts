/**
 * The market model the profile estimates, in per-step units: two volatility regimes with a
 * Markov switch, innovations normal or Student-t (one ν shared by both regimes), and at most
 * one normal jump a step (reference-scenarios.md, RS-1 steps 1–3):
 *
 *   x_t | s_t = r  ~  (1 − π)·D_ν(μ_r, s_r²) + π·N(μ_r + μ_J, s_r² + σ_J²),   μ_r = μ − s_r²/2
 *
 * with s_r the per-step sd of regime r (σ_r·√dt), π = λ_J·dt the jump probability per step and
 * D_ν the normal (ν = ∞) or the Student-t with ν > 2 degrees of freedom *scaled to variance s_r²*
 * (so σ_r keeps its meaning whatever the tails). The jump component stays normal: the
 * convolution of a t diffusion with a normal jump has no closed form, and the jump's variance
 * dominates it.
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
  /** ν: Student-t degrees of freedom of the innovations (> 2); absent or ∞ = normal */
  nu?: number;
}

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** log N(x; m, v) */
export function logNormalDensity(x: number, m: number, v: number): number {
  const d = x - m;
  return -LOG_SQRT_2PI - 0.5 * Math.log(v) - (0.5 * d * d) / v;
}

/**
 * ln Γ(z) for z > 0: shifted up to z ≥ 10 by Γ(z) = Γ(z + k)/(z(z+1)…(z+k−1)), then Stirling's
 * series ln Γ(z) = (z − ½)ln z − z + ½ln 2π + 1/(12z) − 1/(360z³) + 1/(1260z⁵) − 1/(1680z⁷)
 * (Abramowitz & Stegun 6.1.41; truncation error < 1e-15 at z ≥ 10).
 */
export function logGamma(z: number): number {
  let shift = 0;
  while (z < 10) { shift += Math.log(z); z += 1; }
  const r = 1 / z, r2 = r * r;
  return (z - 0.5) * Math.log(z) - z + LOG_SQRT_2PI + r * (1 / 12 - r2 * (1 / 360 - r2 * (1 / 1260 - r2 / 1680))) - shift;
}

/** True when ν stands for Student-t innovations (finite); otherwise the innovations are normal. */
export const isStudent = (nu: number | undefined): nu is number => nu !== undefined && Number.isFinite(nu);

/**
 * log of the standardised Student-t density with variance v:
 *   ln f = ln Γ((ν+1)/2) − ln Γ(ν/2) − ½ ln(π(ν−2)v) − (ν+1)/2 · ln(1 + d²/((ν−2)v)).
 */
export function logStudentDensity(x: number, m: number, v: number, nu: number): number {
  const d = x - m;
  return logGamma((nu + 1) / 2) - logGamma(nu / 2) - 0.5 * Math.log(Math.PI * (nu - 2) * v) - ((nu + 1) / 2) * Math.log1p((d * d) / ((nu - 2) * v));
}

/**
 * Emission density f_r(x) of regime r (the mixture above), as a plain density.
 * A masked (missing) observation has density 1 in every regime.
 */
export function emissionDensity(p: RegimeParams, r: 0 | 1, x: number): number {
  const s2 = p.sd[r] * p.sd[r];
  const m = p.mean - 0.5 * s2;
  const diffusion = Math.exp(isStudent(p.nu) ? logStudentDensity(x, m, s2, p.nu) : logNormalDensity(x, m, s2));
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
