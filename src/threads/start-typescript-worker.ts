/**
 * Starts a worker thread whose body is a TypeScript module. Used by every worker pool of the
 * toolkit. From the built JavaScript (dist/, `npm run build`) the body's bundle starts as
 * plain JavaScript — dist/<body name>.js, built from src/<area>/<body name>.ts — so no thread
 * compiles TypeScript; from the sources (tsx, vitest) the body runs through tsx (see
 * typescript-worker.mjs).
 */
import { Worker } from "node:worker_threads";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import { DIST_DIR, RUNNING_BUILT } from "../cli/build-stamp.ts";

const ENTRY = new URL("./typescript-worker.mjs", import.meta.url);

/**
 * The built bundle of a worker body: src/engine/pacing-worker.ts → dist/pacing-worker.js
 * (scripts/build-js.ts builds every worker body as an entry of that name).
 */
export function builtWorkerUrl(body: URL): URL {
  return new URL(`../../${DIST_DIR}/${basename(fileURLToPath(body), ".ts")}.js`, import.meta.url);
}

/** A worker running the TypeScript module at `body` (a file URL, e.g. new URL("./x.ts", import.meta.url)). */
export function startTypeScriptWorker(body: URL): Worker {
  if (RUNNING_BUILT) return new Worker(builtWorkerUrl(body), { execArgv: [] });
  return new Worker(ENTRY, { execArgv: [], workerData: { body: body.href } });
}
