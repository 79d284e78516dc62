/**
 * The BullMQ run end to end on a private redis-server: same bytes as one process, a worker
 * killed in the middle of a shard, a Redis restart, and an unreachable Redis.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Redis } from "ioredis";
import { main as queueCli } from "../../scripts/queue.ts";
import { checkRedis } from "../../src/queue/check-redis.ts";
import { resultsKey } from "../../src/queue/shard-job.ts";
import { queuedRunKey } from "../../src/queue/run-inputs.ts";
import { startRedis, stopRedis, freePort, type TestRedis } from "./redis-server.ts";
import { STUDY, until, singleResults, queuedResults } from "./helpers.ts";
import { comparable } from "../shard/helpers.ts";

const dir = mkdtempSync(join("out", "test-queue-"));
let redis: TestRedis;
const workers: { child: ChildProcess; log: () => string }[] = [];

/** A worker CLI in its own process group (so killing it also kills the shard it runs). */
function startWorker(url: string): { child: ChildProcess; log: () => string } {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts", "--redis", url, "--threads", "1", "--lock-seconds", "2"], { detached: true, stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  child.stderr!.on("data", (b: Buffer) => { log += b.toString(); });
  const w = { child, log: () => log };
  workers.push(w);
  return w;
}

function killWorker(w: { child: ChildProcess }, signal: NodeJS.Signals = "SIGKILL"): void {
  try { process.kill(-w.child.pid!, signal); } catch { /* already gone */ }
}

const single = (name: string, flags: string[]) => singleResults(dir, name, flags);
const queued = (name: string, flags: string[], shards: number) => queuedResults(redis.url, dir, name, flags, shards);

beforeAll(async () => { redis = await startRedis(); });
afterAll(async () => {
  for (const w of workers) killWorker(w);
  await stopRedis(redis);
});

describe("queue (BullMQ on Redis)", () => {
  it("npm run queue with two workers writes the single-process results.json (timing aside)", async () => {
    startWorker(redis.url); startWorker(redis.url);
    const flags = ["--paths", "900", "--steps", "60", "--block", "128", "--trace", "8"];
    const expected = await single("single-a", flags);
    await queueCli(["--redis", redis.url, "--shards", "3", "--quiet", STUDY, ...flags, "--out", join(dir, "queued-a")]);
    expect(comparable(readFileSync(join(dir, "queued-a", "results.json"), "utf8"))).toBe(expected);
    for (const w of workers.splice(0)) killWorker(w, "SIGTERM");
  });

  it("survives a worker killed in the middle of a shard: the job is retried, nothing counts twice", async () => {
    const flags = ["--paths", "1024", "--steps", "1500", "--block", "256", "--trace", "0"];
    const a = startWorker(redis.url);
    const run = queued("queued-kill", flags, 2);
    await until(() => a.log().includes("started"), "worker A to start a shard");
    await new Promise((r) => setTimeout(r, 500));
    expect(a.log()).not.toContain("stored"); // killed mid-shard
    killWorker(a); // SIGKILL the worker and the shard it runs: no clean-up, the lock just expires
    const b = startWorker(redis.url);
    const got = await run;
    expect(got).toBe(await single("single-kill", flags));
    const startedByB = b.log().match(/started/g)?.length ?? 0;
    expect(startedByB).toBe(2); // the killed shard was redone by B, plus the other one
    killWorker(b, "SIGTERM");
  });

  it("resumes after a Redis restart", async () => {
    const flags = ["--paths", "1024", "--steps", "400", "--block", "128", "--trace", "0"];
    const w = startWorker(redis.url);
    const run = queued("queued-restart", flags, 4);
    const probe = new Redis(redis.url, { maxRetriesPerRequest: null });
    probe.on("error", () => {});
    const key = resultsKey(queuedRunKey(STUDY, flags, 4).runId);
    await until(async () => (await probe.hlen(key)) >= 1, "a first shard result");
    probe.disconnect();
    await stopRedis(redis); // SIGTERM: the append-only file keeps the queue and the stored shards
    await new Promise((r) => setTimeout(r, 1000));
    redis = await startRedis(redis.port, redis.dir);
    const got = await run;
    expect(got).toBe(await single("single-restart", flags));
    killWorker(w, "SIGTERM");
  });

  it("an unreachable Redis fails with the URL and the timeout, without hanging", async () => {
    const port = await freePort(); // nothing listens there
    await expect(checkRedis(`redis://127.0.0.1:${port}`, 1)).rejects.toThrow(new RegExp(`^--redis redis://127.0.0.1:${port}: cannot reach Redis within 1 s \\(.*\\) — start redis-server there`));
    await expect(queueCli(["--redis", `redis://127.0.0.1:${port}`, "--connect-timeout", "1", STUDY, "--out", join(dir, "never")])).rejects.toThrow(/cannot reach Redis within 1 s/);
    await expect(queueCli(["--redis", "localhost:6379", STUDY, "--out", join(dir, "never")])).rejects.toThrow(/^--redis: must be a redis:\/\/ or rediss:\/\/ URL with a host; got "localhost:6379"/);
  });
});
