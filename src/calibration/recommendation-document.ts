/**
 * recommendation.json: per scheme kind the recommended parameters with the objective's 95%
 * interval, the Pareto front, and where each heuristic lands against the Gârleanu–Pedersen
 * rate. A heuristic's "effective rate" is its per-step EMA fraction in the calm regime:
 * ema λ; vol c/(1 + β·σ₀); liquidity λ_max (calm depth); asymmetric λ_up when re-levering
 * and λ_down when de-risking; instant 1; rate η is a cap, not a fraction (reported as is).
 * Per kind, `search` says how the optimum was found: `at_domain_edge` (the best lies at the end
 * of its parameter's domain), the grid extension, the refinement method, and the parameter's
 * 95% interval (values not significantly worse than the best on common random numbers).
 * With extras: `frontier` (one non-dominated set across kinds, scheme-frontier.ts) and
 * `robustness` (objective and ruin over draws of the fitted parameters, fit-robustness.ts;
 * `recommended_by` says whether the parameters are the nominal optimum or, with `--robust`,
 * the robust choice).
 */
import type { MarketProfile } from "./market-profile.ts";
import type { SearchResult, Evaluation } from "./pacing-search.ts";
import type { FrontierDocument } from "./scheme-frontier.ts";
import type { RobustnessDocument } from "./fit-robustness.ts";
import type { OutOfSampleReport, SchemeValidation } from "./out-of-sample.ts";

/** Studies run after the search that recommendation.json carries when they were run. */
export interface RecommendationExtras { frontier?: FrontierDocument; robustness?: RobustnessDocument; robust?: boolean }

export function effectiveRate(kind: string, p: Record<string, number>, sigmaCalm: number): number | null {
  switch (kind) {
    case "instant": return 1;
    case "ema": case "gp-ema": return p.lambda;
    case "vol": return p.c / (1 + p.beta * sigmaCalm);
    case "liquidity": return p.lambdaMax;
    case "asymmetric": return p.lambdaUp;
    default: return null;
  }
}

export function recommendationDocument(profile: MarketProfile, search: SearchResult, provenance: Record<string, unknown>, extras: RecommendationExtras = {}) {
  const s0 = profile.volatility.regimes[0].sigma_annual;
  const gp = search.gp.rate;
  const summary = (e: Evaluation) => ({
    ruin_probability: e.ruin_probability, opportunity_cost: e.opportunity_cost, slippage: e.slippage,
    slippage_bps: e.slippage_bps, turnover: e.turnover, terminal_log_growth_median: e.terminal_log_growth_median,
    funding: e.funding, max_drawdown_p95: e.max_drawdown_p95,
    objective: e.objective, objective_sense: e.objective_sense, constraints: e.constraints, paths: e.paths,
  });
  const schemes = Object.fromEntries(Object.entries(search.recommendations).map(([k, r]) => {
    const eff = effectiveRate(k, r.params, s0);
    return [k, {
      params: r.params, reachable: r.reachable, note: r.note, coarse_best: r.coarse_best,
      at_domain_edge: r.search.at_domain_edge, search: r.search,
      ...summary(r.evaluation),
      effective_rate: eff, effective_rate_over_gp: eff !== null && gp > 0 ? eff / gp : null,
      ...(k === "asymmetric" ? { de_risking_rate: r.params.lambdaDown } : {}),
      pareto_front: search.pareto[k],
    }];
  }));
  const ranked = Object.entries(schemes).filter(([, v]) => v.reachable && v.objective.estimate !== null)
    .sort((a, b) => (search.settings.objective_sense === "max" ? -1 : 1) * (a[1].objective.estimate! - b[1].objective.estimate!)).map(([k]) => k);
  return {
    market: profile.source.file, window: profile.window, steps_per_year: profile.steps_per_year,
    settings: search.settings,
    gp: {
      rate: search.gp.rate, by_regime: search.gp.by_regime, rate_instantaneous: search.gp.rate_instantaneous,
      lambda_cost: search.gp.lambda_cost, variance_per_step: search.gp.variance_per_step, method: search.gp.method,
      half_life_steps: search.gp.rate > 0 && search.gp.rate < 1 ? Math.log(0.5) / Math.log(1 - search.gp.rate) : search.gp.rate >= 1 ? 0 : null,
      evaluation: search.gp.evaluation ? summary(search.gp.evaluation) : null,
    },
    schemes, ranking_by_objective: ranked,
    recommended_by: extras.robust ? `robust: best worst-decile objective over the fit draws (${search.settings.objective_sense === "max" ? "the highest 10th percentile of growth" : "the lowest 90th percentile of the cost"} among candidates whose worst-decile ruin and drawdown meet the caps; robustness.rule)` : "nominal: best on the fitted profile",
    ...(extras.frontier ? { frontier: extras.frontier } : {}),
    ...(extras.robustness ? { robustness: extras.robustness } : {}),
    provenance, timing: search.timing,
  };
}

/** One kind's constraint status on the later window (recommendation.json `constraints_out_of_sample`). */
export interface OutOfSampleConstraints {
  /** the early window's recommended parameters */ calibrated_params: Record<string, number>;
  parametric: SchemeValidation["parametric"]["constraint"]; bootstrap: SchemeValidation["bootstrap"]["constraint"]; replay: SchemeValidation["replay"]["constraint"];
  /** the comparisons where some cap fails out of sample */ fails: SchemeValidation["constraint_failures"];
  /** per cap (ruin; max_drawdown_p95 when --max-drawdown is given), the comparisons where it fails */ fails_by_constraint: SchemeValidation["failures_by_constraint"];
}

/** A recommendation document whose every kind carries `constraints_out_of_sample`. */
export type WithOutOfSample<R extends { schemes: Record<string, object> }> = Omit<R, "schemes"> & {
  schemes: { [K in keyof R["schemes"]]: R["schemes"][K] & { constraints_out_of_sample: OutOfSampleConstraints | null } };
};

/**
 * recommendation.json with `--out-of-sample`: each kind's entry gains `constraints_out_of_sample`,
 * the constraint status on the later window of the early window's recommendation (its parameters,
 * the parametric, bootstrap and replay checks of every cap of the search — ruin and, when
 * --max-drawdown is given, drawdown p95 — which comparisons fail, and which per cap), or null when the
 * out-of-sample search has no such kind. Kinds are matched by their order in the out-of-sample
 * search's recommendations, the order of `oos.schemes`. Never throws.
 */
export function withOutOfSampleConstraints<R extends { schemes: Record<string, object> }>(rec: R, oos: OutOfSampleReport): WithOutOfSample<R> {
  const kinds = Object.keys(oos.search.recommendations);
  return {
    ...rec,
    schemes: Object.fromEntries(Object.entries(rec.schemes).map(([k, v]) => {
      const sv = oos.schemes[kinds.indexOf(k)];
      return [k, { ...v, constraints_out_of_sample: sv ? { calibrated_params: sv.params, parametric: sv.parametric.constraint, bootstrap: sv.bootstrap.constraint, replay: sv.replay.constraint, fails: sv.constraint_failures, fails_by_constraint: sv.failures_by_constraint } : null }];
    })),
  } as WithOutOfSample<R>;
}
