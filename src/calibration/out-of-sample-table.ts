/**
 * The out-of-sample validation as a CSV table (one row per scheme and comparison) and as lines
 * of words for the console and the report, each degradation with its 95% interval and its
 * interval kind, the paired degradation against re-calibrating on the later window
 * (in-sample pace − re-calibrated pace on the same paths), the two paces with their 95%
 * intervals, and every ruin cap that fails out of sample flagged.
 */
import type { OutOfSampleReport } from "./out-of-sample.ts";

const WAYS = ["parametric", "bootstrap", "replay"] as const;
const num = (v: number | null) => (v === null ? "" : String(v));

/** CSV with a header; `constraint_fails_out_of_sample` is true when the out-of-sample ruin exceeds the cap. */
export function outOfSampleCsv(report: OutOfSampleReport): string {
  const cols = ["scheme", "comparison", "objective_in", "objective_out", "degradation", "degradation_lo", "degradation_hi", "interval",
    "ruin_in", "ruin_out", "ruin_degradation_lo", "ruin_degradation_hi", "max_ruin", "constraint_fails_out_of_sample", "constraint_fails_confidently",
    "paired_vs_recalibrated", "paired_vs_recalibrated_lo", "paired_vs_recalibrated_hi", "ruin_paired_vs_recalibrated", "ruin_paired_vs_recalibrated_lo", "ruin_paired_vs_recalibrated_hi", "recalibrated_params"];
  const rows = report.schemes.flatMap((s) => WAYS.map((w) => {
    const c = s[w];
    return [s.scheme, w, num(c.in_sample.objective.estimate), num(c.out_of_sample.objective.estimate), num(c.degradation_interval.estimate),
      num(c.degradation_interval.lo), num(c.degradation_interval.hi), c.degradation_interval.interval,
      num(c.constraint.in_sample_ruin), num(c.constraint.out_of_sample_ruin), num(c.ruin_degradation.lo), num(c.ruin_degradation.hi),
      String(c.constraint.max_ruin), String(c.constraint.fails_out_of_sample), String(c.constraint.fails_confidently),
      ...[c.paired_degradation.objective, c.paired_degradation.ruin_probability].flatMap((e) => [num(e.estimate), num(e.lo), num(e.hi)]),
      `"${JSON.stringify(recalibratedOf(report, s.scheme)?.later_window.params ?? null).replace(/"/g, "\"\"")}"`].join(",");
  }));
  return [cols.join(","), ...rows].join("\n") + "\n";
}

const recalibratedOf = (report: OutOfSampleReport, scheme: string) => report.recalibration.kinds.find((k) => scheme.split("@")[0] === k.kind);

/**
 * Per scheme: one line of degradations (positive = worse, 95% interval), one of the re-calibrated pace beside
 * the in-sample one with the paired degradation, and one flag line per failing cap.
 */
export function outOfSampleLines(report: OutOfSampleReport): string[] {
  const f = (v: number | null) => (v === null ? "n/a" : v.toFixed(4));
  const pace = (p: { params: Record<string, number>; parameter_interval: Record<string, { lo: number; hi: number }> }) =>
    Object.keys(p.params).length ? Object.entries(p.params).map(([n, v]) => `${n} ${+v.toPrecision(4)} [${p.parameter_interval[n] ? `${+p.parameter_interval[n].lo.toPrecision(3)}, ${+p.parameter_interval[n].hi.toPrecision(3)}` : "n/a"}]`).join(", ") : "(no parameter)";
  return report.schemes.flatMap((s) => {
    const re = recalibratedOf(report, s.scheme);
    return [
    `${s.scheme}: objective worse out of sample by (positive = worse) ` + WAYS.map((w) => `${w} ${f(s[w].degradation_interval.estimate)} [${f(s[w].degradation_interval.lo)}, ${f(s[w].degradation_interval.hi)}]`).join(", ")
      + ` (${s.parametric.degradation_interval.interval} intervals)`,
    ...(re ? [`${s.scheme}: pace in sample ${pace(re.in_sample)} vs re-calibrated on the later window ${pace(re.later_window)}${re.identical ? " (the same)" : ""}; `
      + "objective worse with the in-sample pace than re-calibrated, paired on the same later paths (positive = worse): " + WAYS.map((w) => `${w} ${f(s[w].paired_degradation.objective.estimate)} [${f(s[w].paired_degradation.objective.lo)}, ${f(s[w].paired_degradation.objective.hi)}]`).join(", ")] : []),
    ...s.constraint_failures.map((w) => `FLAG ${s.scheme}: ruin ≤ ${s[w].constraint.max_ruin} fails out of sample (${w}): ruin ${f(s[w].constraint.in_sample_ruin)} in sample → ${f(s[w].constraint.out_of_sample_ruin)} out${s[w].constraint.fails_confidently ? ", its whole 95% interval above the cap" : ""}`),
    ];
  });
}
