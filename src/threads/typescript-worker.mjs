// Worker entry in plain JS for a worker body written in TypeScript: registers tsx's loader in
// this thread, then imports the body named by workerData.body (a file URL). Node 20 does not
// apply the parent's loader flags to a worker's entry module, so the worker registers them itself.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.body);
