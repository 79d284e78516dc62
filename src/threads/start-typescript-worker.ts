/**
 * Starts a worker thread whose body is a TypeScript module (run through tsx, see
 * typescript-worker.mjs). Used by every worker pool of the toolkit.
 */
import { Worker } from "node:worker_threads";

const ENTRY = new URL("./typescript-worker.mjs", import.meta.url);

/** A worker running the TypeScript module at `body` (a file URL, e.g. new URL("./x.ts", import.meta.url)). */
export function startTypeScriptWorker(body: URL): Worker {
  return new Worker(ENTRY, { execArgv: [], workerData: { body: body.href } });
}
