/**
 * A queue worker: takes shard jobs from BullMQ, runs each shard of the study in a child
 * process (`<study> <flags> --shard i/N --out <tmp>`), and stores the shard file in the run's
 * Redis hash under the field i/N (shard-job.ts), so a retried job only rewrites its own result.
 *
 * The shard runs in a child so this process's event loop stays free to renew the job lock:
 * a worker that dies (or is killed) stops renewing it, BullMQ finds the job stalled after
 * the lock expires and hands it to another worker. Bad study flags (the child exits 2) fail
 * the job at once instead of retrying it. A child outlives no worker: it watches its parent
 * (exit-with-parent.ts) and ends itself, removing its shard folder, when the worker is gone;
 * a folder left by a worker and child killed together is removed by the next worker to start
 * on the machine (sweepOrphanFolders).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, relative, isAbsolute } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker, UnrecoverableError, type Job } from "bullmq";
import { Redis } from "ioredis";
import { decodeShardText } from "../shard/shard-file.ts";
import { QUEUE_NAME, resultsKey, RESULT_TTL_SECONDS, type ShardJobData } from "./shard-job.ts";
import { materializeInputs } from "./run-inputs.ts";
import { processRunning } from "../io/process-running.ts";

/** The repository root (studies are resolved against it on every machine). */
export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Shard folders are tmpdir()/pacing-shard-<worker pid>-<run id>-<shard>-<random>. */
const FOLDER_PREFIX = "pacing-shard-";
const EXIT_WITH_PARENT = pathToFileURL(fileURLToPath(new URL("./exit-with-parent.ts", import.meta.url))).href;

export interface ShardWorkerOptions {
  url: string;
  /** worker threads each shard's study uses (its --workers) */
  threads?: number;
  /** jobs run at once by this worker (default 1) */
  concurrency?: number;
  /** job lock, seconds: how long a dead worker's job waits before another takes it (default 30) */
  lockSeconds?: number;
  log?: (line: string) => void;
}

export interface ShardWorker {
  /** Stops taking jobs, kills running shards (they go back to the queue) and disconnects. */
  close(): Promise<void>;
}

/** Starts a worker on the queue at `url` (see the module comment). */
export function startShardWorker(options: ShardWorkerOptions): ShardWorker {
  const log = options.log ?? (() => {});
  for (const dir of sweepOrphanFolders()) log(`removed ${dir}, left by a worker that is gone`);
  const lock = (options.lockSeconds ?? 30) * 1000;
  const store = new Redis(options.url, { maxRetriesPerRequest: null });
  store.on("error", () => {}); // reconnects by itself; BullMQ reports the outage
  const children = new Set<ChildProcess>();
  const worker = new Worker<ShardJobData>(QUEUE_NAME, async (job: Job<ShardJobData>) => {
    const d = job.data;
    const dir = mkdtempSync(join(tmpdir(), `${FOLDER_PREFIX}${process.pid}-${d.runId}-${d.index}-`));
    try {
      await runStudyShard(d, dir, options.threads ?? 1, children, (pid) => log(`shard ${d.index}/${d.count} of run ${d.runId}: started (attempt ${job.attemptsMade + 1}) — study pid ${pid}, folder ${dir}`));
      const text = readFileSync(join(dir, "shard.json"), "utf8");
      const shard = decodeShardText(text, `shard ${d.index}/${d.count}`); // never store a damaged file
      await store.multi().hset(resultsKey(d.runId), `${d.index}/${d.count}`, text).expire(resultsKey(d.runId), RESULT_TTL_SECONDS).exec();
      log(`shard ${d.index}/${d.count} of run ${d.runId}: stored blocks ${shard.blocks.first}…${shard.blocks.first + shard.blocks.count - 1}`);
      return { blocks: shard.blocks };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, {
    connection: { url: options.url, maxRetriesPerRequest: null },
    concurrency: options.concurrency ?? 1,
    lockDuration: lock,
    stalledInterval: Math.max(1000, lock / 2),
    maxStalledCount: 3,
  });
  worker.on("error", (e) => log(`redis: ${e.message} (retrying)`));
  return {
    async close() {
      for (const c of children) c.kill("SIGKILL");
      await worker.close(true);
      store.disconnect();
    },
  };
}

/**
 * Removes the shard folders in tmpdir() whose worker (the pid in the name) is no longer
 * running; returns their paths.
 */
export function sweepOrphanFolders(root = tmpdir()): string[] {
  const removed: string[] = [];
  for (const name of readdirSync(root)) {
    const m = new RegExp(`^${FOLDER_PREFIX}(\\d+)-`).exec(name);
    if (!m || Number(m[1]) === process.pid || processRunning(Number(m[1]))) continue;
    rmSync(join(root, name), { recursive: true, force: true });
    removed.push(join(root, name));
  }
  return removed;
}

/** Runs the study for one shard into `dir`; rejects with the child's last stderr lines. */
function runStudyShard(d: ShardJobData, dir: string, threads: number, children: Set<ChildProcess>, started: (pid: number) => void): Promise<void> {
  const study = resolve(REPO_ROOT, d.study);
  const rel = relative(join(REPO_ROOT, "studies"), study);
  if (rel.startsWith("..") || isAbsolute(rel) || !existsSync(study)) {
    throw new UnrecoverableError(`study ${JSON.stringify(d.study)}: not a file under studies/ of this checkout — run the same checkout on every machine`);
  }
  const args = [...materializeInputs(d.args, d.files ?? [], dir), "--shard", `${d.index}/${d.count}`, "--out", dir, "--quiet", "--workers", String(threads)];
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ["--import", "tsx", "--import", EXIT_WITH_PARENT, study, ...args], {
      cwd: REPO_ROOT, stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, PACING_PARENT_PID: String(process.pid), PACING_SHARD_DIR: dir },
    });
    children.add(child);
    if (child.pid) started(child.pid);
    let stderr = "";
    child.stderr!.on("data", (b: Buffer) => { stderr = (stderr + b.toString()).slice(-2000); });
    child.on("error", (e) => { children.delete(child); fail(e); });
    child.on("exit", (code, signal) => {
      children.delete(child);
      const why = stderr.trim().split("\n").slice(-3).join(" | ") || `exit ${code ?? signal}`;
      if (code === 0) done();
      else if (code === 2) fail(new UnrecoverableError(`shard ${d.index}/${d.count}: ${why}`)); // bad input: retrying cannot help
      else fail(new Error(`shard ${d.index}/${d.count}: ${why}`));
    });
  });
}
