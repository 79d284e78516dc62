/**
 * The degradation of a recommendation out of sample (issue 15, item 5): how much worse the
 * objective and ruin are out of sample than in sample, each with a 95% interval (positive =
 * worse: out − in for ruin and a minimised objective, in − out for a maximised one such as
 * growth), and whether the ruin constraint that held in the calibration fails on the later window.
 *
 * Interval: in- and out-of-sample are separate engine runs of different markets (two profiles,
 * or two return sets), and the engine keeps no per-path objective across runs, so the
 * difference cannot be paired path by path; its interval is the unpaired one,
 * d ± √(h_in² + h_out²) with h each estimate's 95% half-width (the two runs' errors treated as
 * independent — conservative when common random numbers correlate them). `interval` says so.
 */
import type { Estimate } from "../metrics/intervals.ts";
import { worseBy } from "./pacing-objective.ts";

export interface Degradation {
  estimate: number | null; lo: number | null; hi: number | null;
  interval: "paired" | "unpaired"; note: string;
}

export interface ConstraintCheck {
  max_ruin: number;
  in_sample_ruin: number | null; out_of_sample_ruin: number | null;
  /** the out-of-sample ruin estimate exceeds the cap */ fails_out_of_sample: boolean;
  /** … and so does the lower end of its 95% interval */ fails_confidently: boolean;
}

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

/** Does ruin ≤ maxRuin still hold out of sample? (by the estimate, and by the interval's lower end) */
export function constraintCheck(maxRuin: number, inSample: Estimate, outOfSample: Estimate): ConstraintCheck {
  const out = outOfSample.estimate;
  return {
    max_ruin: maxRuin, in_sample_ruin: inSample.estimate, out_of_sample_ruin: out,
    fails_out_of_sample: out !== null && out > maxRuin,
    fails_confidently: outOfSample.lo !== null && outOfSample.lo > maxRuin,
  };
}
