/**
 * The report of a study whose results.json is a comparison table: `table` is an array of
 * rows (one per market, configuration…), each with a label (its first string field) and numeric
 * columns or estimates `{estimate, lo, hi}`; `explanations` (strings) become the page's prose.
 * The calibration study (studies/calibrate-markets.ts) writes this shape. Each numeric column
 * is one small bar chart across rows, with 95% whiskers where the column is an estimate.
 */
import { type Figure, type ReportPage } from "./plotly-html.ts";
import { configurationSummary, dateFact, runTimeFact } from "./report-facts.ts";
import { at, type Problems } from "./document-checks.ts";

type Doc = Record<string, unknown>;
type Row = Record<string, unknown>;

/** Shape problems of a table document ("<path>: <what is wrong>"). */
export function checkTableDocument(doc: Doc): Problems {
  const problems: Problems = [];
  const t = doc.table;
  if (!Array.isArray(t) || t.length === 0) problems.push(`table: must be a non-empty array of rows; got ${Array.isArray(t) ? "an empty array" : typeof t}`);
  else t.forEach((r, i) => { if (r === null || typeof r !== "object" || Array.isArray(r)) problems.push(`table[${i}]: must be an object (one row)`); });
  return problems;
}

const isEstimate = (v: unknown): v is { estimate: number | null; lo: number | null; hi: number | null } =>
  !!v && typeof v === "object" && "estimate" in v && "lo" in v && "hi" in v;

/** The table report as a page description. */
export function tableReportPage(doc: Doc): ReportPage {
  const rows = doc.table as Row[];
  const labelKey = Object.keys(rows[0]).find((k) => typeof rows[0][k] === "string") ?? null;
  const labels = rows.map((r, i) => (labelKey ? String(r[labelKey]) : `row ${i + 1}`));
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))]
    .filter((k) => rows.some((r) => (typeof r[k] === "number" && Number.isFinite(r[k])) || isEstimate(r[k])));
  const scalars = Object.fromEntries(Object.entries(doc).filter(([k, v]) => typeof v !== "object" && !["git_revision", "date"].includes(k)));
  const study = String(doc.study ?? doc.scenario ?? "study");
  return {
    title: `${study}: comparison table`,
    facts: {
      study, rows: rows.length,
      seed: typeof doc.seed === "number" ? doc.seed : "not recorded",
      configuration: `${Object.entries(scalars).filter(([k]) => k !== "study" && k !== "seed").map(([k, v]) => `${k} ${v}`).join(", ")} · ${configurationSummary(doc.config ?? scalars)}`,
      "git revision": String(at(doc, "provenance.git_revision") ?? doc.git_revision ?? "not recorded"),
      date: dateFact(doc) ?? "not recorded",
      "run time (s)": runTimeFact(doc.timing as Record<string, unknown> | undefined),
    },
    notes: Array.isArray(doc.explanations) ? doc.explanations.map(String) : [],
    figures: columns.length ? [columnsFigure(rows, labels, columns)] : [],
    appendix: { title: "Results document", json: doc },
  };
}

function columnsFigure(rows: Row[], labels: string[], columns: string[]): Figure {
  const cols = 3, gridRows = Math.ceil(columns.length / cols);
  const data = columns.map((c, i) => {
    const cells = rows.map((r) => r[c]);
    const est = cells.map((v) => (isEstimate(v) ? v.estimate : typeof v === "number" ? v : null));
    const whisker = (side: "lo" | "hi") => cells.map((v, j) => {
      const e = est[j];
      if (!isEstimate(v) || v[side] === null || e === null) return 0;
      return side === "hi" ? v.hi! - e : e - v.lo!;
    });
    return {
      type: "bar", name: c, x: labels, y: est, xaxis: `x${i + 1}`, yaxis: `y${i + 1}`, showlegend: false,
      ...(cells.some(isEstimate) ? { error_y: { type: "data", symmetric: false, array: whisker("hi"), arrayminus: whisker("lo") } } : {}),
    };
  });
  return {
    id: "columns", title: "Every numeric column across rows", data,
    layout: {
      grid: { rows: gridRows, columns: cols, pattern: "independent", ygap: 0.45 }, height: 260 * gridRows, margin: { t: 40 },
      annotations: columns.map((c, i) => ({ text: c, xref: `x${i + 1} domain`, yref: `y${i + 1} domain`, x: 0.5, y: 1.2, showarrow: false })),
    },
    caption: "Whiskers are the 95% intervals the study reports for estimated columns.",
  };
}
