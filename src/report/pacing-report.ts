/**
 * The HTML report of a pacing run, rebuilt from its results document alone (so reports
 * can be regenerated without re-running): metrics with interval whiskers, the frontier
 * (opportunity cost or a path-risk measure against ruin, slippage as marker size; the axes are
 * selectable), leverage around a switch into stress, equity fan charts, the drawdown
 * distribution, ruin by year, and the paired differences to the baseline (forest plot and table);
 * with optimal benchmarks (gp, ac) and jump guards, how far each scheme is from gp and what each
 * guard changes (benchmark-figures.ts, jump-guard-figure.ts).
 */
import type { PacingDocument } from "../engine/pacing-document.ts";
import { METRICS, PATH_RISK_METRICS } from "../engine/pacing-results.ts";
import { plotlyHtml, plotlyHtmlParts, type Figure, type ReportPage } from "./plotly-html.ts";
import { configurationSummary, dateFact, runTimeFact } from "./report-facts.ts";
import { drawdownFigure, ruinByYearFigure, forestFigure, pairedTableFigure } from "./path-risk-figures.ts";
import { benchmarkFigures, benchmarkNotes } from "./benchmark-figures.ts";
import { jumpGuardFigure } from "./jump-guard-figure.ts";

const UNITS: Record<string, string> = {
  ruin_probability: "share of paths", opportunity_cost: "per year", slippage: "share of equity per year",
  slippage_bps: "bps of traded notional", turnover: "× equity per year",
  terminal_log_growth_mean_survivors: "log growth per year", terminal_log_growth_median: "log growth per year",
  max_drawdown_median: "share of the running peak", max_drawdown_p95: "share of the running peak",
  cvar5_terminal_return: "mean of the worst 5% of E_T/E₀ − 1", time_under_water: "share of steps", funding: "share of equity per year",
};

type Shown = (typeof METRICS)[number] | (typeof PATH_RISK_METRICS)[number];

/** The outputs a document holds: RS-1's, then the path-risk ones it has estimates for (older documents have none). */
function shownMetrics(doc: PacingDocument, names: string[]): Shown[] {
  const risk = PATH_RISK_METRICS.filter((m) => names.some((n) => doc.schemes[n][m]?.estimate != null));
  return [...METRICS, ...risk];
}

/** The RS-1 report as one standalone HTML string (plotly inlined, fully offline). */
export function pacingReportHtml(doc: PacingDocument): string {
  return plotlyHtml(pacingReportPage(doc));
}

/** The RS-1 report as the UTF-8 bytes of pacingReportHtml(doc) in parts, made without decoding or copying plotly.js (plotlyHtmlParts). */
export function pacingReportParts(doc: PacingDocument): Buffer[] {
  return plotlyHtmlParts(pacingReportPage(doc));
}

/** The RS-1 report as a page description (header facts, notes, figures), before rendering to HTML. */
export function pacingReportPage(doc: PacingDocument): ReportPage {
  const names = Object.keys(doc.schemes);
  return {
    title: `${doc.scenario}: leverage pacing schemes`,
    facts: {
      scenario: doc.scenario, paths: doc.paths, steps: doc.steps, "horizon (years)": doc.horizon_years, seed: doc.seed,
      configuration: configurationSummary(doc.config),
      "git revision": doc.provenance.git_revision, date: dateFact(doc as unknown as Record<string, unknown>) ?? "not recorded", engine: doc.provenance.engine,
      "run time (s)": runTimeFact(doc.timing),
      "simulation time (s)": typeof doc.timing.simulation_seconds === "number" ? doc.timing.simulation_seconds.toFixed(3) : "?", workers: doc.timing.workers ?? "?",
    },
    notes: [
      "Every estimate is shown with its 95% interval (Wilson for the ruin probability, delta method for slippage in bps, order statistics for medians and the drawdown's 95th percentile, the influence function for the CVaR, normal for means).",
      `All schemes run on the same market paths (common random numbers); differences to "${doc.paired_differences.baseline}" are therefore paired.`,
      ...benchmarkNotes(doc),
    ],
    figures: [
      metricsFigure(doc, names), frontierFigure(doc, names), ...benchmarkFigures(doc), leverageFigure(doc), fanFigure(doc),
      drawdownFigure(doc), jumpGuardFigure(doc), ruinByYearFigure(doc), forestFigure(doc), pairedTableFigure(doc), pairedFigure(doc),
    ]
      .filter((f): f is Figure => f !== null),
    appendix: { title: "Configuration", json: doc.config },
  };
}

function metricsFigure(doc: PacingDocument, names: string[]): Figure {
  const shown = shownMetrics(doc, names);
  const data = shown.map((m, i) => {
    const est = names.map((n) => doc.schemes[n][m].estimate);
    return {
      type: "bar", name: m, x: names, y: est, xaxis: `x${i + 1}`, yaxis: `y${i + 1}`, showlegend: false,
      error_y: {
        type: "data", symmetric: false,
        array: names.map((n, j) => (doc.schemes[n][m].hi ?? est[j] ?? 0) - (est[j] ?? 0)),
        arrayminus: names.map((n, j) => (est[j] ?? 0) - (doc.schemes[n][m].lo ?? est[j] ?? 0)),
      },
    };
  });
  const rows = Math.ceil(shown.length / 3);
  const layout: Record<string, unknown> = { grid: { rows, columns: 3, pattern: "independent" }, height: 300 * rows, annotations: [] };
  shown.forEach((m, i) => {
    (layout.annotations as object[]).push({ text: `${m}<br><sub>${UNITS[m]}</sub>`, xref: `x${i + 1} domain`, yref: `y${i + 1} domain`, x: 0.5, y: 1.15, showarrow: false });
  });
  return { id: "metrics", title: "Metrics per scheme (95% intervals)", data, layout: { ...layout, margin: { t: 60 } },
    caption: "Each panel is one output (RS-1's seven, then path risk); whiskers are 95% intervals over paths." };
}

function frontierFigure(doc: PacingDocument, names: string[]): Figure {
  const get = (n: string, m: Shown) => doc.schemes[n][m] ?? { estimate: null, lo: null, hi: null };
  const slip = names.map((n) => get(n, "slippage").estimate ?? 0);
  const maxSlip = Math.max(...slip, 1e-12);
  const axis = (m: Shown) => ({
    values: names.map((n) => get(n, m).estimate),
    error: { type: "data", symmetric: false, array: names.map((n) => (get(n, m).hi ?? 0) - (get(n, m).estimate ?? 0)), arrayminus: names.map((n) => (get(n, m).estimate ?? 0) - (get(n, m).lo ?? 0)) },
    title: `${m} (${UNITS[m]})`,
  });
  // the axes a reader can switch between: cost on x, risk on y (path-risk measures only when the document has them)
  const shown = shownMetrics(doc, names);
  const xs = (["opportunity_cost", "slippage", "max_drawdown_median", "max_drawdown_p95", "cvar5_terminal_return", "time_under_water"] as Shown[]).filter((m) => shown.includes(m));
  const ys = (["ruin_probability", "max_drawdown_median", "max_drawdown_p95", "cvar5_terminal_return"] as Shown[]).filter((m) => shown.includes(m));
  const x0 = axis("opportunity_cost"), y0 = axis("ruin_probability");
  const button = (which: "x" | "y", m: Shown) => {
    const a = axis(m);
    return { label: m, method: "update", args: [{ [which]: [a.values], [`error_${which}`]: [a.error] }, { [`${which}axis.title.text`]: a.title }] };
  };
  return {
    id: "frontier", title: "The trade-off: cost against risk, per scheme",
    data: [{
      type: "scatter", mode: "markers+text", x: x0.values, y: y0.values, text: names, textposition: "top center",
      marker: { size: slip.map((s) => 10 + 40 * Math.sqrt(s / maxSlip)), color: slip, colorscale: "Viridis", showscale: true, colorbar: { title: "slippage / yr" } },
      error_x: x0.error, error_y: y0.error,
    }],
    layout: {
      xaxis: { title: { text: x0.title } }, yaxis: { title: { text: y0.title } }, margin: { t: 70 },
      updatemenus: [
        { buttons: xs.map((m) => button("x", m)), direction: "down", x: 0, xanchor: "left", y: 1.18, yanchor: "top", showactive: true },
        { buttons: ys.map((m) => button("y", m)), direction: "down", x: 0.45, xanchor: "left", y: 1.18, yanchor: "top", showactive: true },
      ],
      annotations: [
        { text: "x:", x: -0.04, xref: "paper", y: 1.15, yref: "paper", showarrow: false },
        { text: "y:", x: 0.42, xref: "paper", y: 1.15, yref: "paper", showarrow: false },
      ],
    },
    caption: "Down and left is better; marker size and colour show slippage. Pacing buys a lower ruin probability with opportunity cost. The menus switch the axes to drawdown, CVaR or time under water.",
  };
}

function leverageFigure(doc: PacingDocument): Figure | null {
  const w = doc.plots.leverage_around_switch;
  if (!w) return null;
  const data: object[] = [
    { type: "scatter", mode: "lines", name: "target L*", x: w.steps, y: w.target, line: { color: "black", dash: "dot" } },
    ...Object.entries(w.schemes).map(([n, y]) => ({ type: "scatter", mode: "lines", name: n, x: w.steps, y })),
    { type: "scatter", mode: "lines", name: "regime", x: w.steps, y: w.regime, yaxis: "y2", line: { shape: "hv", color: "rgba(200,0,0,0.4)" }, fill: "tozeroy", fillcolor: "rgba(200,0,0,0.08)" },
  ];
  return {
    id: "leverage", title: `Leverage around a switch into the stressed regime (path ${w.path}${w.switch_step ? `, switch at step ${w.switch_step}` : ""})`,
    data, layout: { xaxis: { title: { text: "step" } }, yaxis: { title: { text: "leverage" } }, yaxis2: { overlaying: "y", side: "right", range: [0, 4], showgrid: false, title: { text: "regime" } } },
    caption: "The target leverage (dotted) and each scheme's held leverage; the shaded band is the volatility regime.",
  };
}

function fanFigure(doc: PacingDocument): Figure | null {
  const fan = doc.plots.equity_fan;
  if (!fan) return null;
  const data: object[] = [];
  const median = fan.quantiles.indexOf(0.5), lo = 0, hi = fan.quantiles.length - 1;
  Object.entries(fan.schemes).forEach(([n, q], i) => {
    const group = `g${i}`, color = PALETTE[i % PALETTE.length];
    data.push({ type: "scatter", mode: "lines", x: fan.steps, y: q[lo], line: { width: 0, color }, showlegend: false, legendgroup: group, hoverinfo: "skip" });
    data.push({ type: "scatter", mode: "lines", x: fan.steps, y: q[hi], fill: "tonexty", fillcolor: rgba(color, 0.1), line: { width: 0, color }, name: `${n} ${fan.quantiles[lo] * 100}–${fan.quantiles[hi] * 100}%`, legendgroup: group, showlegend: false });
    data.push({ type: "scatter", mode: "lines", x: fan.steps, y: q[median], name: `${n} median`, legendgroup: group, line: { color, width: 2 } });
  });
  return {
    id: "fan", title: `Equity fan charts (first ${fan.traced_paths} paths)`,
    data, layout: { xaxis: { title: { text: "step" } }, yaxis: { type: "log", title: { text: "equity / E₀" } } },
    caption: "Median and 5–95% band of equity over time; ruined paths stay at their ruin equity.",
  };
}

/** plotly's default colour cycle, named so a scheme's band and median line share a colour. */
const PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

function rgba(hex: string, alpha: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${alpha})`;
}

function pairedFigure(doc: PacingDocument): Figure {
  const names = Object.keys(doc.paired_differences.schemes);
  const metrics = ["ruin_probability", "opportunity_cost", "slippage", "turnover"];
  const data: object[] = [];
  for (const kind of ["paired", "unpaired"] as const) {
    data.push({
      type: "bar", name: `${kind} 95% interval width`,
      x: names.flatMap((n) => metrics.map((m) => `${n} · ${m}`)),
      y: names.flatMap((n) => metrics.map((m) => {
        const d = doc.paired_differences.schemes[n][m];
        return d[kind].hi !== null && d[kind].lo !== null && d.estimate !== null ? (d[kind].hi! - d[kind].lo!) / Math.max(Math.abs(d.estimate), 1e-12) : null;
      })),
    });
  }
  return {
    id: "paired", title: `Differences to "${doc.paired_differences.baseline}": paired vs unpaired interval width (RS-1 outputs)`,
    data, layout: { barmode: "group", height: 560, margin: { t: 30, b: 170 }, yaxis: { type: "log", title: { text: "interval width / |difference|" } } },
    caption: "Common random numbers make paired intervals of a difference narrower than independent runs would give.",
  };
}
