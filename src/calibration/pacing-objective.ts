/**
 * What the pacing search optimises, and its constraints (issue 15, item 2). The search sees
 * the objective only through a `PacingObjective`: the estimate per scheme, the paired
 * difference of two schemes run on common random numbers, and whether larger is better.
 * - `growth` (default, growth-objective.ts): certainty-equivalent growth net of costs, the
 *   mean over all paths of ln(E_T/E₀)/years, maximised;
 * - `oc-slippage` (below): a weighted sum of per-year opportunity cost and slippage (both
 *   fractions of equity per year, RS-1 outputs), minimised. Its 95% interval adds the two
 *   half-widths (conservative: exact for perfectly correlated errors, wider otherwise).
 * Both subject to ruin probability ≤ p_max and, when given, max_drawdown_p95 ≤ d_max
 * (constraint-status.ts).
 */
import type { Estimate } from "../metrics/intervals.ts";
import type { Difference, SchemeResult } from "../engine/pacing-results.ts";
import { CE_GROWTH } from "./growth-objective.ts";
import { UsageError } from "../errors.ts";

export interface Objective {
  /** weight on opportunity cost (oc-slippage; default 1) */ opportunity: number;
  /** weight on slippage (oc-slippage; default 1) */ slippage: number;
  /** ruin probability cap p_max (default 0.01) */ maxRuin: number;
  /** cap on the 95th percentile of the maximum drawdown, in (0, 1) (default: none) */ maxDrawdown?: number;
  /** floor of E_T/E₀ in the growth objective: a path below it (ruined with equity ≤ 0 included) counts at it (default 0.001) */ equityFloor: number;
}

export const DEFAULT_OBJECTIVE: Objective = { opportunity: 1, slippage: 1, maxRuin: 0.01, equityFloor: 0.001 };

/** One scheme's outcome in a run: its RS-1 results, its per-path ln(E_T/E₀) (at ruin: the marked ruin equity; −∞ when ≤ 0) and the horizon in years. */
export interface SchemeOutcome { result: SchemeResult; logGrowth: Float64Array; years: number }

/** An objective as the search uses it. */
export interface PacingObjective {
  name: string;
  /** "max": larger is better (growth); "min": smaller is better (costs) */ sense: "max" | "min";
  /** the objective of one scheme's results, with its 95% interval */
  estimate(o: Objective, s: SchemeOutcome): Estimate;
  /** scheme − baseline of the objective on common random numbers, with its paired 95% interval */
  pairedDifference(o: Objective, s: SchemeOutcome, base: SchemeOutcome, d: Record<string, Difference>): Estimate;
}

/** Weighted opportunity cost + slippage per year (the objective before issue 15, `oc-slippage`), minimised. */
export const OC_SLIPPAGE: PacingObjective = {
  name: "oc-slippage", sense: "min",
  estimate: (o, s) => objectiveEstimate(o, s.result.opportunity_cost, s.result.slippage),
  pairedDifference: (o, _s, _b, d) => weightedDifference(o, d.opportunity_cost, d.slippage),
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

/** How much worse `b` is than `a` (> 0: worse) under `sense`. */
export function worseBy(sense: "max" | "min", a: number, b: number): number {
  return sense === "max" ? a - b : b - a;
}

/** The objectives by name (`--objective`); the first is the default. */
export const OBJECTIVES: Record<string, PacingObjective> = { growth: CE_GROWTH, "oc-slippage": OC_SLIPPAGE };

/** The objective named `name`; throws UsageError naming the flag and the choices. */
export function objectiveByName(name: string, flag = "--objective"): PacingObjective {
  if (!Object.hasOwn(OBJECTIVES, name)) throw new UsageError(`${flag}: unknown objective ${JSON.stringify(name)} — use ${Object.keys(OBJECTIVES).join(" or ")}`);
  return OBJECTIVES[name];
}
