/**
 * The search objective: a weighted sum of per-year opportunity cost and slippage (both
 * fractions of equity per year, RS-1 outputs), minimised subject to ruin probability ≤ p_max.
 * Its 95% interval adds the two half-widths (conservative: exact for perfectly correlated
 * errors, wider otherwise), since the run reports the two means' intervals separately.
 */
import type { Estimate } from "../metrics/intervals.ts";

export interface Objective {
  /** weight on opportunity cost (default 1) */ opportunity: number;
  /** weight on slippage (default 1) */ slippage: number;
  /** ruin probability cap p_max (default 0.01) */ maxRuin: number;
}

export const DEFAULT_OBJECTIVE: Objective = { opportunity: 1, slippage: 1, maxRuin: 0.01 };

export function objectiveEstimate(o: Objective, opportunity: Estimate, slippage: Estimate): Estimate {
  if (opportunity.estimate === null || slippage.estimate === null) return { estimate: null, lo: null, hi: null };
  const est = o.opportunity * opportunity.estimate + o.slippage * slippage.estimate;
  const half = (e: Estimate, w: number) => (e.lo === null || e.hi === null ? NaN : Math.abs(w) * (e.hi - e.lo) / 2);
  const h = half(opportunity, o.opportunity) + half(slippage, o.slippage);
  return Number.isFinite(h) ? { estimate: est, lo: est - h, hi: est + h } : { estimate: est, lo: null, hi: null };
}
