/**
 * What a queued shard job carries, and where its result goes. A run is identified by a
 * hash of its study and flags, so the same command resumes the same run (after a crash of
 * the coordinator, or a Redis restart) instead of starting another one. Results live in
 * one Redis hash per run, one field per shard i/N — and i/N fixes the block range — so a
 * retried or duplicated job overwrites its own field with the same bytes: nothing counts twice.
 */
import { createHash } from "node:crypto";

/** The BullMQ queue every worker takes shard jobs from. */
export const QUEUE_NAME = "pacing-shards";

export interface ShardJobData {
  runId: string;
  /** study file, relative to the repository root (e.g. studies/rs1-pacing-thin-book.ts) */
  study: string;
  /** the study's flags, without --out, --shard, --workers and --quiet */
  args: string[];
  index: number;
  count: number;
}

/** The run id of `study` with `args` split into `count` shards (16 hex digits). */
export function runIdOf(study: string, args: string[], count: number): string {
  return createHash("sha256").update(JSON.stringify([study, args, count])).digest("hex").slice(0, 16);
}

/** The Redis hash holding a run's shard results (field "i/N" → shard JSON). */
export function resultsKey(runId: string): string {
  return `pacing:run:${runId}:shards`;
}

/** The BullMQ job id of shard i of a run (fixed, so re-adding a job is a no-op). */
export function jobIdOf(runId: string, index: number): string {
  return `${runId}-${index}`;
}
