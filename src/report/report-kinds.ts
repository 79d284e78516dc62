/**
 * The registry of report renderers, keyed by the shape of a results document: each kind
 * says which documents it recognises (by their distinguishing keys), checks their shape and
 * renders them. `npm run report` uses it to rebuild every report without knowing which study
 * wrote which file; a new study adds one entry here.
 */
import type { PacingDocument } from "../engine/pacing-document.ts";
import { METRICS } from "../engine/pacing-results.ts";
import { UsageError } from "../errors.ts";
import type { ReportPage } from "./plotly-html.ts";
import { pacingReportPage } from "./pacing-report.ts";
import { checkInstrumentsDocument, instrumentsReportPage } from "./instruments-report.ts";
import { checkTableDocument, tableReportPage } from "./table-report.ts";
import { at, needEstimate, needNumber, needObject, needString, type Problems } from "./document-checks.ts";

type Doc = Record<string, unknown>;

export interface ReportKind {
  /** short id, e.g. "pacing" */
  kind: string;
  /** what the documents of this kind are, for messages */
  describe: string;
  /** the keys that identify the kind, for messages */
  signature: string[];
  /** true when the document carries this kind's signature keys */
  matches(doc: Doc): boolean;
  /** shape problems, "<path>: <what is wrong>"; empty when renderable */
  check(doc: Doc): Problems;
  /** @param file the results.json the document came from (for files beside it) */
  page(doc: Doc, file?: string): ReportPage;
}

/** RS-1 and other pacing runs: `scenario` + `schemes` + `paired_differences`. */
export const pacingKind: ReportKind = {
  kind: "pacing",
  describe: "a pacing study (RS-1 shape)",
  signature: ["scenario", "schemes", "paired_differences"],
  matches: (doc) => "scenario" in doc && "schemes" in doc && "paired_differences" in doc,
  check: checkPacingDocument,
  page: (doc) => pacingReportPage(doc as unknown as PacingDocument),
};

/** Synthetic instruments (RS-3 shape): `instruments`. */
export const instrumentsKind: ReportKind = {
  kind: "instruments",
  describe: "a synthetic-instrument study (RS-3 shape)",
  signature: ["instruments"],
  matches: (doc) => "instruments" in doc,
  check: checkInstrumentsDocument,
  page: (doc, file) => instrumentsReportPage(doc, file),
};

/** Comparison tables (the calibration study's shape): `table` (array of rows). */
export const tableKind: ReportKind = {
  kind: "table",
  describe: "a comparison-table study (e.g. calibrate-markets)",
  signature: ["table"],
  matches: (doc) => Array.isArray(doc.table),
  check: checkTableDocument,
  page: (doc) => tableReportPage(doc),
};

/** Every known kind, most specific first. */
export const REPORT_KINDS: ReportKind[] = [pacingKind, instrumentsKind, tableKind];

/**
 * The kind of `doc` read from `file`, after checking its shape.
 * @throws UsageError naming the file when no kind matches or the document's shape is wrong (every problem listed)
 */
export function detectReportKind(doc: Doc, file: string, kinds: ReportKind[] = REPORT_KINDS): ReportKind {
  const kind = kinds.find((k) => k.matches(doc));
  if (!kind) {
    const known = kinds.map((k) => `${k.describe}: ${k.signature.join(" + ")}`).join("; ");
    const keys = Object.keys(doc).slice(0, 8).join(", ") || "none";
    throw new UsageError(`${file}: not a results document any report knows (top-level keys: ${keys}) — expected ${known}`);
  }
  const problems = kind.check(doc);
  if (problems.length > 0) {
    const shown = problems.slice(0, 6).join("; ") + (problems.length > 6 ? `; and ${problems.length - 6} more` : "");
    throw new UsageError(`${file}: malformed ${kind.describe} — ${shown} — re-run the study that wrote it`);
  }
  return kind;
}

/** Shape problems of an RS-1 pacing document. */
export function checkPacingDocument(doc: Doc): Problems {
  const problems: Problems = [];
  needString(doc, "scenario", problems);
  for (const k of ["paths", "steps", "seed", "horizon_years"]) needNumber(doc, k, problems);
  const schemes = needObject(doc, "schemes", problems, true);
  for (const name of Object.keys(schemes ?? {})) {
    for (const m of METRICS) needEstimate(doc, `schemes.${name}.${m}`, problems);
  }
  needString(doc, "paired_differences.baseline", problems);
  needObject(doc, "paired_differences.schemes", problems);
  needObject(doc, "config", problems);
  needString(doc, "provenance.git_revision", problems);
  needString(doc, "timing.date", problems);
  needObject(doc, "timing", problems);
  needObject(doc, "plots", problems);
  const base = at(doc, "paired_differences.baseline");
  if (schemes && typeof base === "string" && !(base in schemes)) problems.push(`paired_differences.baseline: ${JSON.stringify(base)} is not one of the schemes`);
  return problems;
}
