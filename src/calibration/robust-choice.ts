/**
 * The robust choice among a kind's candidate parameters (issue 15, item 6, `--robust`): each
 * candidate has its objective, ruin and max_drawdown_p95 on every draw of the fitted parameters.
 * Its worst decile is, per quantity, the decile on the bad side over the draws (Hyndman–Fan
 * type 7): for ruin, drawdown p95 and a minimised objective (oc-slippage) the 90th percentile;
 * for a maximised objective (growth) the 10th.
 *
 * The constraints are those of the search (constraint-status.ts, the same code), judged on the
 * worst decile: a candidate is feasible when its worst-decile ruin ≤ p_max (`--max-ruin`) and,
 * when capped, its worst-decile max_drawdown_p95 ≤ d_max (`--max-drawdown`) — the quantile the
 * choice uses for the objective, so "robust" means the same decile of draws for every quantity.
 * The choice is then the search's order (constraint-status.ts `preferred`) on the worst-decile
 * values: the best worst-decile objective (least for "min", greatest for "max") among feasible
 * candidates; when none is, the least excess Σ max(0, worst decile − cap) (ties: best
 * worst-decile objective). Ties keep the earlier candidate (the first is the recommendation).
 * A missing value counts as the worst (+∞ for "min", −∞ for "max").
 */
import { quantileOfSorted } from "../metrics/quantile-interval.ts";
import { worseBy } from "./pacing-objective.ts";
import { constraintStatus, preferred, type Caps, type ConstraintStatus } from "./constraint-status.ts";

/** Quantiles of one quantity over the draws of the fit. */
export interface Spread { q10: number; q50: number; q90: number; min: number; max: number }

/** Per-draw values of one candidate (a missing `maxDrawdown` counts as missing on every draw, the worst). */
export interface DrawValues { objective: (number | null)[]; ruin: (number | null)[]; maxDrawdown?: (number | null)[] }

/** The quantiles of `values` over the draws (null counts as the worst: +∞ when `sense` is "min", −∞ when "max"). */
export function spreadOf(values: (number | null)[], sense: "max" | "min" = "min"): Spread {
  const worst = sense === "max" ? -Infinity : Infinity;
  const sorted = Float64Array.from(values, (v) => (v === null || Number.isNaN(v) ? worst : v)).sort();
  const q = (p: number) => quantileWithInfinities(sorted, p);
  return { q10: q(0.1), q50: q(0.5), q90: q(0.9), min: sorted[0] ?? NaN, max: sorted[sorted.length - 1] ?? NaN };
}

/** quantileOfSorted, except between two order statistics of which one is infinite: that infinity (the interpolation would give NaN for ∞ − ∞). */
function quantileWithInfinities(sorted: Float64Array, p: number): number {
  const v = quantileOfSorted(sorted, p);
  if (!Number.isNaN(v) || sorted.length === 0) return v;
  const h = (sorted.length - 1) * p, a = sorted[Math.floor(h)], b = sorted[Math.ceil(h)];
  return Number.isFinite(a) ? b : a;
}

/** The value in the worst decile over the draws: the 90th percentile when smaller is better ("min"), the 10th when larger is ("max"). */
export function worstDecile(values: (number | null)[], sense: "max" | "min" = "min"): number {
  const s = spreadOf(values, sense);
  return sense === "max" ? s.q10 : s.q90;
}

/** The constraints of `caps` on a candidate's worst-decile ruin and drawdown p95 over the draws (constraint-status.ts; no interval: `hi` is null). */
export function worstDecileConstraints(c: DrawValues, caps: Caps): ConstraintStatus {
  const at = (v: (number | null)[]) => ({ estimate: worstDecile(v), lo: null, hi: null });
  return constraintStatus(caps, { ruin_probability: at(c.ruin), max_drawdown_p95: at(c.maxDrawdown ?? c.ruin.map(() => null)) });
}

/**
 * Index of the robust choice among `candidates` (see the module comment).
 * @param caps the search's caps: ruin ≤ maxRuin and, when given, max_drawdown_p95 ≤ maxDrawdown
 * @param sense the objective's: "max" (growth) or "min" (oc-slippage); ruin and drawdown are always minimised
 */
export function robustChoice(candidates: DrawValues[], caps: Caps, sense: "max" | "min" = "min"): number {
  // the objective as a loss (smaller is better) so one order serves both senses
  const scored = candidates.map((c, i) => ({ i, loss: worseBy(sense, 0, worstDecile(c.objective, sense)), status: worstDecileConstraints(c, caps) }));
  return scored.reduce((a, b) => (preferred(b, a) ? b : a)).i;
}

/** The rule in words, for robustness.rule and recommended_by; `drawdownCapped` when `--max-drawdown` is given. */
export function robustRule(sense: "max" | "min", drawdownCapped = false): string {
  const dd = drawdownCapped ? " and of max_drawdown_p95" : "";
  const worst = sense === "max"
    ? `worst decile = the 10th percentile of the objective (growth, larger is better) and the 90th of ruin${dd} over the draws; robust choice = the highest worst-decile objective`
    : `worst decile = the 90th percentile of the objective (a cost, smaller is better) and of ruin${dd} over the draws; robust choice = the least worst-decile objective`;
  return `${worst} among candidates whose worst-decile ruin ≤ p_max${drawdownCapped ? " and worst-decile max_drawdown_p95 ≤ d_max" : ""} (the search's constraints, judged on the worst decile), else the least excess over the caps`;
}
