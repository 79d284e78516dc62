/**
 * EM (Baum–Welch) for the two-regime Gaussian model without jumps: the E-step is the
 * Hamilton filter + Kim smoother, the M-step is closed form,
 *
 *   s_r² = Σ_t γ_t(r)·(x_t − μ_r)² / Σ_t γ_t(r),   P[r][q] = n_rq / Σ_q n_rq,
 *
 * with γ_t(r) the smoothed regime probability and n_rq the expected transition counts.
 * Masked observations (flagged jumps) carry no likelihood and do not enter the M-step.
 * The likelihood never decreases (Dempster, Laird & Rubin 1977).
 *
 * Reference: Hamilton, J. D. (1990), J. Econometrics 45, 39–70.
 * Units: per step (log-returns, sd per √step).
 */
import { hamiltonFilter } from "./hamilton-filter.ts";
import { kimSmoother } from "./kim-smoother.ts";
import type { RegimeParams } from "./regime-model.ts";

export interface EmResult {
  params: RegimeParams;
  logLikelihood: number;
  iterations: number;
  converged: boolean;
  smoothed1: Float64Array;
  predicted1: Float64Array;
}

/**
 * @param start initial parameters (its jump fields are ignored: the fit has no jumps)
 * @param tol relative change of the log-likelihood that counts as converged
 */
export function regimeEm(x: ArrayLike<number>, start: RegimeParams, mask?: Uint8Array, maxIter = 500, tol = 1e-9): EmResult {
  let p: RegimeParams = { ...start, jumpProb: 0, jumpMean: 0, jumpSd: 0 };
  let last = -Infinity, converged = false, it = 0;
  let f = hamiltonFilter(x, p, mask);
  let sm = kimSmoother(f, p);
  for (it = 1; it <= maxIter; it++) {
    const w = [0, 0], ss = [0, 0];
    for (let t = 0; t < x.length; t++) {
      if (mask && mask[t]) continue;
      const g1 = sm.smoothed1[t], g = [1 - g1, g1];
      for (let r = 0; r < 2; r++) {
        const d = x[t] - (p.mean - 0.5 * p.sd[r] * p.sd[r]);
        w[r] += g[r]; ss[r] += g[r] * d * d;
      }
    }
    const floor = 1e-12;
    const sd: [number, number] = [Math.sqrt(Math.max(floor, ss[0] / Math.max(w[0], 1e-12))), Math.sqrt(Math.max(floor, ss[1] / Math.max(w[1], 1e-12)))];
    const n = sm.transitions;
    const row = (r: 0 | 1): [number, number] => {
      const s = n[r][0] + n[r][1];
      const q = s > 0 ? Math.min(1 - 1e-8, Math.max(1e-8, n[r][1 - r] / s)) : 0.5;
      return r === 0 ? [1 - q, q] : [q, 1 - q];
    };
    p = { ...p, sd, transition: [row(0), row(1)] };
    f = hamiltonFilter(x, p, mask);
    sm = kimSmoother(f, p);
    const ll = f.logLikelihood;
    if (Math.abs(ll - last) <= tol * Math.max(1, Math.abs(ll))) { converged = true; last = ll; break; }
    last = ll;
  }
  // keep regime 0 the calm one
  if (p.sd[0] > p.sd[1]) {
    p = { ...p, sd: [p.sd[1], p.sd[0]], transition: [[p.transition[1][1], p.transition[1][0]], [p.transition[0][1], p.transition[0][0]]] };
    f = hamiltonFilter(x, p, mask);
    sm = kimSmoother(f, p);
  }
  return { params: p, logLikelihood: f.logLikelihood, iterations: Math.min(it, maxIter), converged, smoothed1: sm.smoothed1, predicted1: f.predicted1 };
}
