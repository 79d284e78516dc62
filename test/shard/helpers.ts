/** Shared by the shard, queue and reliability tests: small RS-1 scenarios and document bytes. */
import { rs1Scenario } from "../../src/scenario/presets/rs1.ts";
import { validateScenario } from "../../src/scenario/validate-scenario.ts";
import { pacingDocument } from "../../src/engine/pacing-document.ts";
import type { PacingRun } from "../../src/engine/run-pacing.ts";
import type { Scenario } from "../../src/scenario/scenario-schema.ts";
import { toJson } from "../../src/io/write-atomic.ts";
import { runPacing } from "../../src/engine/run-pacing.ts";
import { runShard } from "../../src/shard/run-shard.ts";
import { encodeShard, decodeShard } from "../../src/shard/shard-file.ts";
import { mergeShards } from "../../src/shard/merge-shards.ts";

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
 * results.json bytes of `scenario` run on 1 worker, 2 workers and as 3 shards merged through
 * the shard file (blocks of 128 paths, 20 traced), or an error naming the split that differs.
 */
export async function bytesAtAnySplit(scenario: Scenario): Promise<string> {
  const opts = { blockPaths: 128, tracePaths: 20 } as const;
  const one = documentBytes(scenario, await runPacing(scenario, { ...opts, workers: 1 }), 128);
  if (documentBytes(scenario, await runPacing(scenario, { ...opts, workers: 2 }), 128) !== one) throw new Error("2 workers differ from 1");
  const parts = [];
  for (let i = 1; i <= 3; i++) {
    const shard = await runShard(scenario, { index: i, count: 3 }, { ...opts, workers: 1 });
    parts.push({ source: `d${i}`, shard: decodeShard(JSON.parse(encodeShard(shard)), `d${i}`) });
  }
  const merged = mergeShards(parts);
  if (documentBytes(merged.scenario, merged.run, merged.blockPaths) !== one) throw new Error("3 merged shards differ from 1 worker");
  return one;
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
