/**
 * The out-of-sample validation drawn for the calibration report (plotly): per scheme kind, the
 * pace chosen in sample beside the pace re-calibrated on the later window (each parameter with
 * its 95% interval), and the paired degradation in-sample − re-calibrated on each later-window
 * market with its 95% paired interval; failing caps (ruin; drawdown p95 when capped) are named in the caption.
 */
import type { Figure } from "../report/plotly-html.ts";
import type { OutOfSampleReport } from "./out-of-sample.ts";
import { WAYS, type PaceChoice } from "./recalibration.ts";

function paceFigure(report: OutOfSampleReport): Figure {
  const rows = report.recalibration.kinds.flatMap((k) => Object.keys(k.in_sample.params).map((n) => ({ label: `${k.kind}: ${n}`, n, k })));
  const trace = (name: string, of: (k: (typeof rows)[number]["k"]) => PaceChoice) => ({
    type: "scatter", mode: "markers", name, x: rows.map((r) => r.label), y: rows.map((r) => of(r.k).params[r.n]), marker: { size: 10 },
    error_y: {
      type: "data", symmetric: false,
      array: rows.map((r) => (of(r.k).parameter_interval[r.n]?.hi ?? of(r.k).params[r.n]) - of(r.k).params[r.n]),
      arrayminus: rows.map((r) => of(r.k).params[r.n] - (of(r.k).parameter_interval[r.n]?.lo ?? of(r.k).params[r.n])),
    },
  });
  return {
    id: "oos-pace", title: "Pace chosen in sample vs re-calibrated on the later window (95% parameter intervals)",
    data: [trace(`in sample (${report.split.calibration.first} → ${report.split.calibration.last})`, (k) => k.in_sample),
      trace(`re-calibrated (${report.split.validation.first} → ${report.split.validation.last})`, (k) => k.later_window)],
    layout: { yaxis: { type: "log", title: { text: "parameter value" } } },
    caption: "Each parameter's interval holds the values not significantly worse than the best on common random numbers (parameter-interval.ts); a pace whose interval misses the other window's says the market moved the optimum.",
  };
}

function regretFigure(report: OutOfSampleReport): Figure {
  const kinds = report.recalibration.kinds;
  // per cap, the schemes and comparisons where it fails out of sample
  const flags = (["ruin", "max_drawdown_p95"] as const).map((n) => ({ n, at: report.schemes.flatMap((s) => (s.failures_by_constraint[n] ?? []).map((w) => `${s.scheme} (${w})`)) })).filter((x) => x.at.length);
  const capName = { ruin: "the ruin cap", max_drawdown_p95: "the drawdown cap (max_drawdown_p95)" };
  return {
    id: "oos-paired", title: "Out of sample: how much worse the in-sample pace is than the re-calibrated pace on the same later-window paths (95% paired intervals)",
    data: WAYS.map((w) => ({
      type: "bar", name: w, x: kinds.map((k) => k.kind), y: kinds.map((k) => k.paired[w].objective.estimate),
      error_y: { type: "data", symmetric: false, array: kinds.map((k) => (k.paired[w].objective.hi ?? 0) - (k.paired[w].objective.estimate ?? 0)), arrayminus: kinds.map((k) => (k.paired[w].objective.estimate ?? 0) - (k.paired[w].objective.lo ?? 0)) },
    })),
    layout: { barmode: "group", yaxis: { title: { text: "objective difference (positive: keeping the in-sample pace is worse)" } } },
    caption: `Pairing: ${report.recalibration.pairing}. ${report.recalibration.paths} paths per run. `
      + (flags.length ? flags.map((x) => `FLAG — ${capName[x.n]} fails out of sample for: ${x.at.join(", ")}.`).join(" ") : "Every cap of the search holds out of sample for every scheme and comparison."),
  };
}

/** The two out-of-sample figures. */
export function outOfSampleFigures(report: OutOfSampleReport): Figure[] {
  return [paceFigure(report), regretFigure(report)];
}
