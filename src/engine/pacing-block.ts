/**
 * Runs one block of paths of a pacing job, on the WASM kernel or its TypeScript twin,
 * and hands back plain typed arrays (per-path outputs and the optional trace). The job is
 * copied into WASM memory once per runner; each block reuses the arena above it.
 */
import * as L from "../../assembly/pacing/layout.ts";
import { Kernel } from "../wasm/kernel.ts";
import { zigguratTables } from "../random/ziggurat-tables.ts";
import { simulatePacingReference } from "../pacing/simulate-pacing.reference.ts";
import { blockHorizon, type PacingJob } from "../scenario/encode-job.ts";
import { fillSuppliedMarket } from "../market/supplied-market.ts";
import { summarizeBlock, type BlockSummary } from "./block-summary.ts";

export type Engine = "wasm" | "reference";

export interface BlockRequest {
  /** global index of the block's first path */
  firstPath: number;
  nPaths: number;
  /** trace the first nTrace paths of the block (0 = none) */
  nTrace: number;
}

export interface BlockOutput {
  /** nPaths × nSchemes × OUT_WIDTH (layout.ts) */
  out: Float64Array;
  /** nTrace × T × (TRACE_FIXED + 2·nSchemes), single precision (layout.ts) */
  trace: Float32Array;
}

export interface PacingBlockRunner {
  run(req: BlockRequest): BlockOutput;
}

/**
 * Simulates one block and reduces it to its summary (paired differences against scheme
 * `baseline`); the trace comes back as simulated. Used alike by this thread and by workers.
 */
export function simulateBlockSummary(runner: PacingBlockRunner, job: PacingJob, baseline: number, task: BlockRequest & { blockIndex: number }): { summary: BlockSummary; trace: Float32Array } {
  const { out, trace } = runner.run(task);
  return { summary: summarizeBlock(task.blockIndex, task.firstPath, out, task.nPaths, job.nSchemes, baseline, job.params[L.J_E0], blockHorizon(job)), trace };
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

class ReferencePacingRunner implements PacingBlockRunner {
  constructor(private readonly job: PacingJob) {}
  run(req: BlockRequest): BlockOutput {
    const j = this.job;
    const out = new Float64Array(req.nPaths * j.nSchemes * L.OUT_WIDTH);
    const trace = new Float32Array(req.nTrace * traceLength(j));
    const m = suppliedBuffers(j, req);
    simulatePacingReference(j.params, j.schemes, j.nSchemes, zigguratTables(), j.series, req.firstPath, req.nPaths, out, trace, req.nTrace, m.x, m.regime);
    return { out, trace };
  }
}

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

  run(req: BlockRequest): BlockOutput {
    const k = this.kernel, j = this.job, p = this.ptr;
    k.release(this.blockMark);
    const outLength = req.nPaths * j.nSchemes * L.OUT_WIDTH;
    const traceLen = req.nTrace * traceLength(j);
    const out = k.allocF64(outLength, `outputs of ${req.nPaths} paths`);
    const trace = k.allocF32(traceLen, `trace of ${req.nTrace} paths`);
    const m = suppliedBuffers(j, req);
    const x = k.writeF64(m.x, `supplied returns of ${req.nPaths} paths`);
    const regime = k.writeF64(m.regime, `supplied regimes of ${req.nPaths} paths`);
    k.exports.simulatePacing(p.params, p.schemes, j.nSchemes, p.zig, p.series, p.scratch,
      req.firstPath, req.nPaths, out, trace, req.nTrace, x, regime);
    const result = { out: k.f64(out, outLength).slice(), trace: k.f32(trace, traceLen).slice() };
    k.release(this.blockMark);
    return result;
  }
}
