/**
 * The constraints of the pacing search (issue 15, item 2): ruin probability ≤ p_max
 * (`--max-ruin`) and, when given, the 95th percentile of the maximum drawdown ≤ d_max
 * (`--max-drawdown`). A constraint `holds` when its estimate is within the cap and
 * `holds_confidently` when its upper 95% bound is. An infeasible point's `excess`,
 * Σ max(0, estimate − cap), orders points when no parameter meets the constraints.
 * One code serves every place that judges the constraints: the search's evaluations
 * (evaluate-schemes.ts), the robust choice over draws of the fit (robust-choice.ts, on the
 * worst decile of each constrained quantity) and the out-of-sample check (degradation.ts);
 * `preferred` is the one order of constrained points (the search's and the robust choice's).
 */
import type { Estimate } from "../metrics/intervals.ts";
import type { SchemeResult } from "../engine/pacing-results.ts";
import type { Objective } from "./pacing-objective.ts";
import { UsageError } from "../errors.ts";

/** The caps of an objective: ruin ≤ maxRuin and, when given, max_drawdown_p95 ≤ maxDrawdown. */
export type Caps = Pick<Objective, "maxRuin" | "maxDrawdown">;

/** One constraint's check: its cap, the estimate and upper 95% bound, and whether each is within the cap. */
export interface CapCheck { cap: number; estimate: number | null; hi: number | null; holds: boolean; holds_confidently: boolean }

/** Every constraint of one evaluation, whether all hold (by estimate, by upper bound) and the excess over the caps. */
export interface ConstraintStatus {
  ruin: CapCheck;
  /** present when the objective caps it */ max_drawdown_p95?: CapCheck;
  feasible: boolean; feasible_confident: boolean;
  excess: number;
}

/** One constraint: an estimate against its cap (a missing estimate does not hold). */
export function checkCap(cap: number, e: Estimate): CapCheck {
  const holds = e.estimate !== null && e.estimate <= cap;
  return { cap, estimate: e.estimate, hi: e.hi, holds, holds_confidently: holds && e.hi !== null && e.hi <= cap };
}

/** The constraints of `o` on one scheme's results (or on any estimates of ruin and drawdown p95, e.g. their worst decile over draws of the fit). */
export function constraintStatus(o: Caps, r: Pick<SchemeResult, "ruin_probability" | "max_drawdown_p95">): ConstraintStatus {
  const ruin = checkCap(o.maxRuin, r.ruin_probability);
  const dd = o.maxDrawdown === undefined ? undefined : checkCap(o.maxDrawdown, r.max_drawdown_p95);
  const all = dd ? [ruin, dd] : [ruin];
  return {
    ruin, ...(dd ? { max_drawdown_p95: dd } : {}),
    feasible: all.every((c) => c.holds), feasible_confident: all.every((c) => c.holds_confidently),
    excess: all.reduce((a, c) => a + Math.max(0, (c.estimate ?? Infinity) - c.cap), 0),
  };
}

/** A point as the constrained choice sees it: its objective as a loss (smaller is better; a missing objective +∞) and its constraint status. */
export interface ConstrainedPoint { loss: number; status: Pick<ConstraintStatus, "feasible" | "excess"> }

/**
 * Whether `b` is strictly preferred to `a`: a feasible point (every cap holds by its estimate)
 * over an infeasible one; among feasible points the smaller loss; among infeasible ones the
 * smaller excess over the caps, then the smaller loss. Ties keep `a` (so a reduce keeps the first).
 */
export function preferred(b: ConstrainedPoint, a: ConstrainedPoint): boolean {
  if (a.status.feasible !== b.status.feasible) return b.status.feasible;
  if (b.status.feasible) return b.loss < a.loss;
  const xa = a.status.excess, xb = b.status.excess;
  return xb < xa || (xb === xa && b.loss < a.loss);
}

/**
 * A drawdown cap from the command line (`--max-drawdown`): a decimal in (0, 1), or undefined when not given.
 * @throws UsageError naming the flag, the value and the fix
 */
export function parseMaxDrawdown(v: string | undefined, flag = "--max-drawdown"): number | undefined {
  if (v === undefined) return undefined;
  const x = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(v) ? Number(v) : NaN;
  if (!(x > 0 && x < 1)) throw new UsageError(`${flag}: must be a fraction of equity in (0, 1), e.g. 0.3 for a 30% drawdown; got ${JSON.stringify(v)} — give the largest 95th-percentile drawdown you accept`);
  return x;
}
