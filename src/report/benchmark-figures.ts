/**
 * The benchmark section of the pacing report (issue 14; docs/optimal-pacing.md), built from
 * results.json alone and empty when the run has no gp scheme: each scheme's mean of GP's
 * objective, how far each scheme is from gp on that objective and on RS-1's outputs (paired
 * 95% intervals when the run is paired against gp, as the rs1-benchmarks preset is), and the
 * optimal schemes' per-regime constants as notes.
 */
import type { PacingDocument } from "../engine/pacing-document.ts";
import type { Figure } from "./plotly-html.ts";
import { distance, formatDistance, scaleDistance, type Distance } from "./benchmark-distance.ts";

/** The outputs of the distance table, and whether more is better. */
const DISTANCE_METRICS: { metric: string; label: string; higherIsBetter: boolean }[] = [
  { metric: "gp_objective", label: "GP objective / yr", higherIsBetter: true },
  { metric: "ruin_probability", label: "ruin probability", higherIsBetter: false },
  { metric: "terminal_log_growth", label: "log growth / yr", higherIsBetter: true },
  { metric: "opportunity_cost", label: "opportunity cost / yr", higherIsBetter: false },
  { metric: "slippage", label: "slippage / yr", higherIsBetter: false },
  { metric: "max_drawdown_p95", label: "max drawdown p95", higherIsBetter: false },
];

/** The gp scheme the others are measured against: the baseline when it is a gp scheme, else the first gp scheme; null without one. */
export function gpReference(doc: PacingDocument): string | null {
  const gps = doc.config.schemes.filter((s) => s.kind === "gp").map((s) => s.name);
  if (gps.length === 0 || !doc.schemes[gps[0]]?.gp_objective) return null;
  return gps.includes(doc.paired_differences.baseline) ? doc.paired_differences.baseline : gps[0];
}

/** The figures of the benchmark section (none when the run has no gp scheme or predates gp_objective). */
export function benchmarkFigures(doc: PacingDocument): Figure[] {
  const ref = gpReference(doc);
  return ref ? [objectiveFigure(doc, ref), distanceFigure(doc, ref)] : [];
}

/** One note per gp or ac scheme: its per-regime rate and (gp) aim scale, as results.json prints them. */
export function benchmarkNotes(doc: PacingDocument): string[] {
  const f = (xs: number[]) => `[${xs.map((x) => x.toFixed(4)).join(", ")}]`;
  return Object.entries(doc.schemes).flatMap(([name, r]) => (r.rate_per_step
    ? [`${name}: rate per step ${f(r.rate_per_step)}${r.aim_scale ? `, aim scale ${f(r.aim_scale)}` : ""} (per regime; docs/optimal-pacing.md).`]
    : []));
}

function perYear(doc: PacingDocument): number {
  return doc.config.market.stepsPerYear;
}

function objectiveFigure(doc: PacingDocument, ref: string): Figure {
  const names = Object.keys(doc.schemes), k = perYear(doc);
  const est = names.map((n) => (doc.schemes[n].gp_objective.estimate ?? NaN) * k);
  return {
    id: "benchmark-objective", title: "GP's objective per scheme (mean per year, 95% intervals)",
    data: [{
      type: "bar", x: names, y: est, showlegend: false,
      marker: { color: names.map((n) => (n === ref ? "#2ca02c" : "#1f77b4")) },
      error_y: {
        type: "data", symmetric: false,
        array: names.map((n, i) => (doc.schemes[n].gp_objective.hi ?? NaN) * k - est[i]),
        arrayminus: names.map((n, i) => est[i] - (doc.schemes[n].gp_objective.lo ?? NaN) * k),
      },
    }],
    layout: { yaxis: { title: { text: "Σ x·r − (γ/2)σ²dt·x² − ½Λn², per year (units of E₀)" } }, margin: { t: 30 } },
    caption: `GP's objective (domain.md O1) with γ = ${doc.gp_objective.risk_aversion} and each regime's σ² and Λ, averaged over paths and steps and annualised; "${ref}" in green. `
      + "In GP's own setting (one regime, no jumps, a noiseless signal, a memoryless book, no ruin) gp maximises it; "
      + "in this scenario it need not: the target reads a noisy signal, regimes switch, the book has memory and ruin stops a path.",
  };
}

function distanceFigure(doc: PacingDocument, ref: string): Figure {
  const rows = Object.keys(doc.schemes).filter((n) => n !== ref);
  const cells: Distance[][] = rows.map((n) => DISTANCE_METRICS.map(({ metric }) => {
    const d = distance(doc, n, ref, metric);
    return metric === "gp_objective" ? scaleDistance(d, perYear(doc)) : d;
  }));
  // +1: the interval says better than gp, −1: worse, 0: not resolved
  const verdict = (d: Distance, higherIsBetter: boolean) => {
    const sign = d.lo !== null && d.lo > 0 ? 1 : d.hi !== null && d.hi < 0 ? -1 : 0;
    return higherIsBetter ? sign : -sign;
  };
  const paired = cells.flat().some((d) => d.paired);
  return {
    id: "benchmark-distance", title: `Distance from "${ref}": scheme minus ${ref}, ${paired ? "paired" : "unpaired"} 95% intervals`,
    data: [{
      type: "heatmap", x: DISTANCE_METRICS.map((m) => m.label), y: rows,
      z: cells.map((r) => r.map((d, j) => verdict(d, DISTANCE_METRICS[j].higherIsBetter))), zmin: -1, zmax: 1, showscale: false,
      colorscale: [[0, "#f6dcdc"], [0.5, "#ffffff"], [1, "#dcf0dc"]],
      text: cells.map((r) => r.map(formatDistance)), texttemplate: "%{text}", hoverinfo: "skip", xgap: 1, ygap: 1,
    }],
    layout: { height: 120 + 34 * rows.length, margin: { t: 40, l: 120 }, xaxis: { side: "top" }, yaxis: { autorange: "reversed", automargin: true } },
    caption: `Green: the scheme is better than ${ref} on that output with 95% confidence, red: worse, white: not resolved. `
      + (paired ? `Intervals are paired: every scheme ran on the same paths as ${ref}. ` : `The run is not paired against ${ref}, so the intervals are unpaired (wider); run with "baseline": "${ref}" for paired ones. `)
      + "Log growth is the paired mean over paths where both equities stay positive (paired runs only).",
  };
}
