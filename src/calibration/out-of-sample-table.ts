/**
 * The out-of-sample validation as a CSV table (one row per scheme and comparison) and as lines
 * of words for the console and the report, each degradation with its 95% interval and its
 * interval kind, and every ruin cap that fails out of sample flagged.
 */
import type { OutOfSampleReport } from "./out-of-sample.ts";

const WAYS = ["parametric", "bootstrap", "replay"] as const;
const num = (v: number | null) => (v === null ? "" : String(v));

/** CSV with a header; `constraint_fails_out_of_sample` is true when the out-of-sample ruin exceeds the cap. */
export function outOfSampleCsv(report: OutOfSampleReport): string {
  const cols = ["scheme", "comparison", "objective_in", "objective_out", "degradation", "degradation_lo", "degradation_hi", "interval",
    "ruin_in", "ruin_out", "ruin_degradation_lo", "ruin_degradation_hi", "max_ruin", "constraint_fails_out_of_sample", "constraint_fails_confidently"];
  const rows = report.schemes.flatMap((s) => WAYS.map((w) => {
    const c = s[w];
    return [s.scheme, w, num(c.in_sample.objective.estimate), num(c.out_of_sample.objective.estimate), num(c.degradation_interval.estimate),
      num(c.degradation_interval.lo), num(c.degradation_interval.hi), c.degradation_interval.interval,
      num(c.constraint.in_sample_ruin), num(c.constraint.out_of_sample_ruin), num(c.ruin_degradation.lo), num(c.ruin_degradation.hi),
      String(c.constraint.max_ruin), String(c.constraint.fails_out_of_sample), String(c.constraint.fails_confidently)].join(",");
  }));
  return [cols.join(","), ...rows].join("\n") + "\n";
}

/** Per scheme one line of degradations (out − in, 95% interval) and one flag line per failing cap. */
export function outOfSampleLines(report: OutOfSampleReport): string[] {
  const f = (v: number | null) => (v === null ? "n/a" : v.toFixed(4));
  return report.schemes.flatMap((s) => [
    `${s.scheme}: objective out − in ` + WAYS.map((w) => `${w} ${f(s[w].degradation_interval.estimate)} [${f(s[w].degradation_interval.lo)}, ${f(s[w].degradation_interval.hi)}]`).join(", ")
      + ` (${s.parametric.degradation_interval.interval} intervals)`,
    ...s.constraint_failures.map((w) => `FLAG ${s.scheme}: ruin ≤ ${s[w].constraint.max_ruin} fails out of sample (${w}): ruin ${f(s[w].constraint.in_sample_ruin)} in sample → ${f(s[w].constraint.out_of_sample_ruin)} out${s[w].constraint.fails_confidently ? ", its whole 95% interval above the cap" : ""}`),
  ]);
}
