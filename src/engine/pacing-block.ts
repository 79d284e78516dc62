/**
 * Runs one block of paths of a pacing job, on the WASM kernel or its TypeScript twin: hands
 * back the per-path outputs as a plain typed array, and the trace of the block's first paths
 * (if asked) to a sink as it is simulated. The job is copied into WASM memory once per runner;
 * each block reuses the arena above it.
 */
import * as L from "../../assembly/pacing/layout.ts";
import { Kernel } from "../wasm/kernel.ts";
import { LANES } from "../../assembly/pacing/lane-block.ts";
import { zigguratTables } from "../random/ziggurat-tables.ts";
import { simulatePacingReference } from "../pacing/simulate-pacing.reference.ts";
import { blockHorizon, type PacingJob } from "../scenario/encode-job.ts";
import { fillSuppliedMarket } from "../market/supplied-market.ts";
import { summarizeBlock, type BlockSummary } from "./block-summary.ts";
import { TracePlotter, type TracePlots } from "./pacing-trace.ts";

export type Engine = "wasm" | "reference";

export interface BlockRequest {
  /** global index of the block's first path */
  firstPath: number;
  nPaths: number;
  /** trace the first nTrace paths of the block (0 = none) */
  nTrace: number;
}

/**
 * Receives the trace (layout.ts "Trace") of the block's traced paths [first, first + paths),
 * in path order: `values` holds those paths' T × (TRACE_FIXED + 2·nSchemes) values each and may
 * be the runner's own memory, valid only during the call (copy what you keep).
 */
export type TraceSink = (values: Float32Array, first: number, paths: number) => void;

export interface PacingBlockRunner {
  /**
   * Simulates the block; returns its per-path outputs, nPaths × nSchemes × OUT_WIDTH (layout.ts),
   * and hands the trace of its first nTrace paths to `onTrace`, in one or more chunks of paths.
   */
  run(req: BlockRequest, onTrace?: TraceSink): Float64Array;
}

/** A block's outputs with the whole trace of its nTrace traced paths (nTrace × T × width, single precision). */
export interface BlockOutput {
  out: Float64Array;
  trace: Float32Array;
}

/** Runs one block and gathers its trace into one array (`also` sees each chunk as well). */
export function runKeepingTrace(runner: PacingBlockRunner, job: PacingJob, req: BlockRequest, also?: TraceSink): BlockOutput {
  const perPath = traceLength(job);
  const trace = new Float32Array(req.nTrace * perPath);
  const out = runner.run(req, (values, first, paths) => {
    trace.set(values.subarray(0, paths * perPath), first * perPath);
    also?.(values, first, paths);
  });
  return { out, trace };
}

/** A simulated block: its summary, its traced paths' plots (null if none) and their trace (empty unless kept). */
export interface SimulatedBlock {
  summary: BlockSummary;
  plots: TracePlots | null;
  trace: Float32Array;
}

/**
 * Simulates one block and reduces it to its summary (paired differences against scheme
 * `baseline`) and the plots of its traced paths, built as the kernel traces them
 * (pacing-trace.ts); the trace itself is copied out only if `keepTrace`. Used alike by this
 * thread and by workers.
 */
export function simulateBlockSummary(runner: PacingBlockRunner, job: PacingJob, baseline: number, task: BlockRequest & { blockIndex: number }, keepTrace = false): SimulatedBlock {
  const plotter = task.nTrace > 0 ? new TracePlotter(job, task.nTrace) : null;
  const plot: TraceSink | undefined = plotter ? (values, first, paths) => plotter.add(values, first, paths) : undefined;
  const { out, trace } = keepTrace ? runKeepingTrace(runner, job, task, plot) : { out: runner.run(task, plot), trace: new Float32Array(0) };
  return {
    summary: summarizeBlock(task.blockIndex, task.firstPath, out, task.nPaths, job.nSchemes, baseline, job.params[L.J_E0], blockHorizon(job)),
    plots: plotter?.result() ?? null,
    trace,
  };
}

/** Trace values per path: T steps × (TRACE_FIXED + 2·nSchemes). */
export function traceLength(job: PacingJob): number {
  return job.params[L.J_STEPS] * (L.TRACE_FIXED + 2 * job.nSchemes);
}

/** A runner for `job` on the chosen engine; `module` is the compiled kernel (wasm only). */
export function createPacingRunner(engine: Engine, job: PacingJob, module?: WebAssembly.Module): PacingBlockRunner {
  if (engine === "reference") return new ReferencePacingRunner(job);
  if (!module) throw new Error("createPacingRunner: the wasm engine needs the compiled kernel module — this is a bug");
  return new WasmPacingRunner(new Kernel(module), job);
}

/** The block's supplied log-returns and regimes (empty when the kernel draws its own market). */
function suppliedBuffers(job: PacingJob, req: BlockRequest): { x: Float64Array; regime: Float64Array } {
  if (!job.supplied) return { x: new Float64Array(0), regime: new Float64Array(0) };
  const n = req.nPaths * job.params[L.J_STEPS];
  const x = new Float64Array(n), regime = new Float64Array(n);
  fillSuppliedMarket(job.supplied, req.firstPath, req.nPaths, x, regime);
  return { x, regime };
}

/** The twin simulates the whole block in one call and hands over its trace in one chunk. */
class ReferencePacingRunner implements PacingBlockRunner {
  constructor(private readonly job: PacingJob) {}
  run(req: BlockRequest, onTrace?: TraceSink): Float64Array {
    const j = this.job;
    const out = new Float64Array(req.nPaths * j.nSchemes * L.OUT_WIDTH);
    const trace = new Float32Array(req.nTrace * traceLength(j));
    const m = suppliedBuffers(j, req);
    simulatePacingReference(j.params, j.schemes, j.nSchemes, zigguratTables(), j.series, req.firstPath, req.nPaths, out, trace, req.nTrace, m.x, m.regime);
    if (req.nTrace > 0) onTrace?.(trace, 0, req.nTrace);
    return out;
  }
}

/**
 * The WASM runner simulates the traced paths in chunks of whole blocks of lanes (the kernel's
 * LANES paths at a time) whose trace takes at most this much of its memory, or one block of
 * lanes if that is more, the same memory chunk after chunk; then the block's other paths in one
 * call. A full RS-1 trace (200 paths, 23 MB) would otherwise be fresh memory to fault in and
 * copy out (README, Performance, start-up); a chunk of it is 64 paths, 7.5 MB.
 */
const TRACE_CHUNK_BYTES = 1 << 20;

/** The kernel's runner: the trace chunks it hands over are views of its memory. */
class WasmPacingRunner implements PacingBlockRunner {
  private readonly ptr: { params: number; schemes: number; zig: number; series: number; scratch: number };
  private readonly blockMark: number;

  constructor(private readonly kernel: Kernel, private readonly job: PacingJob) {
    kernel.reset();
    this.ptr = {
      params: kernel.writeF64(job.params, "job parameters"),
      schemes: kernel.writeF64(job.schemes, "schemes"),
      zig: kernel.writeF64(zigguratTables(), "ziggurat tables"),
      series: kernel.writeF64(job.series, "target series"),
      scratch: kernel.alloc(kernel.exports.pacingScratchBytes(job.nSchemes), "scratch"),
    };
    this.blockMark = kernel.mark();
  }

  run(req: BlockRequest, onTrace?: TraceSink): Float64Array {
    const k = this.kernel, j = this.job, p = this.ptr, T = j.params[L.J_STEPS];
    k.release(this.blockMark);
    const outLength = req.nPaths * j.nSchemes * L.OUT_WIDTH, perPath = traceLength(j);
    const chunk = Math.max(1, Math.floor(TRACE_CHUNK_BYTES / (4 * perPath * LANES))) * LANES; // whole blocks of lanes: no lane simulated in vain
    const out = k.allocF64(outLength, `outputs of ${req.nPaths} paths`);
    const trace = k.allocF32(Math.min(chunk, req.nTrace) * perPath, `trace of ${Math.min(chunk, req.nTrace)} paths`);
    const m = suppliedBuffers(j, req);
    const x = k.writeF64(m.x, `supplied returns of ${req.nPaths} paths`);
    const regime = k.writeF64(m.regime, `supplied regimes of ${req.nPaths} paths`);
    // the block's paths [from, from + n), the first `traced` of them traced (each path's draws depend on its index only)
    const simulate = (from: number, n: number, traced: number) => k.exports.simulatePacing(p.params, p.schemes, j.nSchemes, p.zig, p.series, p.scratch,
      req.firstPath + from, n, out + from * j.nSchemes * L.OUT_WIDTH * 8, trace, traced, x + from * T * 8, regime + from * T * 8);
    let from = 0;
    for (; from < req.nTrace; from += chunk) {
      const n = Math.min(chunk, req.nPaths - from), traced = Math.min(n, req.nTrace - from);
      simulate(from, n, traced);
      onTrace?.(k.f32(trace, traced * perPath), from, traced);
    }
    if (from < req.nPaths) simulate(from, req.nPaths - from, 0);
    const result = k.f64(out, outLength).slice();
    k.release(this.blockMark);
    return result;
  }
}
