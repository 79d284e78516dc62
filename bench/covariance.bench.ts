/**
 * RS-2 benchmark: sample covariance and EWMA covariance (RiskMetrics, λ = 0.94) for
 * n = 2520 observations × k ∈ {10, 100, 500} assets — WASM kernel and TS twin in the same run.
 *
 * Inputs are copied into WASM memory once (resident); each timed call runs the kernel on
 * pointers and checks its result (a diagonal checksum) inside the timed region.
 * Reports warm medians (first run discarded), ms and GFLOP/s, and the ratio to the twin.
 * FLOP counts (useful work, 2 per multiply–add):
 *   sample covariance: n·k·(k + 1) for the upper triangle + 2·n·k for centring;
 *   EWMA sequence: 3·n·k² (Σ_t = λΣ_{t−1} + (1 − λ)·r_t r_tᵀ, every entry).
 * Targets (issue 3): covariance k = 500 ≤ 24 ms; EWMA whole sequence k = 100 ≤ 14 ms.
 *
 * With --workers N (N ≥ 2) it also times CovariancePool (sample covariance on N worker threads,
 * bit-identical to one thread): warm calls from a plain Float64Array, so the time includes
 * copying x to the workers and mirroring the result; the pool's start-up is printed apart.
 *
 * Run: npx tsx bench/covariance.bench.ts [--quick] [--only cov|ewma] [--workers N]
 */
import { Kernel } from "../src/wasm/kernel.ts";
import { loadKernelModule } from "../src/wasm/load-kernel-module.ts";
import { covarianceExports } from "../src/covariance/kernel-exports.ts";
import { CovariancePool } from "../src/covariance/covariance-pool.ts";
import { sampleCovarianceReference } from "../src/covariance/sample-covariance.reference.ts";
import { ewmaCovarianceReference, ewmaCovariancePackedReference } from "../src/covariance/ewma-covariance.reference.ts";
import { ewmaCovarianceStream } from "../src/covariance/ewma-covariance.ts";

const N = 2520;
const KS = [10, 100, 500];
const quick = process.argv.includes("--quick");
const onlyAt = process.argv.indexOf("--only");
const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;
if (only !== undefined && only !== "cov" && only !== "ewma") throw new RangeError(`covariance bench: --only must be cov or ewma; got ${only}`);
const workersAt = process.argv.indexOf("--workers");
const workers = workersAt >= 0 ? Number(process.argv[workersAt + 1]) : 1;
const pool = workers > 1 && only !== "ewma" ? await CovariancePool.start(workers) : null;

function returns(n: number, k: number): Float64Array {
  let s = 0x9e3779b9;
  const u = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) + 0.5) / 4294967296;
  const x = new Float64Array(n * k);
  for (let p = 0; p < x.length; p++) x[p] = 0.02 * (u() - 0.5) + 0.01 * Math.sin(p);
  return x;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Warm median of `reps` timed calls (after one untimed warm-up); `run` returns a checksum that must be finite. */
function time(reps: number, run: () => number): number {
  if (!Number.isFinite(run())) throw new Error("benchmark: non-finite checksum in warm-up");
  const ms: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    const c = run();
    const t1 = performance.now();
    if (!Number.isFinite(c)) throw new Error("benchmark: non-finite checksum");
    ms.push(t1 - t0);
  }
  return median(ms);
}

/** time() for an asynchronous run. */
async function timeAsync(reps: number, run: () => Promise<number>): Promise<number> {
  if (!Number.isFinite(await run())) throw new Error("benchmark: non-finite checksum in warm-up");
  const ms: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    const c = await run();
    const t1 = performance.now();
    if (!Number.isFinite(c)) throw new Error("benchmark: non-finite checksum");
    ms.push(t1 - t0);
  }
  return median(ms);
}

const trace = (m: ArrayLike<number>, k: number, off = 0) => { let s = 0; for (let i = 0; i < k; i++) s += m[off + i * k + i]; return s; };
const rows: string[][] = [];
const row = (what: string, k: number, impl: string, ms: number, flops: number, twinMs?: number) =>
  rows.push([what, String(k), impl, ms.toFixed(2), (flops / ms / 1e6).toFixed(2), twinMs ? (twinMs / ms).toFixed(1) + "×" : ""]);

const kernel = new Kernel(loadKernelModule());
const ex = covarianceExports(kernel);
const streamKernel = new Kernel(loadKernelModule());
for (const k of KS) {
  kernel.reset();
  const x = returns(N, k);
  const xPtr = kernel.writeF64(x, "returns");
  const scratch = kernel.allocF64(ex.covarianceScratchLength(N, k));
  const out = kernel.allocF64(k * k);
  const covFlops = N * k * (k + 1) + 2 * N * k;
  if (only !== "ewma") {
    const wasmCov = time(quick ? 3 : 15, () => { ex.sampleCovariance(xPtr, N, k, scratch, out); return trace(kernel.f64(out, k * k), k); });
    const tsCov = time(k >= 500 ? 1 : quick ? 2 : 5, () => trace(sampleCovarianceReference(x, N, k), k));
    row("sample covariance", k, "ts twin", tsCov, covFlops);
    row("sample covariance", k, "wasm simd", wasmCov, covFlops, tsCov);
    if (pool) {
      const poolCov = await timeAsync(quick ? 3 : 15, async () => trace(await pool.sampleCovariance(x, N, k), k));
      row("sample covariance", k, `wasm simd, ${workers} workers`, poolCov, covFlops, tsCov);
    }
  }
  if (only === "cov") continue;

  const ewmaFlops = 3 * N * k * k;
  const state = kernel.allocF64(k * k);
  const init = () => { const s = kernel.f64(state, k * k); for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) s[i * k + j] = x[i] * x[j]; };
  if (k <= 100) {
    const seq = kernel.allocF64(N * k * k, "ewma sequence"); // whole sequence resident: 2520·k² f64
    const wasmSeq = time(quick ? 3 : 11, () => { init(); ex.ewmaCovariance(xPtr, N, k, 0.94, state, seq); return trace(kernel.f64(seq, N * k * k), k, (N - 1) * k * k); });
    const tsSeq = time(quick ? 2 : 5, () => { const s = new Float64Array(k * k); for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) s[i * k + j] = x[i] * x[j]; const all = ewmaCovarianceReference(x, N, k, 0.94, s, true); return trace(all, k, (N - 1) * k * k); });
    row("ewma whole sequence", k, "ts twin", tsSeq, ewmaFlops);
    row("ewma whole sequence", k, "wasm simd", wasmSeq, ewmaFlops, tsSeq);
    // packed upper triangles: the same matrices (Σ is symmetric) in k(k+1)/2 values each
    const m = (k * (k + 1)) / 2, packedFlops = 3 * N * m;
    const pState = kernel.allocF64(m), pSeq = kernel.allocF64(N * m, "packed ewma sequence");
    const pInit = () => { const s = kernel.f64(pState, m); let o = 0; for (let i = 0; i < k; i++) for (let j = i; j < k; j++) s[o++] = x[i] * x[j]; return s; };
    const wasmPacked = time(quick ? 3 : 11, () => { pInit(); ex.ewmaCovariancePacked(xPtr, N, k, 0.94, pState, pSeq); return kernel.f64(pSeq, N * m)[(N - 1) * m]; });
    const tsPacked = time(quick ? 2 : 5, () => { const s = Float64Array.from(pInit()); return ewmaCovariancePackedReference(x, N, k, 0.94, s, true)[(N - 1) * m]; });
    row("ewma whole sequence, packed", k, "ts twin", tsPacked, packedFlops);
    row("ewma whole sequence, packed", k, "wasm simd", wasmPacked, packedFlops, tsPacked);
    // the same sequence through the library's stream (validation and the copy of x included):
    // chunks of rows that fit in L2 (256 KB), each matrix visited by the sink
    const streamRows = Math.max(1, Math.floor(2 ** 15 / m));
    const wasmPackedStream = time(quick ? 3 : 11, () => {
      let c = 0;
      streamKernel.reset(); // its own instance, as a caller would have: not above this one's 300 MB of sequences
      ewmaCovarianceStream(streamKernel, x, N, k, streamRows, (_t0, r, chunk) => { for (let t = 0; t < r; t++) c += chunk[t * m]; }, { packed: true });
      return c;
    });
    row(`ewma whole sequence, packed, streamed (chunks of ${streamRows} rows)`, k, "wasm simd", wasmPackedStream, packedFlops, tsPacked);
  } else {
    const chunk = 32; // 32 × 500² × 8 B = 64 MB per chunk; the 5 GB sequence streams through it
    const buf = kernel.allocF64(chunk * k * k, "ewma chunk");
    const wasmStream = time(quick ? 1 : 3, () => {
      init();
      let c = 0;
      for (let t0 = 0; t0 < N; t0 += chunk) {
        const r = Math.min(chunk, N - t0);
        ex.ewmaCovariance(xPtr + t0 * k * 8, r, k, 0.94, state, buf);
        c += kernel.f64(buf, k * k)[0]; // the sink: touch each chunk
      }
      return c;
    });
    row("ewma sequence, streamed (chunks of 32)", k, "wasm simd", wasmStream, ewmaFlops);
  }
  const wasmLast = time(quick ? 3 : 11, () => { init(); ex.ewmaCovariance(xPtr, N, k, 0.94, state, 0); return trace(kernel.f64(state, k * k), k); });
  const tsLast = time(k >= 500 ? 1 : quick ? 2 : 5, () => { const s = new Float64Array(k * k); for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) s[i * k + j] = x[i] * x[j]; ewmaCovarianceReference(x, N, k, 0.94, s, false); return trace(s, k); });
  row("ewma last matrix", k, "ts twin", tsLast, ewmaFlops);
  row("ewma last matrix", k, "wasm simd", wasmLast, ewmaFlops, tsLast);
}

const header = ["kernel", "k", "impl", "ms (median)", "GFLOP/s", "speed-up vs twin"];
console.log(`RS-2 covariance benchmark, n = ${N}, node ${process.version}, warm medians\n`);
console.log("| " + header.join(" | ") + " |\n|" + header.map(() => "---").join("|") + "|");
for (const r of rows) console.log("| " + r.join(" | ") + " |");
if (pool) {
  console.log(`\nCovariancePool start-up (${workers} workers, not in the times above): ${(pool.startupSeconds * 1000).toFixed(0)} ms`);
  await pool.close();
}
