/**
 * What a queued shard job carries, and where its result goes. A run is identified by a
 * hash of what it computes (run-inputs.ts), so the same command resumes the same run (after
 * a crash of the coordinator, or a Redis restart) instead of starting another one, and an
 * edited config starts a new one. Results live in one Redis hash per run, one field per
 * shard i/N — and i/N fixes the block range — so a retried or duplicated job overwrites its
 * own field with the same bytes: nothing counts twice. The hash expires RESULT_TTL_SECONDS
 * after its last write, so results abandoned by a coordinator do not stay forever.
 */
import type { InputFile } from "./run-inputs.ts";

/** The BullMQ queue every worker takes shard jobs from. */
export const QUEUE_NAME = "pacing-shards";

export interface ShardJobData {
  runId: string;
  /** study file, relative to the repository root (e.g. studies/rs1-pacing-thin-book.ts) */
  study: string;
  /** the study's flags, without --out, --shard, --workers and --quiet */
  args: string[];
  /** files named by `args`, carried in the job (absent in jobs queued before they were) */
  files?: InputFile[];
  index: number;
  count: number;
}

/** Lifetime of a run's stored shard results after their last write, seconds (3 days). */
export const RESULT_TTL_SECONDS = 3 * 24 * 3600;

/** The Redis hash holding a run's shard results (field "i/N" → shard JSON). */
export function resultsKey(runId: string): string {
  return `pacing:run:${runId}:shards`;
}

/** The BullMQ job id of shard i of a run (fixed, so re-adding a job is a no-op). */
export function jobIdOf(runId: string, index: number): string {
  return `${runId}-${index}`;
}
