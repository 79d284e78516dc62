/**
 * The degradation of a recommendation out of sample (issue 15, item 5): how much worse the
 * objective and ruin are out of sample than in sample, each with a 95% interval (positive =
 * worse: out − in for ruin and a minimised objective, in − out for a maximised one such as
 * growth), and whether the constraints of the search fail on the later window: ruin ≤ p_max
 * (`--max-ruin`) and, when given, max_drawdown_p95 ≤ d_max (`--max-drawdown`), each judged by
 * constraint-status.ts (the search's own check) on the out-of-sample estimate, and reported per
 * constraint beside whether any fails.
 *
 * Interval: in- and out-of-sample are separate engine runs of different markets (two profiles,
 * or two return sets), and the engine keeps no per-path objective across runs, so the
 * difference cannot be paired path by path; its interval is the unpaired one,
 * d ± √(h_in² + h_out²) with h each estimate's 95% half-width (the two runs' errors treated as
 * independent — conservative when common random numbers correlate them). `interval` says so.
 */
import type { Estimate } from "../metrics/intervals.ts";
import { worseBy } from "./pacing-objective.ts";
import { constraintStatus, type Caps } from "./constraint-status.ts";

export interface Degradation {
  estimate: number | null; lo: number | null; hi: number | null;
  interval: "paired" | "unpaired"; note: string;
}

/** One cap in and out of sample. */
export interface CapOutOfSample {
  cap: number; in_sample: number | null; out_of_sample: number | null;
  /** the in-sample estimate is within the cap (false: the cap failed already in the calibration window) */ holds_in_sample: boolean;
  /** the out-of-sample estimate exceeds the cap */ fails_out_of_sample: boolean;
  /** … and so does the lower end of its 95% interval */ fails_confidently: boolean;
}

/** The constraints a capped quantity is checked by, by their names in ConstraintStatus. */
export type ConstraintName = "ruin" | "max_drawdown_p95";

export interface ConstraintCheck {
  /** ruin ≤ p_max */ ruin: CapOutOfSample;
  /** max_drawdown_p95 ≤ d_max, present when the search capped it */ max_drawdown_p95?: CapOutOfSample;
  /** some constraint fails out of sample (by its estimate) */ fails_out_of_sample: boolean;
  /** some constraint fails with the whole of its 95% interval above the cap */ fails_confidently: boolean;
  /** the constraints that fail out of sample */ failing: ConstraintName[];
}

/** The estimates a constraint check reads: a window's ruin probability and drawdown p95. */
export interface ConstrainedEstimates { ruin_probability: Estimate; max_drawdown_p95: Estimate }

export const UNPAIRED_NOTE = "in- and out-of-sample are separate runs on different markets; the engine keeps no per-path objective across runs, so the interval is unpaired (√(h_in² + h_out²))";

/**
 * How much worse out of sample, with its unpaired 95% interval (positive = worse: out − in when
 * `sense` is "min", in − out when "max"); null fields when either estimate is missing.
 */
export function unpairedDegradation(inSample: Estimate, outOfSample: Estimate, sense: "max" | "min" = "min"): Degradation {
  if (inSample.estimate === null || outOfSample.estimate === null) return { estimate: null, lo: null, hi: null, interval: "unpaired", note: UNPAIRED_NOTE };
  const d = worseBy(sense, inSample.estimate, outOfSample.estimate);
  const half = (e: Estimate) => (e.lo === null || e.hi === null ? NaN : (e.hi - e.lo) / 2);
  const h = Math.hypot(half(inSample), half(outOfSample));
  return Number.isFinite(h)
    ? { estimate: d, lo: d - h, hi: d + h, interval: "unpaired", note: UNPAIRED_NOTE }
    : { estimate: d, lo: null, hi: null, interval: "unpaired", note: UNPAIRED_NOTE };
}

/**
 * Do the search's constraints still hold out of sample? Each cap of `caps` is checked by
 * constraintStatus (constraint-status.ts) in and out of sample; it fails out of sample when the
 * out-of-sample estimate exceeds the cap, confidently when the lower end of its 95% interval does.
 */
export function constraintCheck(caps: Caps, inSample: ConstrainedEstimates, outOfSample: ConstrainedEstimates): ConstraintCheck {
  const before = constraintStatus(caps, inSample), after = constraintStatus(caps, outOfSample);
  const names: ConstraintName[] = after.max_drawdown_p95 ? ["ruin", "max_drawdown_p95"] : ["ruin"];
  const estimateOf = { ruin: outOfSample.ruin_probability, max_drawdown_p95: outOfSample.max_drawdown_p95 };
  const check = (n: ConstraintName): CapOutOfSample => {
    const out = after[n]!, lo = estimateOf[n].lo;
    return {
      cap: out.cap, in_sample: before[n]!.estimate, out_of_sample: out.estimate, holds_in_sample: before[n]!.holds,
      fails_out_of_sample: out.estimate !== null && !out.holds, fails_confidently: lo !== null && lo > out.cap,
    };
  };
  const checks = Object.fromEntries(names.map((n) => [n, check(n)])) as Pick<ConstraintCheck, ConstraintName>;
  const failing = names.filter((n) => checks[n]!.fails_out_of_sample);
  return { ...checks, fails_out_of_sample: failing.length > 0, fails_confidently: names.some((n) => checks[n]!.fails_confidently), failing };
}
