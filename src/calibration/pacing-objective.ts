/**
 * The search objective: a weighted sum of per-year opportunity cost and slippage (both
 * fractions of equity per year, RS-1 outputs), minimised subject to ruin probability ≤ p_max.
 * Its 95% interval adds the two half-widths (conservative: exact for perfectly correlated
 * errors, wider otherwise), since the run reports the two means' intervals separately.
 *
 * The search sees the objective only through a `PacingObjective` (the one place to change
 * when another objective is added): the estimate per scheme and the paired difference of two
 * schemes run on common random numbers.
 */
import type { Estimate } from "../metrics/intervals.ts";
import type { Difference, SchemeResult } from "../engine/pacing-results.ts";

export interface Objective {
  /** weight on opportunity cost (default 1) */ opportunity: number;
  /** weight on slippage (default 1) */ slippage: number;
  /** ruin probability cap p_max (default 0.01) */ maxRuin: number;
}

export const DEFAULT_OBJECTIVE: Objective = { opportunity: 1, slippage: 1, maxRuin: 0.01 };

/** An objective to minimise, as the search uses it. */
export interface PacingObjective {
  name: string;
  /** the objective of one scheme's results, with its 95% interval */
  estimate(o: Objective, r: SchemeResult): Estimate;
  /** scheme − baseline of the objective on common random numbers, with its paired 95% interval */
  pairedDifference(o: Objective, d: Record<string, Difference>): Estimate;
}

/** Weighted opportunity cost + slippage per year (today's objective, `oc-slippage`). */
export const OC_SLIPPAGE: PacingObjective = {
  name: "oc-slippage",
  estimate: (o, r) => objectiveEstimate(o, r.opportunity_cost, r.slippage),
  pairedDifference: (o, d) => weightedDifference(o, d.opportunity_cost, d.slippage),
};

/** o.opportunity·opportunity + o.slippage·slippage, half-widths added (see the module comment). */
export function objectiveEstimate(o: Objective, opportunity: Estimate, slippage: Estimate): Estimate {
  if (opportunity.estimate === null || slippage.estimate === null) return { estimate: null, lo: null, hi: null };
  const est = o.opportunity * opportunity.estimate + o.slippage * slippage.estimate;
  const half = (e: Estimate, w: number) => (e.lo === null || e.hi === null ? NaN : Math.abs(w) * (e.hi - e.lo) / 2);
  const h = half(opportunity, o.opportunity) + half(slippage, o.slippage);
  return Number.isFinite(h) ? { estimate: est, lo: est - h, hi: est + h } : { estimate: est, lo: null, hi: null };
}

/** The same weighted sum of two paired differences (their paired intervals, half-widths added). */
function weightedDifference(o: Objective, opp: Difference, slip: Difference): Estimate {
  const asEstimate = (d: Difference): Estimate => ({ estimate: d.estimate, lo: d.paired.lo, hi: d.paired.hi });
  return objectiveEstimate(o, asEstimate(opp), asEstimate(slip));
}
