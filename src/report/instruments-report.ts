/**
 * The report of a synthetic-instrument study (RS-3 shape, reference-scenarios.md "Result
 * file"): per instrument id, the last window's delta-method vs realised volatility and ATR,
 * leverage against its cap, the share of windows where the cap binds, and the rows set aside.
 * When the study's per-window CSVs (`<id>-windows.csv`) sit beside results.json, the rolling
 * series are drawn too: S, delta-method vs realised volatility and ATR, leverage with the cap
 * shaded; the legs' correlation heatmap comes from `leg_correlation`. Any other per-instrument
 * series of the form `{ dates: string[], <name>: number[] … }` is drawn as lines.
 */
import { statSync } from "node:fs";
import { dirname, join } from "node:path";
import { plotlyHtml, type Figure, type ReportPage } from "./plotly-html.ts";
import { readWindowsCsv, type WindowColumns } from "./instrument-windows.ts";
import { configurationSummary, dateFact, runTimeFact } from "./report-facts.ts";
import { at, needObject, type Problems } from "./document-checks.ts";
import { pyramidingFigures, rebalanceNotes } from "./instrument-policy-figures.ts";

type Doc = Record<string, unknown>;
type Instrument = Record<string, unknown>;

/** Shape problems of an instruments document ("<path>: <what is wrong>"; empty when usable). */
export function checkInstrumentsDocument(doc: Doc): Problems {
  const problems: Problems = [];
  const instruments = needObject(doc, "instruments", problems, true);
  for (const [id, v] of Object.entries(instruments ?? {})) {
    if (v === null || typeof v !== "object" || Array.isArray(v)) problems.push(`instruments.${id}: must be an object`);
    else if ("last_window" in v) needObject(doc, `instruments.${id}.last_window`, problems);
  }
  return problems;
}

/** The instruments report as standalone offline HTML (`file`: the results.json it came from, if any). */
export function instrumentsReportHtml(doc: Doc, file?: string): string {
  return plotlyHtml(instrumentsReportPage(doc, file));
}

/**
 * The instruments report as a page description (header facts, notes, figures).
 * @param file the results.json path: its folder is searched for `<id>-windows.csv`, its mtime dates a document that records no date
 */
export function instrumentsReportPage(doc: Doc, file?: string): ReportPage {
  const instruments = doc.instruments as Record<string, Instrument>;
  const ids = Object.keys(instruments);
  const config = doc.config ?? doc.configuration ?? null;
  const facts: Record<string, string | number> = {
    study: String(doc.study ?? doc.scenario ?? "synthetic instruments"),
    instruments: ids.length,
    seed: seedFact(doc),
    configuration: config === null ? "not recorded" : configurationSummary(config),
    "git revision": String(at(doc, "provenance.git_revision") ?? doc.git_revision ?? "not recorded"),
    date: dateFact(doc) ?? (file ? `${statSync(file).mtime.toISOString()} (file time; not recorded by the study)` : "not recorded"),
    "run time (s)": runTimeFact(doc.timing as Record<string, unknown> | undefined),
  };
  const cap = num(at(doc, "config.leverage_cap")) ?? num(at(doc, "config.cap"));
  const risk = num(at(doc, "config.risk_fraction"));
  const windows = ids.flatMap((id) => {
    const w = file ? readWindowsCsv(join(dirname(file), `${id}-windows.csv`)) : null;
    return w ? windowFigures(id, w, cap, risk) : [];
  });
  const correlations = ids.map((id) => correlationFigure(id, instruments[id])).filter((f): f is Figure => f !== null);
  const figures = [volatilityFigure(instruments, ids), leverageFigure(instruments, ids), ...windows, ...pyramidingFigures(instruments, ids), ...correlations, ...seriesFigures(instruments, ids)]
    .filter((f): f is Figure => f !== null);
  const notes = ids.map((id) => {
    const i = instruments[id];
    const aside = Array.isArray(i.set_aside) ? i.set_aside.length : 0;
    const share = num(i.cap_binding_share), capOf = num(i.cap) ?? cap;
    return `${id}: ${i.dates ?? "?"} common dates, ${i.first_date ?? "?"} to ${i.last_date ?? "?"}; ${aside} row(s) set aside by the data policy${share !== null ? `; the ${capOf ?? "?"}× cap binds in ${(100 * share).toFixed(1)}% of windows` : ""}.`;
  }).concat(rebalanceNotes(instruments, ids));
  return { title: `${facts.study}: synthetic instruments`, facts, notes, figures, appendix: { title: "Results document", json: doc } };
}

function seedFact(doc: Doc): string | number {
  const s = doc.seed ?? at(doc, "config.seed");
  return typeof s === "number" ? s : "none (deterministic study)";
}

function lastWindow(i: Instrument): Record<string, unknown> {
  const w = i.last_window;
  return w && typeof w === "object" ? (w as Record<string, unknown>) : {};
}

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

function volatilityFigure(instruments: Record<string, Instrument>, ids: string[]): Figure | null {
  const fields = ["delta_vol", "realised_vol", "atr14", "atr"].filter((f) => ids.some((id) => num(lastWindow(instruments[id])[f]) !== null));
  if (fields.length === 0) return null;
  return {
    id: "volatility", title: "Last window: delta-method vs realised volatility and ATR, relative to S",
    data: fields.map((f) => ({
      type: "bar", name: f, x: ids,
      y: ids.map((id) => { const w = lastWindow(instruments[id]); const v = num(w[f]), s = num(w.S); return v !== null && s ? v / s : null; }),
    })),
    layout: { barmode: "group", yaxis: { title: { text: "daily, share of S" } } },
    caption: "Daily volatility in price units divided by the ratio's price; the delta method should track the realised figure.",
  };
}

function leverageFigure(instruments: Record<string, Instrument>, ids: string[]): Figure | null {
  const lev = ids.map((id) => num(lastWindow(instruments[id]).leverage));
  const share = ids.map((id) => num(instruments[id].cap_binding_share));
  if (lev.every((v) => v === null) && share.every((v) => v === null)) return null;
  return {
    id: "leverage", title: "Leverage at the last window and share of windows where the cap binds",
    data: [
      { type: "bar", name: "leverage (last window)", x: ids, y: lev },
      { type: "scatter", mode: "markers", name: "cap binding share", x: ids, y: share, yaxis: "y2", marker: { size: 12, symbol: "diamond" } },
    ],
    layout: { yaxis: { title: { text: "leverage (× capital)" } }, yaxis2: { overlaying: "y", side: "right", range: [0, 1], title: { text: "share of windows" } } },
    caption: "Risk-parity leverage R/delta_vol·S/capital, capped at the study's limit; the diamonds show how often the cap bound.",
  };
}

/** The rolling series of one instrument from its per-window CSV. */
function windowFigures(id: string, w: WindowColumns, cap: number | null, risk: number | null): Figure[] {
  const c = w.columns, x = w.dates, slug = id.replace(/[^A-Za-z0-9_-]/g, "_");
  const figures: Figure[] = [];
  if (c.S) figures.push({ id: `${slug}-price`, title: `${id}: price of S = A/B (at each window's end)`, data: [{ type: "scatter", mode: "lines", name: "S", x, y: c.S }], layout: { yaxis: { title: { text: "S" } } } });
  if (c.delta_vol && c.realised_vol) {
    figures.push({
      id: `${slug}-vol`, title: `${id}: rolling volatility of S (price units per step)`,
      data: [
        { type: "scatter", mode: "lines", name: "delta method (G3)", x, y: c.delta_vol },
        { type: "scatter", mode: "lines", name: "realised sd of ΔS", x, y: c.realised_vol },
        ...(c.atr14 ?? c.atr ? [{ type: "scatter", mode: "lines", name: c.atr14 ? "ATR(14), close to close" : "ATR, close to close", x, y: c.atr14 ?? c.atr, line: { dash: "dot" } }] : []),
      ],
      caption: "Where the two volatility lines part, the linearisation (or the window's mix of regimes) misleads.",
    });
  }
  if (c.leverage) {
    // uncapped leverage = (capital·risk/delta_vol)·S/capital = risk·S/delta_vol (G4)
    const uncapped = c.uncapped_leverage ?? (risk !== null && c.S && c.delta_vol ? c.S.map((s, i) => (risk * s) / c.delta_vol[i]) : null);
    const top = Math.max(cap ?? 0, ...(uncapped ?? c.leverage).filter(Number.isFinite));
    figures.push({
      id: `${slug}-lev`, title: `${id}: leverage of the risk-constant position${cap !== null ? `, cap ${cap}× shaded` : ""}`,
      data: [
        ...(uncapped ? [{ type: "scatter", mode: "lines", name: "uncapped", x, y: uncapped, line: { color: "#bbb" } }] : []),
        { type: "scatter", mode: "lines", name: "held (capped)", x, y: c.leverage },
      ],
      layout: {
        yaxis: { title: { text: "leverage (× capital)" }, type: "log" },
        shapes: cap !== null ? [{ type: "rect", xref: "paper", x0: 0, x1: 1, y0: cap, y1: Math.max(1.5 * cap, top), fillcolor: "rgba(220,50,50,0.12)", line: { width: 0 } }] : [],
      },
    });
  }
  return figures;
}

function correlationFigure(id: string, i: Instrument): Figure | null {
  const lc = i.leg_correlation as { legs?: unknown; matrix?: unknown } | undefined;
  if (!lc || !Array.isArray(lc.legs) || !Array.isArray(lc.matrix) || lc.matrix.length !== lc.legs.length ** 2 || lc.legs.length < 2) return null;
  const k = lc.legs.length, m = lc.matrix as number[];
  return {
    id: `${id.replace(/[^A-Za-z0-9_-]/g, "_")}-corr`, title: `${id}: correlation of the legs' daily log returns`,
    data: [{ type: "heatmap", z: Array.from({ length: k }, (_, r) => m.slice(r * k, (r + 1) * k)), x: lc.legs, y: lc.legs, zmin: -1, zmax: 1, colorscale: "RdBu", reversescale: true }],
    layout: { height: 360 },
  };
}

/** Per instrument, any `{ dates, name: number[] }` object becomes one line chart. */
function seriesFigures(instruments: Record<string, Instrument>, ids: string[]): Figure[] {
  const figures: Figure[] = [];
  for (const id of ids) {
    for (const [key, v] of Object.entries(instruments[id])) {
      if (!v || typeof v !== "object" || Array.isArray(v)) continue;
      const s = v as Record<string, unknown>;
      if (!Array.isArray(s.dates)) continue;
      const n = s.dates.length;
      const lines = Object.entries(s).filter(([k, a]) => k !== "dates" && Array.isArray(a) && a.length === n && a.some((x) => typeof x === "number"));
      if (lines.length === 0) continue;
      figures.push({
        id: `series-${figures.length}`, title: `${id}: ${key}`,
        data: lines.map(([name, y]) => ({ type: "scatter", mode: "lines", name, x: s.dates, y })),
        layout: { xaxis: { type: "date" } },
      });
    }
  }
  return figures;
}
