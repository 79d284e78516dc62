/**
 * Writes a pacing run's outputs — DIR/results.json, DIR/results.csv and DIR/report.html —
 * each atomically. Shared by the study (one process) and `npm run merge` (shards), so both
 * write the same bytes for the same blocks (timing and date aside).
 */
import { join } from "node:path";
import type { Scenario } from "../scenario/scenario-schema.ts";
import type { PacingRun } from "./run-pacing.ts";
import { pacingDocument, pacingCsv, type DocumentContext, type PacingDocument } from "./pacing-document.ts";
import { pacingReportHtml } from "../report/pacing-report.ts";
import { writeFileAtomic, toJson } from "../io/write-atomic.ts";

/**
 * Builds the results document of `run` and writes it with its CSV and HTML report to `dir`.
 *
 * @param dir output folder (created if missing)
 * @returns the document written to results.json
 */
export function writePacingOutputs(dir: string, scenario: Scenario, run: PacingRun, ctx: DocumentContext): PacingDocument {
  const doc = pacingDocument(scenario, run, ctx);
  writeFileAtomic(join(dir, "results.json"), toJson(doc));
  writeFileAtomic(join(dir, "results.csv"), pacingCsv(doc));
  writeFileAtomic(join(dir, "report.html"), pacingReportHtml(doc));
  return doc;
}
