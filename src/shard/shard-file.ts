/**
 * The shard file, DIR/shard.json: everything `merge` needs to rebuild a single run's
 * results from slices of its block plan — the full validated scenario (which holds the
 * seed and path count), block size, engine, which shard i/N and which blocks it holds,
 * the blocks' mergeable summaries (lossless, block-summary-codec.ts), and the trace of the
 * first paths when block 0 is among them. Wall-clock figures stay under `timing`.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Scenario } from "../scenario/scenario-schema.ts";
import { validateScenario } from "../scenario/validate-scenario.ts";
import type { BlockSummary } from "../engine/block-summary.ts";
import type { Engine } from "../engine/pacing-block.ts";
import { encodeBlockSummary, decodeBlockSummary, type EncodedBlockSummary } from "./block-summary-codec.ts";
import { encodeF64, decodeF64 } from "./f64-codec.ts";
import type { ShardSpec, BlockRange } from "./shard-spec.ts";
import { writeFileAtomic } from "../io/write-atomic.ts";
import { sealShardText, unsealShardText } from "./shard-seal.ts";
import { checkBlockSummaries } from "./check-block-summaries.ts";
import { encodeJob, baselineIndex } from "../scenario/encode-job.ts";
import { UsageError } from "../errors.ts";
import { TRACE_FIXED } from "../../assembly/pacing/layout.ts";

export const SHARD_FORMAT = "pacing-shard";
export const SHARD_VERSION = 1;
export const SHARD_FILE = "shard.json";

/** A shard in memory (decoded). */
export interface Shard {
  scenario: Scenario;
  blockPaths: number;
  engine: Engine;
  /** traced paths of the whole run: min(--trace, paths, block size) */
  tracePaths: number;
  gitRevision: string;
  /** sha256 of build/kernel.wasm (engine "wasm"), or null: git revisions miss uncommitted kernel builds */
  kernel: string | null;
  shard: ShardSpec;
  blocks: BlockRange & { total: number };
  summaries: BlockSummary[];
  /** the trace of the run's first `tracePaths` paths when block 0 is in this shard, else empty */
  trace: Float32Array;
  timing: { simulation_seconds: number; worker_startup_seconds: number; workers: number };
}

/** The shard as JSON text (what shard.json and the queue's result store hold). */
export function encodeShard(s: Shard): string {
  const doc = {
    format: SHARD_FORMAT, version: SHARD_VERSION,
    scenario: s.scenario, seed: s.scenario.seed, paths: s.scenario.paths,
    block_paths: s.blockPaths, engine: s.engine, trace_paths: s.tracePaths, git_revision: s.gitRevision, kernel_sha256: s.kernel,
    shard: s.shard, blocks: s.blocks,
    summaries: s.summaries.map(encodeBlockSummary) as EncodedBlockSummary[],
    trace: s.trace.length ? { f64: encodeF64(Float64Array.from(s.trace)) } : null, // written as f64, as before the trace was single precision: the same files
    timing: s.timing,
  };
  return sealShardText(JSON.stringify(doc)) + "\n";
}

/** Writes DIR/shard.json atomically; returns its path. */
export function writeShard(dir: string, s: Shard): string {
  const path = join(dir, SHARD_FILE);
  writeFileAtomic(path, encodeShard(s));
  return path;
}

/**
 * Reads a shard from a folder (its shard.json) or a shard.json path.
 * @throws UsageError naming the file when it is missing, not a shard, or damaged
 */
export function readShard(dirOrFile: string): Shard {
  const path = existsSync(dirOrFile) && statSync(dirOrFile).isDirectory() ? join(dirOrFile, SHARD_FILE) : dirOrFile;
  if (!existsSync(path)) throw new UsageError(`${path}: no shard file — pass folders written by a study run with --shard i/N`);
  return decodeShardText(readFileSync(path, "utf8"), path);
}

/**
 * Decodes a shard from its text (what shard.json and the queue's result store hold),
 * checking its content hash first (shard-seal.ts).
 * @param source names the shard in error messages
 * @throws UsageError when the hash does not match, or the text is not a well-formed shard
 */
export function decodeShardText(text: string, source: string): Shard {
  const body = unsealShardText(text.trimEnd(), source);
  let v: unknown;
  try {
    v = JSON.parse(body);
  } catch (e) {
    throw new UsageError(`${source}: not valid JSON (${(e as Error).message}) — the shard file is damaged or still being written, re-run that shard`);
  }
  return decodeShard(v, source);
}

/**
 * Decodes the JSON of a shard (see encodeShard).
 * @param source names the shard in error messages
 * @throws UsageError for anything that is not a well-formed shard of this version
 */
export function decodeShard(v: unknown, source: string): Shard {
  const o = (v && typeof v === "object" && !Array.isArray(v) ? v : {}) as Record<string, unknown>;
  if (o.format !== SHARD_FORMAT) throw new UsageError(`${source}: not a pacing shard (format ${JSON.stringify(o.format)}) — pass folders written by a study run with --shard i/N`);
  if (o.version !== SHARD_VERSION) throw new UsageError(`${source}: shard format version ${JSON.stringify(o.version)}, this toolkit reads ${SHARD_VERSION} — re-run the shard with this version`);
  const scenario = validateScenario(o.scenario, `${source}: scenario`);
  const int = (x: unknown, what: string, lo = 0) => {
    if (typeof x !== "number" || !Number.isInteger(x) || x < lo) throw new UsageError(`${source}: ${what} must be an integer ≥ ${lo}; got ${JSON.stringify(x)} — the shard file is damaged, re-run that shard`);
    return x;
  };
  const shard = (o.shard ?? {}) as Record<string, unknown>, blocks = (o.blocks ?? {}) as Record<string, unknown>;
  const timing = (o.timing ?? {}) as Record<string, unknown>;
  if (o.engine !== "wasm" && o.engine !== "reference") throw new UsageError(`${source}: engine must be "wasm" or "reference"; got ${JSON.stringify(o.engine)} — the shard file is damaged, re-run that shard`);
  const nSchemes = scenario.schemes.length;
  const range = { first: int(blocks.first, "blocks.first"), count: int(blocks.count, "blocks.count"), total: int(blocks.total, "blocks.total", 1) };
  const list = Array.isArray(o.summaries) ? o.summaries : [];
  if (list.length !== range.count) throw new UsageError(`${source}: holds ${list.length} block summaries, its range says ${range.count} — the shard file is damaged, re-run that shard`);
  const summaries = list.map((b, i) => decodeBlockSummary(b, nSchemes, `${source}: summaries[${i}]`));
  summaries.forEach((b, i) => {
    if (b.blockIndex !== range.first + i) throw new UsageError(`${source}: summaries[${i}] is block ${b.blockIndex}, expected ${range.first + i} — the shard file is damaged, re-run that shard`);
  });
  const blockPaths = int(o.block_paths, "block_paths", 64);
  checkBlockSummaries(summaries, scenario.paths, blockPaths, baselineIndex(scenario, encodeJob(scenario)), source);
  const tracePaths = int(o.trace_paths, "trace_paths");
  const trace = o.trace ? singlePrecision(decodeF64((o.trace as Record<string, unknown>).f64, `${source}: trace`), `${source}: trace`) : new Float32Array(0);
  const traceValues = tracePaths * scenario.horizonSteps * (TRACE_FIXED + 2 * nSchemes);
  if (trace.length > 0 && trace.length !== traceValues) {
    throw new UsageError(`${source}: the trace holds ${trace.length} values, ${tracePaths} traced paths of ${scenario.horizonSteps} steps hold ${traceValues} — the shard file is damaged, re-run that shard`);
  }
  return {
    scenario, blockPaths, engine: o.engine, tracePaths,
    gitRevision: typeof o.git_revision === "string" ? o.git_revision : "unknown",
    kernel: typeof o.kernel_sha256 === "string" ? o.kernel_sha256 : null,
    shard: { index: int(shard.index, "shard.index", 1), count: int(shard.count, "shard.count", 1) },
    blocks: range, summaries,
    trace,
    timing: { simulation_seconds: Number(timing.simulation_seconds) || 0, worker_startup_seconds: Number(timing.worker_startup_seconds) || 0, workers: Number(timing.workers) || 0 },
  };
}

/**
 * The trace's values as single precision, which they are: the kernel traces f32 values (layout.ts).
 * @throws UsageError naming the first value that is not one (a shard this engine did not write)
 */
function singlePrecision(values: Float64Array, source: string): Float32Array {
  const f32 = Float32Array.from(values);
  const i = values.findIndex((v, k) => !Object.is(v, f32[k]));
  if (i >= 0) throw new UsageError(`${source}: value ${i} (${values[i]}) is not a single-precision number, as every traced value is — the shard file is damaged, re-run that shard`);
  return f32;
}
