/**
 * Posterior predictive check of the tails: how often the fitted model puts a step below a
 * loss threshold q, against how often the data did. For a log-return threshold L = ln(1 + q),
 * under the chain's stationary regime shares ϖ_r,
 *
 *   P(x < L) = Σ_r ϖ_r·[(1 − π)·F_D((L − μ_r)/s_r) + π·Φ((L − μ_r − μ_J)/√(s_r² + σ_J²))]
 *
 * with F_D the standard normal cdf or, for Student-t innovations, F_ν(z·√(ν/(ν−2))) (the t scaled
 * to unit variance). Per year: P·steps_per_year. The data's count has an exact Poisson 95%
 * interval; the model's rate outside it is flagged `miss`. Thresholds: −10% and −20% a step,
 * and the market's own scale, −4 and −6 sample sd.
 * Reference: Gelman, Meng & Stern (1996), Statistica Sinica 6, 733–807 (posterior predictive checks).
 */
import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import { isStudent, stationary, type RegimeParams } from "./regime-model.ts";
import { studentTCdf } from "./student-t-cdf.ts";
import { poissonInterval } from "./poisson-interval.ts";

/** P(x < L) for one step of the model at its stationary regime shares. */
export function modelTailProbability(p: RegimeParams, logThreshold: number): number {
  const w = stationary(p.transition);
  let prob = 0;
  for (let r = 0; r < 2; r++) {
    const v = p.sd[r] ** 2, m = p.mean - 0.5 * v;
    const z = (logThreshold - m) / Math.sqrt(v);
    const diffusion = isStudent(p.nu) ? studentTCdf(z * Math.sqrt(p.nu / (p.nu - 2)), p.nu) : normalCdf(z, 0, 1);
    const jump = p.jumpProb > 0 ? normalCdf(logThreshold - m - p.jumpMean, 0, Math.sqrt(v + p.jumpSd ** 2)) : 0;
    prob += w[r] * ((1 - p.jumpProb) * diffusion + p.jumpProb * jump);
  }
  return prob;
}

export interface TailCheckRow {
  threshold: number; label: string;
  data: { count: number; per_year: number; lo: number; hi: number };
  /** per model name: days a year below the threshold, and whether it falls outside the data's interval */
  models: Record<string, { per_year: number; miss: boolean }>;
}

/**
 * @param x log-returns per step; `models` the fitted models to check (e.g. chosen and engine)
 * @param sampleSd sd of x per step (the market's scale)
 */
export function tailCheck(x: ArrayLike<number>, stepsPerYear: number, sampleSd: number, models: Record<string, RegimeParams>): TailCheckRow[] {
  const years = x.length / stepsPerYear;
  const rows = [
    { threshold: -0.1, label: "−10% a step" }, { threshold: -0.2, label: "−20% a step" },
    { threshold: Math.expm1(-4 * sampleSd), label: "−4 sample sd" }, { threshold: Math.expm1(-6 * sampleSd), label: "−6 sample sd" },
  ];
  return rows.map(({ threshold, label }) => {
    const L = Math.log1p(threshold);
    let count = 0;
    for (let t = 0; t < x.length; t++) if (x[t] < L) count++;
    const ci = poissonInterval(count);
    const data = { count, per_year: count / years, lo: ci.lo / years, hi: ci.hi / years };
    const out: TailCheckRow["models"] = {};
    for (const [name, p] of Object.entries(models)) {
      const perYear = modelTailProbability(p, L) * stepsPerYear;
      out[name] = { per_year: perYear, miss: perYear < data.lo || perYear > data.hi };
    }
    return { threshold, label, data, models: out };
  });
}
