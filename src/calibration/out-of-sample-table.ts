/**
 * The out-of-sample validation as a CSV table (one row per scheme and comparison) and as lines
 * of words for the console and the report, each degradation with its 95% interval and its
 * interval kind, the paired degradation against re-calibrating on the later window
 * (in-sample pace − re-calibrated pace on the same paths), the two paces with their 95%
 * intervals, and every cap of the search (ruin; drawdown p95 when capped) that fails out of sample flagged.
 */
import type { OutOfSampleReport } from "./out-of-sample.ts";

const WAYS = ["parametric", "bootstrap", "replay"] as const;
const CAPS = ["ruin", "max_drawdown_p95"] as const;
const num = (v: number | null) => (v === null ? "" : String(v));

/**
 * CSV with a header; `constraint_fails_out_of_sample` is true when some cap fails out of sample (its
 * estimate above the cap), `constraints_failing` names them (`ruin`, `max_drawdown_p95`, ";"-separated),
 * `constraints_failing_in_sample` the caps whose in-sample estimate was above them already;
 * the drawdown columns are empty when the search had no drawdown cap.
 */
export function outOfSampleCsv(report: OutOfSampleReport): string {
  const cols = ["scheme", "comparison", "objective_in", "objective_out", "degradation", "degradation_lo", "degradation_hi", "interval",
    "ruin_in", "ruin_out", "ruin_degradation_lo", "ruin_degradation_hi", "max_ruin", "constraint_fails_out_of_sample", "constraint_fails_confidently",
    "paired_vs_recalibrated", "paired_vs_recalibrated_lo", "paired_vs_recalibrated_hi", "ruin_paired_vs_recalibrated", "ruin_paired_vs_recalibrated_lo", "ruin_paired_vs_recalibrated_hi", "recalibrated_params",
    "max_drawdown", "drawdown_p95_in", "drawdown_p95_out", "constraints_failing", "constraints_failing_in_sample"];
  const rows = report.schemes.flatMap((s) => WAYS.map((w) => {
    const c = s[w], dd = c.constraint.max_drawdown_p95;
    return [s.scheme, w, num(c.in_sample.objective.estimate), num(c.out_of_sample.objective.estimate), num(c.degradation_interval.estimate),
      num(c.degradation_interval.lo), num(c.degradation_interval.hi), c.degradation_interval.interval,
      num(c.constraint.ruin.in_sample), num(c.constraint.ruin.out_of_sample), num(c.ruin_degradation.lo), num(c.ruin_degradation.hi),
      String(c.constraint.ruin.cap), String(c.constraint.fails_out_of_sample), String(c.constraint.fails_confidently),
      ...[c.paired_degradation.objective, c.paired_degradation.ruin_probability].flatMap((e) => [num(e.estimate), num(e.lo), num(e.hi)]),
      `"${JSON.stringify(recalibratedOf(report, s.scheme)?.later_window.params ?? null).replace(/"/g, "\"\"")}"`,
      ...(dd ? [String(dd.cap), num(dd.in_sample), num(dd.out_of_sample)] : ["", "", ""]), c.constraint.failing.join(";"),
      CAPS.filter((n) => c.constraint[n] && !c.constraint[n]!.holds_in_sample).join(";")].join(",");
  }));
  return [cols.join(","), ...rows].join("\n") + "\n";
}

const recalibratedOf = (report: OutOfSampleReport, scheme: string) => report.recalibration.kinds.find((k) => scheme.split("@")[0] === k.kind);

/**
 * Per scheme: one line of degradations (positive = worse, 95% interval), one of the re-calibrated pace beside
 * the in-sample one with the paired degradation, and one flag line per comparison and failing cap
 * (ruin; drawdown p95 when capped).
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
    ...s.constraint_failures.flatMap((w) => s[w].constraint.failing.map((n) => {
      const k = s[w].constraint[n]!;
      return `FLAG ${s.scheme}: ${n} ≤ ${k.cap} fails out of sample (${w}): ${n} ${f(k.in_sample)} in sample → ${f(k.out_of_sample)} out${k.fails_confidently ? ", its whole 95% interval above the cap" : ""}${k.holds_in_sample ? "" : " (it failed in sample already)"}`;
    })),
    ];
  });
}
