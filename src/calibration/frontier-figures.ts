/**
 * The frontier across scheme kinds drawn for the calibration report (plotly): the objective
 * against ruin and against the drawdown's 95th percentile, one curve per kind in parameter
 * order with 95% error bars on both axes, front points ringed in black, benchmarks as stars;
 * slippage in the hover text.
 */
import type { Figure } from "../report/plotly-html.ts";
import type { FrontierDocument, FrontierPoint } from "./scheme-frontier.ts";
import type { Estimate } from "../metrics/intervals.ts";

const bars = (es: Estimate[]) => ({
  type: "data", symmetric: false,
  array: es.map((e) => (e.hi ?? e.estimate ?? 0) - (e.estimate ?? 0)), arrayminus: es.map((e) => (e.estimate ?? 0) - (e.lo ?? e.estimate ?? 0)),
});

function axisFigure(doc: FrontierDocument, x: "ruin_probability" | "max_drawdown_p95", title: string): Figure {
  const at = new Map(doc.points.map((p) => [p.name, p]));
  const trace = (name: string, pts: FrontierPoint[], benchmark: boolean) => ({
    type: "scatter", mode: benchmark ? "markers" : "lines+markers", name,
    x: pts.map((p) => p[x].estimate), y: pts.map((p) => p.objective.estimate),
    error_x: { ...bars(pts.map((p) => p[x])), thickness: 0.8 }, error_y: { ...bars(pts.map((p) => p.objective)), thickness: 0.8 },
    text: pts.map((p) => `${p.name}${p.recommended ? " (recommended)" : ""}<br>slippage ${p.slippage.estimate?.toPrecision(3)}/yr${p.on_front ? "<br>on the front" : `<br>dominated by ${p.dominated_by}`}`),
    marker: {
      symbol: benchmark ? "star" : pts.map((p) => (p.recommended ? "diamond" : "circle")), size: pts.map((p) => (p.on_front ? 11 : 6)),
      line: { width: pts.map((p) => (p.on_front ? 2 : 0)), color: "#000" },
    },
    line: { width: 1 },
  });
  const kinds = Object.entries(doc.curves).filter(([, names]) => !at.get(names[0])!.benchmark);
  const benchmarks = doc.points.filter((p) => p.benchmark);
  return {
    id: `frontier-${x}`, title,
    data: [...kinds.map(([k, names]) => trace(k, names.map((n) => at.get(n)!), false)), ...benchmarks.map((b) => trace(b.name, [b], true))],
    layout: { xaxis: { title: { text: x === "ruin_probability" ? "ruin probability" : "max drawdown, 95th percentile" } }, yaxis: { title: { text: `objective (${doc.objective_sense === "max" ? "larger" : "smaller"} is better)` } } },
    caption: `${doc.points.length} points (every kind's grid, its recommendation — diamonds — and the benchmarks — stars) on ${doc.paths} common paths. `
      + `Ringed: the ${doc.front.length} points no other dominates (${doc.front_by_estimate.length} by the estimates alone). Rule: ${doc.rule}.`,
  };
}

/** The two frontier figures. */
export function frontierFigures(doc: FrontierDocument): Figure[] {
  return [
    axisFigure(doc, "ruin_probability", "One frontier across kinds: objective vs ruin (95% intervals)"),
    axisFigure(doc, "max_drawdown_p95", "One frontier across kinds: objective vs drawdown p95 (95% intervals)"),
  ];
}
