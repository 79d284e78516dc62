/**
 * Preloaded into a queue worker's study child (`node --import tsx --import <this>`): ends the
 * child when the worker that started it is gone — killed with SIGKILL, say, which gives the
 * worker no chance to kill its children — and removes the child's shard folder first.
 *
 * The study may compute for minutes without yielding its event loop (one thread), so the
 * watch runs in a small worker thread of its own: every 250 ms it compares the parent pid
 * with the worker's (PACING_PARENT_PID); when the child has been re-parented, it removes
 * PACING_SHARD_DIR and SIGKILLs its own process (threads and all). The thread is unref'd:
 * it never keeps a finished study alive. Without PACING_PARENT_PID it does nothing.
 */
import { Worker } from "node:worker_threads";

const parent = Number(process.env.PACING_PARENT_PID);
if (Number.isInteger(parent) && parent > 0) {
  const watch = new Worker(`
    const { workerData } = require("node:worker_threads");
    const { rmSync } = require("node:fs");
    setInterval(() => {
      if (process.ppid === workerData.parent) return;
      if (workerData.dir) rmSync(workerData.dir, { recursive: true, force: true });
      process.kill(process.pid, "SIGKILL");
    }, 250);
  `, { eval: true, workerData: { parent, dir: process.env.PACING_SHARD_DIR ?? "" } });
  watch.unref();
}
