/**
 * Robustness to the fit drawn for the calibration report (plotly): per candidate of each kind,
 * the median objective (and ruin, and drawdown p95) over the draws of the fitted parameters with
 * bars from the 10th to the 90th percentile, the value on the fitted profile beside it; the
 * recommended and the robust choice are named in the hover text, each cap of the search (ruin,
 * and drawdown when --max-drawdown is given) drawn as a line on its figure.
 */
import type { Figure } from "../report/plotly-html.ts";
import type { RobustnessDocument, CandidateRobustness } from "./fit-robustness.ts";

/** The search's caps: ruin probability, and drawdown p95 when one was given. */
export interface RobustnessCaps { maxRuin: number; maxDrawdown?: number }

type Metric = "objective" | "ruin_probability" | "max_drawdown_p95";
const LABEL: Record<Metric, string> = { objective: "objective", ruin_probability: "ruin probability", max_drawdown_p95: "maximum drawdown, 95th percentile" };

function spreadFigure(doc: RobustnessDocument, metric: Metric, cap: number | undefined): Figure {
  const rows = Object.entries(doc.kinds).flatMap(([k, r]) => r.candidates.map((c) => ({ k, c, tag: c.name === r.robust_choice ? (c.name === r.recommended ? "recommended = robust" : "robust choice") : c.name === r.recommended ? "recommended" : "" })));
  const v = (c: CandidateRobustness) => c[metric];
  const finite = (x: number) => (Number.isFinite(x) ? x : null);
  return {
    id: `robustness-${metric}`, title: `Robustness to the fit: ${LABEL[metric]} over ${doc.draws_used} draws of the fitted parameters`,
    data: [
      {
        type: "scatter", mode: "markers", name: "median over draws (bars: 10th–90th percentile)", x: rows.map((r) => r.c.name), y: rows.map((r) => finite(v(r.c).q50)),
        error_y: { type: "data", symmetric: false, array: rows.map((r) => finite(v(r.c).q90 - v(r.c).q50)), arrayminus: rows.map((r) => finite(v(r.c).q50 - v(r.c).q10)) },
        text: rows.map((r) => r.tag), marker: { size: rows.map((r) => (r.tag ? 12 : 7)), symbol: rows.map((r) => (r.tag.includes("robust") ? "diamond" : "circle")) },
      },
      { type: "scatter", mode: "markers", name: "fitted profile", x: rows.map((r) => r.c.name), y: rows.map((r) => v(r.c).fitted), marker: { symbol: "x" } },
    ],
    layout: {
      xaxis: { tickangle: -45, automargin: true }, yaxis: { title: { text: metric === "objective" ? `objective (${doc.objective_sense === "max" ? "larger" : "smaller"} is better)` : LABEL[metric] } },
      shapes: cap === undefined ? [] : [{ type: "line", xref: "paper", x0: 0, x1: 1, y0: cap, y1: cap, line: { dash: "dot", color: "red" } }],
    },
    caption: `${doc.method}. Drawn: ${doc.drawn_parameters.join(", ") || "none"}; held at the estimate: ${doc.held_fixed.join("; ")}. ${doc.paths} common paths per run${doc.refused_draws.length ? `; ${doc.refused_draws.length} draws refused by the engine and left out (${doc.refused_draws[0].reason})` : ""}. Rule: ${doc.rule}.`,
  };
}

/** The objective, ruin and drawdown spread figures, each cap drawn on its own. */
export function robustnessFigures(doc: RobustnessDocument, caps: RobustnessCaps): Figure[] {
  return [spreadFigure(doc, "objective", undefined), spreadFigure(doc, "ruin_probability", caps.maxRuin), spreadFigure(doc, "max_drawdown_p95", caps.maxDrawdown)];
}
