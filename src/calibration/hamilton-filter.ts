/**
 * Hamilton (1989) filter for the two-regime model of regime-model.ts: the log-likelihood and
 * the predicted and filtered regime probabilities.
 *
 *   predicted  ξ_{t|t−1} = Pᵀ·ξ_{t−1|t−1}
 *   filtered   ξ_{t|t}   ∝ ξ_{t|t−1} ⊙ f(x_t),   ℓ = Σ_t ln Σ_r ξ_{t|t−1}(r)·f_r(x_t)
 *
 * Each term ln Σ_r ξ_{t|t−1}(r)·f_r(x_t) is the one-step predictive log density of x_t, so the
 * sum from `scoreFrom` on is the one-step predictive log score of those steps (Gneiting &
 * Raftery 2007) with the parameters held fixed.
 *
 * Reference: Hamilton, J. D. (1989), Econometrica 57(2), 357–384; Hamilton (1994) §22.4.
 * Units: x in log-returns per step. Started from the chain's stationary distribution.
 */
import { isStudent, logGamma, stationary, type RegimeParams } from "./regime-model.ts";

export interface FilterResult {
  logLikelihood: number;
  /** Σ of the one-step predictive log densities over t ≥ scoreFrom (0 when not asked) */
  logScore: number;
  /** P(s_t = 1 | x_1..x_{t−1}), per observation */
  predicted1: Float64Array;
  /** P(s_t = 1 | x_1..x_t), per observation */
  filtered1: Float64Array;
}

/** The emission density of regime r as a closure with its constants hoisted (hot loop). */
export function emissionKernel(p: RegimeParams, r: number): (y: number) => number {
  const v = p.sd[r] * p.sd[r], vj = v + p.jumpSd * p.jumpSd, m = p.mean - 0.5 * v, mj = m + p.jumpMean;
  const aj = p.jumpProb > 0 ? p.jumpProb / Math.sqrt(2 * Math.PI * vj) : 0, hj = -0.5 / vj;
  if (isStudent(p.nu)) {
    const nu = p.nu, e = -(nu + 1) / 2, inv = 1 / ((nu - 2) * v);
    const a = (1 - p.jumpProb) * Math.exp(logGamma((nu + 1) / 2) - logGamma(nu / 2) - 0.5 * Math.log(Math.PI * (nu - 2) * v));
    return (y) => { const d = y - m, dj = y - mj; return a * Math.exp(e * Math.log1p(d * d * inv)) + (aj > 0 ? aj * Math.exp(hj * dj * dj) : 0); };
  }
  const a = (1 - p.jumpProb) / Math.sqrt(2 * Math.PI * v), h = -0.5 / v;
  return (y) => { const d = y - m, dj = y - mj; return a * Math.exp(h * d * d) + (aj > 0 ? aj * Math.exp(hj * dj * dj) : 0); };
}

/**
 * @param x log-returns per step
 * @param mask optional: mask[t] = 1 treats x_t as missing (density 1), e.g. a flagged jump
 * @param scoreFrom optional: first step of the predictive log score (default: no score)
 */
export function hamiltonFilter(x: ArrayLike<number>, p: RegimeParams, mask?: Uint8Array, scoreFrom = Infinity): FilterResult {
  const n = x.length;
  const predicted1 = new Float64Array(n), filtered1 = new Float64Array(n);
  const P = p.transition;
  let [f0, f1] = stationary(P);
  const dens0 = emissionKernel(p, 0), dens1 = emissionKernel(p, 1);
  let ll = 0, score = 0;
  for (let t = 0; t < n; t++) {
    const a0 = t === 0 ? f0 : f0 * P[0][0] + f1 * P[1][0];
    const a1 = 1 - a0;
    predicted1[t] = a1;
    if (mask && mask[t]) { f0 = a0; f1 = a1; filtered1[t] = a1; continue; }
    const d0 = a0 * dens0(x[t]);
    const d1 = a1 * dens1(x[t]);
    const s = d0 + d1;
    if (!(s > 0)) return { logLikelihood: -Infinity, logScore: -Infinity, predicted1, filtered1 };
    const ls = Math.log(s);
    ll += ls;
    if (t >= scoreFrom) score += ls;
    f0 = d0 / s; f1 = d1 / s;
    filtered1[t] = f1;
  }
  return { logLikelihood: ll, logScore: score, predicted1, filtered1 };
}
