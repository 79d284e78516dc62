/**
 * Which tails: the two-regime model fitted three ways — normal innovations with jumps, Student-t
 * innovations, Student-t with jumps — and compared by
 *
 *   BIC = k·ln n − 2ℓ̂   (Schwarz 1978; lower is better), and by the
 *   one-step predictive log score on the last 40% of the history: parameters fitted on the first
 *   60% only, then Σ_{t ≥ 0.6n} ln p(x_t | x_<t) from the Hamilton filter run through the whole
 *   history with those parameters fixed (Gneiting & Raftery 2007; higher is better).
 *
 * Fits come without intervals (regime-fit.ts `regimeIntervals` adds them to the ones reported).
 * The chosen model is BIC's (it uses all the data and is consistent); the log score's choice is
 * reported beside it with `agree`. A fit that did not converge (its ℓ only a lower bound) is not
 * eligible while another converged. Units: log-likelihood in nats; n = returns.
 */
import { hamiltonFilter } from "./hamilton-filter.ts";
import { regimeFit, regimePrelude, type RegimeFit, type RegimeFitOptions } from "./regime-fit.ts";
import { modelName, type ModelSpec } from "./regime-codec.ts";
import { fail } from "../errors.ts";
import type { RegimeParams } from "./regime-model.ts";

export const CANDIDATE_MODELS: ModelSpec[] = [{ student: false, jumps: true }, { student: true, jumps: false }, { student: true, jumps: true }];

/** Share of the history the predictive score is fitted on (the rest is scored). */
export const SCORE_SPLIT = 0.6;

export interface CandidateScore {
  model: string; log_likelihood: number; parameters: number; bic: number;
  /** predictive log score on the last 40% (nats), null when that fit failed */
  log_score: number | null; log_score_per_step: number | null;
  /** the parameters the score used: fitted on the first 60% only (null when that fit failed) */
  score_params: RegimeParams | null;
  converged: boolean; starts: number[];
}

export interface ModelChoice {
  method: string;
  candidates: CandidateScore[];
  by_bic: string; by_log_score: string | null; chosen: string; agree: boolean;
  score_window: { first_step: number; steps: number };
}

/** @throws Error as regimeFit when a full-sample fit fails without `allowFallback` */
export function chooseRegimeModel(x: Float64Array, stepsPerYear: number, options: RegimeFitOptions = {}): { choice: ModelChoice; fits: Map<string, RegimeFit>; sbar: number } {
  const n = x.length, m = Math.floor(SCORE_SPLIT * n);
  const prelude = regimePrelude(x, stepsPerYear, options);
  const head = x.subarray(0, m);
  let mh = 0, vh = 0;
  for (let t = 0; t < m; t++) mh += head[t] / m;
  for (let t = 0; t < m; t++) vh += (head[t] - mh) ** 2 / (m - 1);
  const headPrelude = { ...prelude, sbar: Math.sqrt(vh), fallback: null };
  const fits = new Map<string, RegimeFit>();
  const candidates = CANDIDATE_MODELS.map((spec): CandidateScore => {
    // t+jumps starts from the two simpler optima (each is a corner of it), on a tighter budget:
    // where the data need no jumps its jump parameters are flat and the simplex would wander
    const nj = fits.get("normal+jumps"), st = fits.get("t");
    const both = spec.student && spec.jumps && nj && st;
    const starts = both ? [{ ...st.params, jumpProb: nj.params.jumpProb, jumpMean: nj.params.jumpMean, jumpSd: nj.params.jumpSd }, { ...nj.params, nu: st.params.nu }] : undefined;
    const fit = regimeFit(x, stepsPerYear, { ...options, model: spec, prelude, starts, budget: both ? 3000 : undefined, allowFallback: true, intervals: false });
    fits.set(modelName(spec), fit);
    let score: number | null = null, scoreParams: RegimeParams | null = null;
    try {
      const early = regimeFit(head, stepsPerYear, { ...options, model: spec, prelude: headPrelude, starts: [fit.params], intervals: false, allowFallback: true, quick: true });
      scoreParams = early.params;
      score = hamiltonFilter(x, early.params, undefined, m).logScore;
      if (!Number.isFinite(score)) score = null;
    } catch { score = null; }
    return {
      model: modelName(spec), log_likelihood: fit.logLikelihood, parameters: fit.parameters, bic: fit.parameters * Math.log(n) - 2 * fit.logLikelihood,
      log_score: score, log_score_per_step: score === null ? null : score / (n - m), score_params: scoreParams, converged: fit.converged, starts: fit.starts,
    };
  });
  // a fit that did not converge is only a lower bound on its likelihood: eligible only when none converged
  const eligible = candidates.some((c) => c.converged) ? candidates.filter((c) => c.converged) : candidates;
  if (eligible.every((c) => !c.converged) && !options.allowFallback) {
    fail(Error, options.label ?? "regimeFit", "no candidate model's likelihood maximisation converged", "pass --allow-fallback to use the best unconverged fit, or use a longer window");
  }
  const byBic = eligible.reduce((a, b) => (b.bic < a.bic ? b : a)).model;
  const scored = eligible.filter((c) => c.log_score !== null);
  const byScore = scored.length ? scored.reduce((a, b) => (b.log_score! > a.log_score! ? b : a)).model : null;
  return {
    fits, sbar: prelude.sbar,
    choice: {
      method: `BIC = k·ln n − 2ℓ on all ${n} returns (chosen); one-step predictive log score of the last ${n - m} returns with parameters fitted on the first ${m}`,
      candidates, by_bic: byBic, by_log_score: byScore, chosen: byBic, agree: byBic === byScore,
      score_window: { first_step: m, steps: n - m },
    },
  };
}
