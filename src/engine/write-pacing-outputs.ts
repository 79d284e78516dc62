/**
 * Writes a pacing run's outputs — DIR/results.json, DIR/results.csv and DIR/report.html —
 * as one set (src/io/write-output-set.ts): all three are computed first, then written
 * together, so a failure or interruption never leaves a mix of two runs. Shared by the study (one process) and `npm run merge` (shards), so both
 * write the same bytes for the same blocks (timing and date aside).
 */
import type { Scenario } from "../scenario/scenario-schema.ts";
import type { PacingRun } from "./run-pacing.ts";
import { pacingDocument, pacingCsv, type DocumentContext, type PacingDocument } from "./pacing-document.ts";
import { pacingReportParts } from "../report/pacing-report.ts";
import { plotlyBytes } from "../report/plotly-html.ts";
import { toJson } from "../io/write-atomic.ts";
import { writeOutputSet } from "../io/write-output-set.ts";

/**
 * Reads what the outputs need that does not depend on the run (plotly.js, 3.5 MB, inlined in
 * report.html), so that a caller can have it read while the paths are simulated.
 */
export function preparePacingOutputs(): void {
  plotlyBytes();
}

/**
 * Builds the results document of `run` and writes it with its CSV and HTML report to `dir`.
 *
 * @param dir output folder (created if missing)
 * @returns the document written to results.json
 */
export function writePacingOutputs(dir: string, scenario: Scenario, run: PacingRun, ctx: DocumentContext): PacingDocument {
  const doc = pacingDocument(scenario, run, ctx);
  writeOutputSet(dir, { "results.json": toJson(doc), "results.csv": pacingCsv(doc), "report.html": pacingReportParts(doc) });
  return doc;
}
