/**
 * Faults around the queue that must not hang or leak: Redis going away mid-run (the
 * coordinator's --timeout still fires), a worker SIGKILLed alone (its study child dies with
 * it and the shard folder goes), and a Redis URL naming a database (used, or refused).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { Redis } from "ioredis";
import { runQueued } from "../../src/queue/run-queued.ts";
import { checkRedis, parseRedisUrl } from "../../src/queue/check-redis.ts";
import { QUEUE_NAME, jobIdOf } from "../../src/queue/shard-job.ts";
import { queuedRunKey } from "../../src/queue/run-inputs.ts";
import { startRedis, stopRedis, type TestRedis } from "./redis-server.ts";
import { STUDY, until } from "./helpers.ts";

let redis: TestRedis;
const workers: ChildProcess[] = [];

function alive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch { return false; }
}

beforeAll(async () => { redis = await startRedis(); });
afterAll(async () => {
  for (const w of workers) try { process.kill(-w.pid!, "SIGKILL"); } catch { /* gone */ }
  await stopRedis(redis);
});

describe("queue faults", () => {
  it("--timeout fires while Redis is down mid-run", async () => {
    const own = await startRedis();
    const run = runQueued({ url: own.url, study: STUDY, args: ["--paths", "128", "--steps", "30"], shards: 2, timeoutSeconds: 3 });
    run.catch(() => {});
    await new Promise((r) => setTimeout(r, 500));
    await stopRedis(own); // no worker, and now no Redis: every command would wait for the reconnection
    await expect(run).rejects.toThrow(/^queue: run [0-9a-f]{16} not finished after 3 s \(missing shards 1\/2, 2\/2; Redis is not answering\) — start more workers/);
  }, 30_000);

  it("a worker killed with SIGKILL takes its study child with it, and the shard folder goes", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts", "--redis", redis.url, "--threads", "1", "--lock-seconds", "2"], { detached: true, stdio: ["ignore", "ignore", "pipe"] });
    workers.push(child);
    let log = "";
    child.stderr!.on("data", (b: Buffer) => { log += b.toString(); });
    const run = runQueued({ url: redis.url, study: STUDY, args: ["--paths", "1024", "--steps", "20000", "--block", "1024", "--trace", "0"], shards: 1, timeoutSeconds: 60 });
    run.catch(() => {});
    await until(() => /started .* study pid \d+, folder \S+/.test(log), "the worker to start the shard");
    const [, pid, folder] = /study pid (\d+), folder (\S+)/.exec(log)!;
    await new Promise((r) => setTimeout(r, 300));
    expect(alive(Number(pid))).toBe(true);
    process.kill(child.pid!, "SIGKILL"); // the worker alone, not its process group
    await until(() => !alive(Number(pid)), `the study child ${pid} to exit`, 15);
    await until(() => !existsSync(folder), `the shard folder ${folder} to be removed`, 5);
  }, 60_000);

  it("a Redis URL with a database number uses that database, and refuses one the server lacks", async () => {
    expect(() => parseRedisUrl("redis://127.0.0.1:6379/x")).toThrow(/^--redis: the database after the host must be a number, e\.g\. redis:\/\/127\.0\.0\.1:6379\/2; got "\/x"/);
    await expect(checkRedis(`${redis.url}/99`, 2)).rejects.toThrow(new RegExp(`^--redis ${redis.url}/99: database 99 does not exist on this server \\(ERR DB index is out of range\\) — use a database number below the server's \`databases\` setting \\(16 by default\\)`));
    const args = ["--paths", "64", "--steps", "10"];
    await expect(runQueued({ url: `${redis.url}/3`, study: STUDY, args, shards: 1, timeoutSeconds: 1 })).rejects.toThrow(/not finished after 1 s/);
    const job = `bull:${QUEUE_NAME}:${jobIdOf(queuedRunKey(STUDY, args, 1).runId, 1)}`;
    const probe = new Redis(`${redis.url}/3`);
    const inDb3 = await probe.exists(job);
    await probe.select(0);
    const inDb0 = await probe.exists(job);
    probe.disconnect();
    expect([inDb3, inDb0]).toEqual([1, 0]);
  });
});
