/**
 * The robust choice among a kind's candidate parameters (issue 15, item 6, `--robust`): each
 * candidate has its objective and ruin on every draw of the fitted parameters. Its worst
 * decile is, per quantity, the decile on the bad side over the draws (Hyndman–Fan type 7):
 * for ruin and a minimised objective (oc-slippage) the 90th percentile; for a maximised
 * objective (growth) the 10th. The choice is the candidate whose worst-decile objective is
 * best (least for "min", greatest for "max") among those whose worst-decile ruin is ≤ p_max;
 * when none is, the one with the least worst-decile ruin (ties: best worst-decile objective).
 * A missing value counts as the worst (+∞ for "min", −∞ for "max").
 */
import { quantileOfSorted } from "../metrics/quantile-interval.ts";
import { worseBy } from "./pacing-objective.ts";

/** Quantiles of one quantity over the draws of the fit. */
export interface Spread { q10: number; q50: number; q90: number; min: number; max: number }

/** Per-draw values of one candidate. */
export interface DrawValues { objective: (number | null)[]; ruin: (number | null)[] }

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

/**
 * Index of the robust choice among `candidates` (see the module comment).
 * @param sense the objective's: "max" (growth) or "min" (oc-slippage); ruin is always minimised
 */
export function robustChoice(candidates: DrawValues[], maxRuin: number, sense: "max" | "min" = "min"): number {
  // the objective as a loss (smaller is better) so one order serves both senses
  const scored = candidates.map((c, i) => ({ i, obj: worseBy(sense, 0, worstDecile(c.objective, sense)), ruin: worstDecile(c.ruin) }));
  const feasible = scored.filter((s) => s.ruin <= maxRuin);
  const pool = feasible.length ? feasible : scored;
  const key = feasible.length ? (s: (typeof scored)[number]) => [s.obj, s.ruin] : (s: (typeof scored)[number]) => [s.ruin, s.obj];
  return pool.reduce((a, b) => {
    const ka = key(a), kb = key(b);
    return kb[0] < ka[0] || (kb[0] === ka[0] && kb[1] < ka[1]) ? b : a;
  }).i;
}

/** The rule in words, for robustness.rule and recommended_by. */
export function robustRule(sense: "max" | "min"): string {
  return sense === "max"
    ? "worst decile = the 10th percentile of the objective (growth, larger is better) and the 90th of ruin over the draws; robust choice = the highest worst-decile objective among candidates whose worst-decile ruin ≤ p_max, else the least worst-decile ruin"
    : "worst decile = the 90th percentile of the objective (a cost, smaller is better) and of ruin over the draws; robust choice = the least worst-decile objective among candidates whose worst-decile ruin ≤ p_max, else the least worst-decile ruin";
}
