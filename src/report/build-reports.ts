/**
 * Rebuilds every report under an output folder from the results.json files alone (nothing
 * is re-run): each file's study kind is detected from its shape (report-kinds.ts), its
 * report.html is written beside it, optionally its figures as PNG under `figures/`, and an
 * index.html at the top links them all. Files that cannot be rendered are listed, not fatal
 * to the others.
 */
import { dirname, join, relative } from "node:path";
import type { Browser } from "playwright-core";
import { writeFileAtomic } from "../io/write-atomic.ts";
import { checkOutputSet, replaceInOutputSet } from "../io/write-output-set.ts";
import { plotlyHtmlBytes } from "./plotly-html.ts";
import { readResultsFile } from "./results-file.ts";
import { detectReportKind, REPORT_KINDS, type ReportKind } from "./report-kinds.ts";
import { reportIndexHtml, type IndexEntry, type IndexFailure } from "./report-index.ts";
import { exportReportPngs } from "./png-export.ts";

export interface BuildOptions {
  /** the output folder: where index.html goes and links are relative to */
  outDir: string;
  /** results.json files to render (found under outDir by the caller) */
  files: string[];
  /** when given, each report's figures are also written as PNG */
  browser?: Browser;
  kinds?: ReportKind[];
}

export interface BuildOutcome {
  index: string;
  reports: { results: string; html: string; kind: string; pngs: string[] }[];
  failures: IndexFailure[];
}

/** Renders one results file to `report.html` beside it; returns the page title, kind and header facts. */
export function buildReport(file: string, kinds: ReportKind[] = REPORT_KINDS): { html: string; entry: Omit<IndexEntry, "report" | "results" | "pngs"> } {
  const set = checkOutputSet(dirname(file));
  if (set.state === "incomplete") throw new Error(`${file}: not rendered — ${set.reason}`);
  const doc = readResultsFile(file);
  const kind = detectReportKind(doc, file, kinds);
  const page = kind.page(doc, file);
  const html = join(dirname(file), "report.html");
  replaceInOutputSet(dirname(file), "report.html", plotlyHtmlBytes(page));
  return { html, entry: { kind: kind.kind, title: page.title, facts: page.facts } };
}

/** Builds every report in `files` and the index; PNGs too when a browser is given. */
export async function buildReports(options: BuildOptions): Promise<BuildOutcome> {
  const { outDir, files } = options;
  const entries: IndexEntry[] = [];
  const failures: IndexFailure[] = [];
  const reports: BuildOutcome["reports"] = [];
  for (const file of files) {
    try {
      const { html, entry } = buildReport(file, options.kinds);
      const pngs = options.browser ? await exportReportPngs(options.browser, html, join(dirname(file), "figures")) : [];
      reports.push({ results: file, html, kind: entry.kind, pngs });
      entries.push({ ...entry, report: rel(outDir, html), results: rel(outDir, file), pngs: pngs.map((p) => rel(outDir, p)) });
    } catch (e) {
      failures.push({ results: rel(outDir, file), error: (e as Error).message });
    }
  }
  const index = join(outDir, "index.html");
  writeFileAtomic(index, reportIndexHtml(`Reports under ${outDir}`, entries, failures));
  return { index, reports, failures };
}

function rel(from: string, to: string): string {
  return relative(from, to).split("\\").join("/");
}
