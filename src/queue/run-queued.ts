/**
 * The coordinator of a queued run: puts one BullMQ job per shard i/N on the queue, waits
 * until every shard's result is stored in the run's Redis hash, then merges them exactly
 * as `npm run merge` does. It only reads and writes Redis, so it survives a Redis restart
 * (commands wait for the reconnection; jobs lost with a non-persistent Redis are added
 * again), and running the same command again resumes the same run (shard-job.ts) — a
 * shard that failed in an earlier attempt is tried again then, since its cause may be fixed.
 * The timeout holds even when Redis stops answering mid-run.
 */
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { decodeShardText } from "../shard/shard-file.ts";
import { mergeShards, type MergedShards } from "../shard/merge-shards.ts";
import { checkRedis, redacted, CONNECT_TIMEOUT_SECONDS } from "./check-redis.ts";
import { QUEUE_NAME, resultsKey, jobIdOf, RESULT_TTL_SECONDS, type ShardJobData } from "./shard-job.ts";
import { queuedRunKey } from "./run-inputs.ts";

export interface QueuedRunOptions {
  url: string;
  /** study file relative to the repository root */
  study: string;
  /** the study's flags (without --out, --shard, --workers, --quiet) */
  args: string[];
  /** number of shard jobs */
  shards: number;
  connectTimeoutSeconds?: number;
  /** give up after this many seconds of waiting, Redis up or down (0 = wait as long as it takes) */
  timeoutSeconds?: number;
  /** attempts per shard job before the run fails (default 5) */
  attempts?: number;
  log?: (line: string) => void;
}

/**
 * Runs the study through the queue and returns the merged shards (write them with
 * writePacingOutputs). Needs at least one `npm run worker` on the same Redis.
 * @throws Error naming the URL when Redis is unreachable, the shard whose job failed for
 *         good (with the worker's message), or the timeout
 */
export async function runQueued(o: QueuedRunOptions): Promise<MergedShards & { runId: string }> {
  const log = o.log ?? (() => {});
  await checkRedis(o.url, o.connectTimeoutSeconds ?? CONNECT_TIMEOUT_SECONDS);
  const { runId, files } = queuedRunKey(o.study, o.args, o.shards);
  const key = resultsKey(runId);
  const store = new Redis(o.url, { maxRetriesPerRequest: null });
  let lastOutage = 0;
  store.on("error", (e: Error) => {
    if (Date.now() - lastOutage > 5000) log(`redis ${redacted(o.url)}: ${e.message} — waiting for it to come back`);
    lastOutage = Date.now();
  });
  const queue = new Queue<ShardJobData>(QUEUE_NAME, { connection: { url: o.url, maxRetriesPerRequest: null } });
  queue.on("error", () => {}); // the store connection reports outages
  const field = (i: number) => `${i}/${o.shards}`;
  const attempts = o.attempts ?? 5;
  let missing = Array.from({ length: o.shards }, (_, k) => k + 1);
  let stopped = false;

  const collect = async (): Promise<MergedShards> => {
    log(`run ${runId}: ${o.shards} shard job(s) of ${o.study} on ${redacted(o.url)}`);
    let lastStatus = 0;
    for (let round = 0; !stopped; round++) {
      const stored = new Set(await store.hkeys(key));
      missing = missing.filter((i) => !stored.has(field(i)));
      if (missing.length === 0) break;
      if (round % 20 === 0) { // every ~5 s: (re)enqueue what is neither stored nor queued
        for (const i of missing) {
          const id = jobIdOf(runId, i);
          const job = await queue.getJob(id);
          let state = job ? await job.getState() : "missing";
          if (state === "failed" && round === 0) { // failed before this command: its cause may be fixed
            log(`shard ${field(i)}: failed in an earlier attempt (${job!.failedReason}) — trying again`);
            await job!.remove();
            state = "missing";
          }
          if (state === "failed") {
            if (await store.hexists(key, field(i))) continue;
            throw new Error(`queue: shard ${field(i)} of run ${runId} failed after ${job!.attemptsMade} attempt(s): ${job!.failedReason} — fix the cause and run the same command again to resume`);
          }
          if (state === "missing" || state === "unknown") {
            await queue.add("shard", { runId, study: o.study, args: o.args, files, index: i, count: o.shards }, {
              jobId: id, attempts, backoff: { type: "fixed", delay: 1000 }, removeOnComplete: true, removeOnFail: false,
            });
          }
        }
        await store.expire(key, RESULT_TTL_SECONDS);
      }
      if (Date.now() - lastStatus > 10_000) {
        const counts = await queue.getJobCounts("waiting", "active", "delayed", "failed");
        log(`run ${runId}: ${o.shards - missing.length}/${o.shards} shards stored; waiting ${counts.waiting}, active ${counts.active}, retrying ${counts.delayed}${counts.active + counts.waiting === 0 ? " — is a worker running? npm run worker -- --redis URL" : ""}`);
        lastStatus = Date.now();
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    const all = await store.hgetall(key);
    const shards = Object.entries(all).map(([f, text]) => ({ source: `redis ${key} ${f}`, shard: decodeShardText(text, `redis ${key} ${f}`) }));
    const merged = mergeShards(shards);
    await store.del(key);
    return merged;
  };

  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    if (!o.timeoutSeconds) return;
    timer = setTimeout(() => reject(new Error(`queue: run ${runId} not finished after ${o.timeoutSeconds} s (missing shards ${missing.map(field).join(", ")}${Date.now() - lastOutage < 10_000 ? "; Redis is not answering" : ""}) — start more workers, or run the same command again to keep waiting`)), o.timeoutSeconds * 1000);
  });
  const work = collect();
  work.catch(() => {}); // after a timeout its Redis commands fail as the connections close
  try {
    const merged = await Promise.race([work, deadline]);
    return { ...merged, runId };
  } finally {
    stopped = true;
    clearTimeout(timer);
    await closeWithin(queue, 2000);
    store.disconnect();
  }
}

/** Closes the queue's connections gracefully, or drops them when Redis does not answer within `ms`. */
async function closeWithin(queue: Queue, ms: number): Promise<void> {
  let t: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((r) => { t = setTimeout(() => r("late"), ms); });
  const closed = queue.close().then(() => "closed" as const, () => "closed" as const);
  if (await Promise.race([closed, late]) === "late") await queue.disconnect().catch(() => {});
  clearTimeout(t);
}
