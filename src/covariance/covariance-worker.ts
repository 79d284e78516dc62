/**
 * Worker thread body of CovariancePool (covariance-pool.ts): receives the compiled kernel once,
 * then row tasks; for each, copies x from shared memory into its own kernel, runs
 * sampleCovarianceRows and copies its rows of the upper triangle into the shared result.
 */
import { parentPort } from "node:worker_threads";
import { Kernel } from "../wasm/kernel.ts";
import { covarianceExports } from "./kernel-exports.ts";

export interface CovarianceWorkerInit { kind: "init"; module: WebAssembly.Module }
/** x: n·k f64 (row-major) and out: k·k f64, both shared; tile rows ipFrom ≤ ip < ipTo. */
export interface CovarianceRowsTask {
  kind: "rows"; x: SharedArrayBuffer; out: SharedArrayBuffer; n: number; k: number; ipFrom: number; ipTo: number;
}
export type CovarianceWorkerReply = { kind: "ready" } | { kind: "done"; seconds: number } | { kind: "error"; message: string };

let kernel: Kernel | null = null;

parentPort!.on("message", (msg: CovarianceWorkerInit | CovarianceRowsTask) => {
  try {
    if (msg.kind === "init") {
      kernel = new Kernel(msg.module);
      parentPort!.postMessage({ kind: "ready" } satisfies CovarianceWorkerReply);
      return;
    }
    const started = performance.now();
    const { n, k, ipFrom, ipTo } = msg;
    const ex = covarianceExports(kernel!);
    kernel!.reset();
    const xPtr = kernel!.writeF64(new Float64Array(msg.x, 0, n * k), "observations");
    const scratch = kernel!.allocF64(ex.covarianceScratchLength(n, k), "covariance scratch");
    const outPtr = kernel!.allocF64(k * k, "covariance");
    ex.sampleCovarianceRows(xPtr, n, k, scratch, outPtr, ipFrom, ipTo);
    // Rows 4·ipFrom … are contiguous in out; their entries left of the diagonal are not ours
    // and the pool overwrites them when it mirrors.
    const r0 = Math.min(4 * ipFrom, k), r1 = Math.min(4 * ipTo, k);
    new Float64Array(msg.out, r0 * k * 8, (r1 - r0) * k).set(kernel!.f64(outPtr + r0 * k * 8, (r1 - r0) * k));
    parentPort!.postMessage({ kind: "done", seconds: (performance.now() - started) / 1000 } satisfies CovarianceWorkerReply);
  } catch (error) {
    parentPort!.postMessage({ kind: "error", message: error instanceof Error ? error.message : String(error) } satisfies CovarianceWorkerReply);
  }
});
