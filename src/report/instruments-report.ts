/**
 * The report of a synthetic-instrument study (RS-3 shape, reference-scenarios.md "Result
 * file"): per instrument id, the last window's delta-method vs realised volatility and ATR,
 * leverage against its cap, the share of windows where the cap binds, and the rows set aside.
 * Rendered generically from the document: any extra per-instrument series of the form
 * `{ dates: string[], <name>: number[] … }` is drawn as lines, so a richer RS-3 file needs no change here.
 */
import { plotlyHtml, type Figure, type ReportPage } from "./plotly-html.ts";
import { configurationSummary, runTimeFact } from "./report-facts.ts";
import { at, needObject, type Problems } from "./document-checks.ts";

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

/** The instruments report as standalone offline HTML. */
export function instrumentsReportHtml(doc: Doc): string {
  return plotlyHtml(instrumentsReportPage(doc));
}

/** The instruments report as a page description (header facts, notes, figures). */
export function instrumentsReportPage(doc: Doc): ReportPage {
  const instruments = doc.instruments as Record<string, Instrument>;
  const ids = Object.keys(instruments);
  const config = doc.config ?? doc.configuration ?? null;
  const facts: Record<string, string | number> = {
    study: String(doc.study ?? doc.scenario ?? "synthetic instruments"),
    instruments: ids.length,
    seed: seedFact(doc),
    configuration: config === null ? "not recorded" : configurationSummary(config),
    "git revision": String(at(doc, "provenance.git_revision") ?? doc.git_revision ?? "not recorded"),
    date: String(at(doc, "provenance.date") ?? doc.date ?? "not recorded"),
    "run time (s)": runTimeFact(doc.timing as Record<string, unknown> | undefined),
  };
  const figures = [volatilityFigure(instruments, ids), leverageFigure(instruments, ids), ...seriesFigures(instruments, ids)]
    .filter((f): f is Figure => f !== null);
  const notes = ids.map((id) => {
    const i = instruments[id];
    const aside = Array.isArray(i.set_aside) ? i.set_aside.length : 0;
    return `${id}: ${i.dates ?? "?"} common dates, ${i.first_date ?? "?"} to ${i.last_date ?? "?"}; ${aside} row(s) set aside by the data policy.`;
  });
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
  const fields = ["delta_vol", "realised_vol", "atr14"].filter((f) => ids.some((id) => num(lastWindow(instruments[id])[f]) !== null));
  if (fields.length === 0) return null;
  return {
    id: "volatility", title: "Last window: delta-method vs realised volatility and ATR(14), relative to S",
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
