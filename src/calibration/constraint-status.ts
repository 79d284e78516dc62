/**
 * The constraints of the pacing search (issue 15, item 2): ruin probability ≤ p_max
 * (`--max-ruin`) and, when given, the 95th percentile of the maximum drawdown ≤ d_max
 * (`--max-drawdown`). A constraint `holds` when its estimate is within the cap and
 * `holds_confidently` when its upper 95% bound is. An infeasible point's `excess`,
 * Σ max(0, estimate − cap), orders points when no parameter meets the constraints.
 */
import type { Estimate } from "../metrics/intervals.ts";
import type { SchemeResult } from "../engine/pacing-results.ts";
import type { Objective } from "./pacing-objective.ts";
import { UsageError } from "../errors.ts";

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

/** The constraints of `o` on one scheme's results. */
export function constraintStatus(o: Objective, r: Pick<SchemeResult, "ruin_probability" | "max_drawdown_p95">): ConstraintStatus {
  const ruin = checkCap(o.maxRuin, r.ruin_probability);
  const dd = o.maxDrawdown === undefined ? undefined : checkCap(o.maxDrawdown, r.max_drawdown_p95);
  const all = dd ? [ruin, dd] : [ruin];
  return {
    ruin, ...(dd ? { max_drawdown_p95: dd } : {}),
    feasible: all.every((c) => c.holds), feasible_confident: all.every((c) => c.holds_confidently),
    excess: all.reduce((a, c) => a + Math.max(0, (c.estimate ?? Infinity) - c.cap), 0),
  };
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
