/**
 * Sample covariance on several worker threads, each with its own kernel instance: the
 * opt-in parallel form of sampleCovariance for large k. Start a pool once (workers load
 * the compiled kernel: start-up, reported apart), then call it as often as needed.
 *
 * Every Σ_ij is computed by exactly one worker with the single-thread kernel's products,
 * order and scaling (sampleCovarianceRows), so the matrix is bit-identical to
 * sampleCovariance's for any worker count.
 */
import type { Worker } from "node:worker_threads";
import { startTypeScriptWorker } from "../threads/start-typescript-worker.ts";
import { fail } from "../errors.ts";
import { loadKernelModule } from "../wasm/load-kernel-module.ts";
import { checkObservations } from "./validate.ts";
import { splitTileRows } from "./split-tile-rows.ts";
import type { CovarianceRowsTask, CovarianceWorkerInit, CovarianceWorkerReply } from "./covariance-worker.ts";

const WORKER_BODY = new URL("./covariance-worker.ts", import.meta.url);

export class CovariancePool {
  /** seconds from start() until every worker had instantiated its kernel */
  readonly startupSeconds: number;
  private readonly workers: Worker[];
  private queue: Promise<unknown> = Promise.resolve();
  private x = new SharedArrayBuffer(8);
  private out = new SharedArrayBuffer(8);

  private constructor(workers: Worker[], startupSeconds: number) {
    this.workers = workers;
    this.startupSeconds = startupSeconds;
  }

  /**
   * Starts `workers` threads and waits until each has its kernel.
   * @throws RangeError when workers is not an integer in [1, 64]; Error when a worker fails to start
   */
  static async start(workers: number): Promise<CovariancePool> {
    if (!Number.isInteger(workers) || workers < 1 || workers > 64) {
      fail(RangeError, "CovariancePool.start: workers", `must be an integer in [1, 64]; got ${workers}`, "use e.g. 2 (one per core)");
    }
    const started = performance.now();
    const module = loadKernelModule();
    const threads = Array.from({ length: workers }, () => startTypeScriptWorker(WORKER_BODY));
    try {
      await Promise.all(threads.map((w) => reply(w, { kind: "init", module } satisfies CovarianceWorkerInit)));
    } catch (error) {
      await Promise.all(threads.map((w) => w.terminate()));
      throw error;
    }
    return new CovariancePool(threads, (performance.now() - started) / 1000);
  }

  /** Number of worker threads. */
  get size(): number {
    return this.workers.length;
  }

  /**
   * Unbiased sample covariance of k series (divisor n − 1), k×k row-major — the same numbers,
   * bit for bit, as sampleCovariance (see that function for method, units and reference).
   * Calls on one pool run one after another.
   *
   * Work split: contiguous ranges of 4-column tile rows with equal tile counts
   * (splitTileRows); each worker also centres all columns (n·k subtractions), so the
   * speed-up is below the worker count for small k.
   *
   * @param x row-major n×k, row t = one observation
   * @throws RangeError when n < 2, x.length ≠ n·k or a value is not finite; Error when the
   *   pool is closed or a worker fails
   */
  sampleCovariance(x: ArrayLike<number>, n: number, k: number): Promise<Float64Array> {
    checkObservations("CovariancePool.sampleCovariance: x", x, n, k);
    const run = this.queue.then(() => this.run(x, n, k));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Stops the worker threads; later calls reject. */
  async close(): Promise<void> {
    const threads = this.workers.splice(0);
    await Promise.all(threads.map((w) => w.terminate()));
  }

  private async run(x: ArrayLike<number>, n: number, k: number): Promise<Float64Array> {
    if (this.workers.length === 0) fail(Error, "CovariancePool.sampleCovariance", "the pool is closed", "start a new pool");
    if (this.x.byteLength < n * k * 8) this.x = new SharedArrayBuffer(n * k * 8);
    if (this.out.byteLength < k * k * 8) this.out = new SharedArrayBuffer(k * k * 8);
    new Float64Array(this.x, 0, n * k).set(x);
    const bounds = splitTileRows(k, this.workers.length);
    await Promise.all(this.workers.map((w, p) => bounds[p] === bounds[p + 1] ? undefined : reply(w, {
      kind: "rows", x: this.x, out: this.out, n, k, ipFrom: bounds[p], ipTo: bounds[p + 1],
    } satisfies CovarianceRowsTask)));
    const out = new Float64Array(this.out, 0, k * k).slice();
    for (let i = 1; i < k; i++) for (let j = 0; j < i; j++) out[i * k + j] = out[j * k + i];
    return out;
  }
}

/** Posts one message and resolves on the worker's answer (rejects on an error answer or exit). */
function reply(w: Worker, message: CovarianceWorkerInit | CovarianceRowsTask): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onMessage = (msg: CovarianceWorkerReply) => {
      cleanup();
      if (msg.kind === "error") reject(new Error(`covariance worker: ${msg.message}`));
      else resolve();
    };
    const onError = (error: Error) => { cleanup(); reject(error); };
    const onExit = (code: number) => { cleanup(); reject(new Error(`covariance worker exited with code ${code}`)); };
    const cleanup = () => { w.off("message", onMessage); w.off("error", onError); w.off("exit", onExit); };
    w.on("message", onMessage);
    w.on("error", onError);
    w.on("exit", onExit);
    w.postMessage(message);
  });
}
