/**
 * The path-risk figures of the pacing report, each built from results.json alone and null when
 * the document predates the field: the maximum-drawdown distribution per scheme (box from its
 * quantiles), the cumulative ruin probability by year, and the paired differences against the
 * baseline as a forest plot (each scheme minus the baseline, every output, paired 95% interval)
 * and as a table.
 */
import type { PacingDocument } from "../engine/pacing-document.ts";
import type { Figure } from "./plotly-html.ts";

const PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

/** Box per scheme: 5%, 25%, 50%, 75% and 95% of the per-path maximum drawdown (whiskers at 5% and 95%). */
export function drawdownFigure(doc: PacingDocument): Figure | null {
  const d = doc.plots.drawdown;
  if (!d) return null;
  const data = Object.entries(d.schemes).map(([name, q], i) => ({
    type: "box", name, x: [name], lowerfence: [q[0]], q1: [q[1]], median: [q[2]], q3: [q[3]], upperfence: [q[4]],
    marker: { color: PALETTE[i % PALETTE.length] }, showlegend: false,
  }));
  return {
    id: "drawdown", title: "Maximum drawdown per path, by scheme",
    data, layout: { yaxis: { title: { text: "maximum drawdown (share of the running peak)" }, tickformat: ".0%" } },
    caption: "Box: quartiles and median over all paths; whiskers: 5% and 95%. A ruined path's drawdown is taken at its marked ruin equity.",
  };
}

/** Cumulative ruin probability at each year's end, one line per scheme with Wilson 95% intervals. */
export function ruinByYearFigure(doc: PacingDocument): Figure | null {
  const r = doc.ruin_by_year;
  if (!r || r.years.length === 0) return null;
  const data = Object.entries(r.schemes).map(([name, est], i) => ({
    type: "scatter", mode: "lines+markers", name, x: r.years, y: est.map((e) => e.estimate),
    line: { color: PALETTE[i % PALETTE.length] },
    error_y: { type: "data", symmetric: false, array: est.map((e) => (e.hi ?? 0) - (e.estimate ?? 0)), arrayminus: est.map((e) => (e.estimate ?? 0) - (e.lo ?? 0)) },
  }));
  return {
    id: "ruin-by-year", title: "Cumulative ruin probability by year",
    data, layout: { xaxis: { title: { text: "years" } }, yaxis: { title: { text: "ruined by then (share of paths)" }, rangemode: "tozero" } },
    caption: "Share of paths ruined by the end of each year (the last point is the horizon), with 95% Wilson intervals.",
  };
}

/** Forest plot: one panel per output, each scheme's difference to the baseline with its paired 95% interval. */
export function forestFigure(doc: PacingDocument): Figure | null {
  const diffs = doc.paired_differences.schemes, names = Object.keys(diffs);
  if (names.length === 0) return null;
  // ruin by year is in the table and the ruin-by-year figure; its last year is ruin_probability
  const metrics = Object.keys(diffs[names[0]]).filter((m) => !m.startsWith("ruin_by_year_"));
  const data: object[] = [], annotations: object[] = [];
  const gap = 0.25 / metrics.length, h = (1 - gap * (metrics.length - 1)) / metrics.length;
  metrics.forEach((m, i) => {
    const d = names.map((n) => diffs[n][m]);
    data.push({
      type: "scatter", mode: "markers", x: d.map((x) => x.estimate), y: names, xaxis: `x${i + 1}`, yaxis: `y${i + 1}`, showlegend: false,
      marker: { color: "#1f77b4", size: 8 },
      error_x: { type: "data", symmetric: false, array: d.map((x) => (x.paired.hi ?? x.estimate ?? 0) - (x.estimate ?? 0)), arrayminus: d.map((x) => (x.estimate ?? 0) - (x.paired.lo ?? x.estimate ?? 0)) },
    });
    annotations.push({ text: `<b>${m}</b>`, xref: "paper", yref: "paper", x: 0, y: 1 - i * (h + gap) + 0.002, xanchor: "left", yanchor: "bottom", showarrow: false });
  });
  const layout: Record<string, unknown> = { height: Math.max(400, metrics.length * (40 + 22 * names.length)), margin: { t: 30, l: 110 }, annotations, showlegend: false };
  metrics.forEach((_, i) => {
    const top = 1 - i * (h + gap);
    layout[`yaxis${i + 1}`] = { domain: [Math.max(0, top - h), top], anchor: `x${i + 1}` };
    layout[`xaxis${i + 1}`] = { anchor: `y${i + 1}`, zeroline: true, zerolinecolor: "#999" };
  });
  return {
    id: "forest", title: `Paired differences to "${doc.paired_differences.baseline}" (scheme minus baseline, 95% paired intervals)`,
    data, layout,
    caption: "Each panel is one output; a bar clear of the zero line is a difference the common random numbers resolve. Units as in results.json (per year where annualised).",
  };
}

/**
 * The paired differences as a table (drawn as a heatmap with the numbers written in its cells, so
 * it renders like every other figure): difference, paired and unpaired 95% bounds; a row is
 * shaded when its paired interval excludes zero (blue below, red above).
 */
export function pairedTableFigure(doc: PacingDocument): Figure | null {
  const rows = Object.entries(doc.paired_differences.schemes).flatMap(([n, ds]) => Object.entries(ds).map(([m, d]) => ({ n, m, d })));
  if (rows.length === 0) return null;
  const fmt = (v: number | null) => (v === null ? "—" : Math.abs(v) >= 1e-3 || v === 0 ? v.toPrecision(4) : v.toExponential(3));
  const columns = ["difference", "paired 95% lo", "paired 95% hi", "unpaired 95% lo", "unpaired 95% hi"];
  const side = (d: (typeof rows)[number]["d"]) => (d.paired.hi !== null && d.paired.hi < 0 ? -1 : d.paired.lo !== null && d.paired.lo > 0 ? 1 : 0);
  return {
    id: "paired-table", title: `Paired differences to "${doc.paired_differences.baseline}" (table)`,
    data: [{
      type: "heatmap", x: columns, y: rows.map((r) => `${r.n} · ${r.m}`),
      z: rows.map((r) => columns.map(() => side(r.d))), zmin: -1, zmax: 1, showscale: false,
      colorscale: [[0, "#dbe9f6"], [0.5, "#ffffff"], [1, "#f6dcdc"]],
      text: rows.map(({ d }) => [d.estimate, d.paired.lo, d.paired.hi, d.unpaired.lo, d.unpaired.hi].map(fmt)),
      texttemplate: "%{text}", hoverinfo: "skip", xgap: 1, ygap: 1,
    }],
    layout: {
      height: Math.min(2400, 120 + 22 * rows.length), margin: { t: 40, l: 260 },
      xaxis: { side: "top" }, yaxis: { autorange: "reversed", automargin: true },
    },
    caption: "Shaded rows: the paired interval excludes zero (blue: below, red: above). Common random numbers make the paired interval narrower than independent runs (unpaired) would give.",
  };
}
