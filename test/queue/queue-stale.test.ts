/**
 * The queue never serves results of another configuration: a run is keyed by what it
 * computes (the config file's content, not its path), stored results expire, and a shard
 * that failed in an earlier run is tried again once its cause is fixed.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Redis } from "ioredis";
import { Queue, Worker, UnrecoverableError } from "bullmq";
import { runQueued } from "../../src/queue/run-queued.ts";
import { QUEUE_NAME, resultsKey, jobIdOf, type ShardJobData } from "../../src/queue/shard-job.ts";
import { queuedRunKey } from "../../src/queue/run-inputs.ts";
import { rs1Scenario } from "../../src/scenario/presets/rs1.ts";
import { startRedis, stopRedis, type TestRedis } from "./redis-server.ts";
import { STUDY, until, singleResults, queuedResults } from "./helpers.ts";

const dir = mkdtempSync(join("out", "test-queue-stale-"));
let redis: TestRedis;
const workers: ChildProcess[] = [];

function startWorker(url: string): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts", "--redis", url, "--threads", "1", "--lock-seconds", "2", "--quiet"], { detached: true, stdio: "ignore" });
  workers.push(child);
  return child;
}
function stopWorker(c: ChildProcess): void {
  try { process.kill(-c.pid!, "SIGTERM"); } catch { /* gone */ }
}
const single = (name: string, flags: string[]) => singleResults(dir, name, flags);
const queued = (name: string, flags: string[], shards: number) => queuedResults(redis.url, dir, name, flags, shards);

beforeAll(async () => { redis = await startRedis(); });
afterEach(() => { for (const w of workers.splice(0)) stopWorker(w); });
afterAll(async () => { await stopRedis(redis); });

describe("queue: no stale results", () => {
  it("a queued run after editing its config gives the edited config's results, even with the old run's results still stored", async () => {
    const config = join(dir, "scenario.json");
    const flags = ["--config", config, "--paths", "256", "--steps", "60", "--block", "128", "--trace", "0"];
    writeFileSync(config, JSON.stringify({ ...rs1Scenario, ruinBarrier: 0.9 }));
    // a coordinator that gave up (Ctrl-C, --timeout) while a worker went on storing the shards
    await expect(runQueued({ url: redis.url, study: STUDY, args: flags, shards: 2, timeoutSeconds: 1 })).rejects.toThrow(/not finished after 1 s/);
    startWorker(redis.url);
    const probe = new Redis(redis.url);
    const key = resultsKey(queuedRunKey(STUDY, flags, 2).runId);
    await until(async () => (await probe.hlen(key)) === 2, "the abandoned run's shards to be stored");
    expect(await probe.ttl(key)).toBeGreaterThan(0); // stored results expire
    probe.disconnect();
    writeFileSync(config, JSON.stringify({ ...rs1Scenario, ruinBarrier: 0.3 }, null, 2));
    const got = await queued("edited", flags, 2);
    expect(got).toBe(await single("edited-single", flags));
    expect(JSON.parse(got).config.ruinBarrier).toBe(0.3);
  });

  it("a shard that failed in an earlier run is tried again when the same command runs again", async () => {
    const flags = ["--paths", "128", "--steps", "30", "--block", "128", "--trace", "0"];
    const { runId } = queuedRunKey(STUDY, flags, 1);
    // an earlier run whose only shard failed for good (say a worker without the kernel built)
    const queue = new Queue<ShardJobData>(QUEUE_NAME, { connection: { url: redis.url } });
    await queue.add("shard", { runId, study: STUDY, args: flags, files: [], index: 1, count: 1 }, { jobId: jobIdOf(runId, 1), attempts: 1, removeOnFail: false });
    const failing = new Worker<ShardJobData>(QUEUE_NAME, async () => { throw new UnrecoverableError("build/kernel.wasm: missing"); }, { connection: { url: redis.url, maxRetriesPerRequest: null } });
    await until(async () => (await (await queue.getJob(jobIdOf(runId, 1)))?.getState()) === "failed", "the earlier run's shard to fail");
    await failing.close();
    await queue.close();
    startWorker(redis.url); // the cause is fixed
    const got = await queued("retried", flags, 1);
    expect(got).toBe(await single("retried-single", flags));
  });
});
