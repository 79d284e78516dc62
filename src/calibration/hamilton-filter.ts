/**
 * Hamilton (1989) filter for the two-regime model of regime-model.ts: the log-likelihood and
 * the predicted and filtered regime probabilities.
 *
 *   predicted  ξ_{t|t−1} = Pᵀ·ξ_{t−1|t−1}
 *   filtered   ξ_{t|t}   ∝ ξ_{t|t−1} ⊙ f(x_t),   ℓ = Σ_t ln Σ_r ξ_{t|t−1}(r)·f_r(x_t)
 *
 * Reference: Hamilton, J. D. (1989), Econometrica 57(2), 357–384; Hamilton (1994) §22.4.
 * Units: x in log-returns per step. Started from the chain's stationary distribution.
 */
import { stationary, type RegimeParams } from "./regime-model.ts";

export interface FilterResult {
  logLikelihood: number;
  /** P(s_t = 1 | x_1..x_{t−1}), per observation */
  predicted1: Float64Array;
  /** P(s_t = 1 | x_1..x_t), per observation */
  filtered1: Float64Array;
}

/**
 * @param x log-returns per step
 * @param mask optional: mask[t] = 1 treats x_t as missing (density 1), e.g. a flagged jump
 */
export function hamiltonFilter(x: ArrayLike<number>, p: RegimeParams, mask?: Uint8Array): FilterResult {
  const n = x.length;
  const predicted1 = new Float64Array(n), filtered1 = new Float64Array(n);
  const P = p.transition;
  let [f0, f1] = stationary(P);
  // per-regime constants of the mixture density (hot loop: only the exponentials remain)
  const k = [0, 1].map((r) => {
    const v = p.sd[r] * p.sd[r], vj = v + p.jumpSd * p.jumpSd, m = p.mean - 0.5 * v;
    return {
      m, mj: m + p.jumpMean, a: (1 - p.jumpProb) / Math.sqrt(2 * Math.PI * v), h: -0.5 / v,
      aj: p.jumpProb > 0 ? p.jumpProb / Math.sqrt(2 * Math.PI * vj) : 0, hj: -0.5 / vj,
    };
  });
  const density = (r: number, y: number) => {
    const c = k[r], d = y - c.m, dj = y - c.mj;
    return c.a * Math.exp(c.h * d * d) + (c.aj > 0 ? c.aj * Math.exp(c.hj * dj * dj) : 0);
  };
  let ll = 0;
  for (let t = 0; t < n; t++) {
    const a0 = t === 0 ? f0 : f0 * P[0][0] + f1 * P[1][0];
    const a1 = 1 - a0;
    predicted1[t] = a1;
    if (mask && mask[t]) { f0 = a0; f1 = a1; filtered1[t] = a1; continue; }
    const d0 = a0 * density(0, x[t]);
    const d1 = a1 * density(1, x[t]);
    const s = d0 + d1;
    if (!(s > 0)) return { logLikelihood: -Infinity, predicted1, filtered1 };
    ll += Math.log(s);
    f0 = d0 / s; f1 = d1 / s;
    filtered1[t] = f1;
  }
  return { logLikelihood: ll, predicted1, filtered1 };
}
