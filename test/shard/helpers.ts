/** Shared by the shard, queue and reliability tests: small RS-1 scenarios and document bytes. */
import { rs1Scenario } from "../../src/scenario/presets/rs1.ts";
import { validateScenario } from "../../src/scenario/validate-scenario.ts";
import { pacingDocument } from "../../src/engine/pacing-document.ts";
import type { PacingRun } from "../../src/engine/run-pacing.ts";
import type { Scenario } from "../../src/scenario/scenario-schema.ts";
import { toJson } from "../../src/io/write-atomic.ts";

/** RS-1 at a test size. */
export function smallRs1(paths = 640, steps = 120, seed = 1): Scenario {
  return validateScenario({ ...rs1Scenario, paths, horizonSteps: steps, seed });
}

/** results.json bytes of a run, without the wall-clock `timing` and with a fixed date and revision. */
export function documentBytes(scenario: Scenario, run: PacingRun, blockPaths: number): string {
  const { timing: _t, ...rest } = pacingDocument(scenario, run, { gitRevision: "test", date: "2026-01-01", blockPaths });
  return toJson(rest);
}

/**
 * results.json text as written by a CLI, with `timing` (date, seconds, workers) removed, and the
 * git revision (runs in a dirty working tree record "-dirty" as the files change under them).
 */
export function comparable(resultsJson: string): string {
  const d = JSON.parse(resultsJson);
  delete d.timing;
  delete d.provenance.git_revision;
  return JSON.stringify(d);
}
