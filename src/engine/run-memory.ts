/**
 * The memory a pacing run must hold, known before it starts, and the refusal of runs that
 * would not fit — before hours of simulation, not at the end.
 *
 * What grows with the run (everything else is per block and small):
 * - per-path values kept to the end for the quantiles (block-fold.ts): paths × schemes ×
 *   PER_PATH_F64_PER_SCHEME doubles — the terminal log growth (its median), the maximum drawdown
 *   (its median and p95) and the terminal return (its CVaR);
 * - the trace of the first paths (the plots): tracePaths × T × (TRACE_FIXED + 2·schemes)
 *   single-precision values. The kernel's runner holds 64 paths of it at a time and the plots
 *   keep only the equity every few steps (pacing-trace.ts), but a run that keeps its trace
 *   (keepTrace: shards, tests) holds it whole; the limit applies to every run, so that a
 *   --trace accepted by one command is accepted by all.
 */
import { TRACE_FIXED } from "../../assembly/pacing/layout.ts";
import type { Scenario } from "../scenario/scenario-schema.ts";
import { UsageError } from "../errors.ts";

/**
 * Per-path f64 values each scheme keeps for the whole run. Raise it here when a per-path
 * quantile is added (a drawdown median, a CVaR): the memory check follows.
 */
export const PER_PATH_F64_PER_SCHEME = 3;

/** Largest per-path store a run may plan to hold, bytes (2 GiB). */
export const MAX_PER_PATH_BYTES = 2 * 1024 ** 3;

/** Largest trace a run may plan to hold, bytes (512 MiB; WASM memory stops at 4 GiB per worker). */
export const MAX_TRACE_BYTES = 512 * 1024 ** 2;

export interface RunSize {
  paths: number;
  schemes: number;
  /** horizon T, steps */
  steps: number;
  /** traced paths (after capping at the block size) */
  tracePaths: number;
}

/** The size of a run of `scenario` tracing its first `tracePaths` paths (already capped at the block size). */
export function runSizeOf(scenario: Scenario, tracePaths: number): RunSize {
  return { paths: scenario.paths, schemes: scenario.schemes.length, steps: scenario.horizonSteps, tracePaths: Math.min(tracePaths, scenario.paths) };
}

/** Bytes of the per-path store and of the trace of a run of this size. */
export function runMemoryBytes(r: RunSize): { perPath: number; trace: number } {
  return {
    perPath: r.paths * r.schemes * PER_PATH_F64_PER_SCHEME * 8,
    trace: r.tracePaths * r.steps * (TRACE_FIXED + 2 * r.schemes) * 4,
  };
}

/**
 * Refuses a run whose per-path store or trace would exceed its limit.
 * @throws UsageError naming the flag, the memory it would need and the largest value that fits
 */
export function checkRunMemory(r: RunSize): void {
  const need = runMemoryBytes(r);
  if (need.perPath > MAX_PER_PATH_BYTES) {
    const most = Math.floor(MAX_PER_PATH_BYTES / (r.schemes * PER_PATH_F64_PER_SCHEME * 8));
    throw new UsageError(`--paths ${r.paths}: the run would hold ${gb(need.perPath)} for its quantiles (${r.paths} paths × ${r.schemes} schemes × ${PER_PATH_F64_PER_SCHEME} value(s) × 8 bytes), above the limit of ${gb(MAX_PER_PATH_BYTES)} — use at most ${most} paths, or fewer schemes`);
  }
  if (need.trace > MAX_TRACE_BYTES) {
    const most = Math.floor(MAX_TRACE_BYTES / (r.steps * (TRACE_FIXED + 2 * r.schemes) * 4));
    throw new UsageError(`--trace ${r.tracePaths}: the traced paths would take ${gb(need.trace)} (${r.tracePaths} paths × ${r.steps} steps × ${TRACE_FIXED + 2 * r.schemes} values × 4 bytes), above the limit of ${gb(MAX_TRACE_BYTES)} — use --trace ${most} or fewer (--trace 0 for none); the block size and shards do not change it`);
  }
}

function gb(bytes: number): string {
  return `${(bytes / 1e9).toFixed(bytes < 1e9 ? 2 : 1)} GB`;
}
