/**
 * Merges shards back into one run: checks that they come from the same configuration
 * (scenario — seed and path count included — block size, engine, traced paths), that
 * together they hold every block of the plan exactly once, then lines the blocks up in
 * block order. Folding them (pacingResults) then gives the bits a single process gives.
 */
import type { Scenario } from "../scenario/scenario-schema.ts";
import { encodeJob, baselineIndex, horizonYears } from "../scenario/encode-job.ts";
import type { PacingRun } from "../engine/run-pacing.ts";
import type { BlockSummary } from "../engine/block-summary.ts";
import { tracePlots } from "../engine/pacing-trace.ts";
import { shardBlockRange } from "./shard-spec.ts";
import type { Shard } from "./shard-file.ts";
import { UsageError } from "../errors.ts";

export interface SourcedShard {
  /** where the shard came from (a folder, or a queue key), for messages */
  source: string;
  shard: Shard;
}

export interface MergedShards {
  scenario: Scenario;
  run: PacingRun;
  blockPaths: number;
  /** the revision that computed the blocks ("a, b" when shards disagree) */
  gitRevision: string;
  /** things worth telling the user that do not stop the merge */
  warnings: string[];
}

/**
 * @throws UsageError naming the mismatch (field, values, shards), the blocks held twice, or
 *         the missing blocks and the shards i/N that would hold them
 */
export function mergeShards(shards: SourcedShard[]): MergedShards {
  if (shards.length === 0) throw new UsageError("merge: no shards given — pass the folders written with --shard i/N");
  const [ref, ...rest] = shards;
  const name = (s: SourcedShard) => `${s.source} (shard ${s.shard.shard.index}/${s.shard.shard.count})`;
  for (const other of rest) {
    const a = ref.shard, b = other.shard;
    const same = (what: string, x: unknown, y: unknown, fix: string) => {
      if (JSON.stringify(x) !== JSON.stringify(y)) {
        throw new UsageError(`merge: ${what} differs — ${JSON.stringify(x)} in ${name(ref)}, ${JSON.stringify(y)} in ${name(other)} — ${fix}`);
      }
    };
    const rerun = "merge only shards of one run (same configuration and flags)";
    same("seed", a.scenario.seed, b.scenario.seed, rerun);
    same("paths", a.scenario.paths, b.scenario.paths, rerun);
    const diff = firstDifference(a.scenario, b.scenario, "scenario");
    if (diff) throw new UsageError(`merge: ${diff.path} differs — ${diff.a} in ${name(ref)}, ${diff.b} in ${name(other)} — ${rerun}`);
    same("block size (--block)", a.blockPaths, b.blockPaths, rerun);
    same("engine (--engine)", a.engine, b.engine, rerun);
    same("traced paths (--trace)", a.tracePaths, b.tracePaths, rerun);
    same("kernel (sha256 of build/kernel.wasm)", a.kernel, b.kernel, "build the same kernel on every machine (npm run asbuild at one revision) and re-run the shards of the odd one out");
  }
  const total = ref.shard.blocks.total;
  const owner = new Array<SourcedShard | undefined>(total);
  const blocks = new Array<BlockSummary | undefined>(total);
  for (const s of shards) {
    s.shard.summaries.forEach((b) => {
      const prev = owner[b.blockIndex];
      if (prev) throw new UsageError(`merge: block ${b.blockIndex} is in both ${name(prev)} and ${name(s)} — pass each shard once, from one split`);
      owner[b.blockIndex] = s;
      blocks[b.blockIndex] = b;
    });
  }
  const missing = missingRanges(blocks);
  if (missing.length) {
    const counts = [...new Set(shards.map((s) => s.shard.shard.count))];
    const which = missing.map(([lo, hi]) => {
      const specs = counts.flatMap((n) => Array.from({ length: n }, (_, i) => ({ index: i + 1, count: n })))
        .filter((sp) => { const r = shardBlockRange(total, sp); return r.count > 0 && r.first < hi && r.first + r.count > lo; })
        .map((sp) => `${sp.index}/${sp.count}`);
      return `blocks ${lo === hi - 1 ? lo : `${lo}–${hi - 1}`} (shard ${specs.join(" or ")})`;
    });
    throw new UsageError(`merge: missing ${which.join(", ")} of ${total} blocks — run the missing shard(s) with --shard i/N and pass their folders too`);
  }
  const scenario = ref.shard.scenario;
  const job = encodeJob(scenario);
  const traced = shards.find((s) => s.shard.trace.length > 0);
  const revisions = [...new Set(shards.map((s) => s.shard.gitRevision))];
  const warnings = revisions.length > 1 ? [`shards were computed at different git revisions (${revisions.join(", ")}); results are bit-identical only if the engine did not change between them`] : [];
  const run: PacingRun = {
    job,
    baseline: baselineIndex(scenario, job),
    years: horizonYears(job),
    blocks: blocks as BlockSummary[],
    plots: traced ? tracePlots(job, traced.shard.trace, ref.shard.tracePaths) : null,
    trace: traced ? traced.shard.trace : new Float32Array(0),
    tracePaths: traced ? ref.shard.tracePaths : 0,
    timing: {
      simulation_seconds: shards.reduce((a, s) => a + s.shard.timing.simulation_seconds, 0),
      worker_startup_seconds: shards.reduce((a, s) => a + s.shard.timing.worker_startup_seconds, 0),
      workers: Math.max(...shards.map((s) => s.shard.timing.workers)),
      engine: ref.shard.engine,
    },
  };
  return { scenario, run, blockPaths: ref.shard.blockPaths, gitRevision: revisions.join(", "), warnings };
}

/** [lo, hi) runs of missing entries. */
function missingRanges(xs: unknown[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < xs.length; i++) {
    if (xs[i] !== undefined) continue;
    let j = i;
    while (j < xs.length && xs[j] === undefined) j++;
    out.push([i, j]);
    i = j;
  }
  return out;
}

/** The first field (path) where two JSON values differ, with both values shown. */
function firstDifference(a: unknown, b: unknown, path: string): { path: string; a: string; b: string } | undefined {
  if (a && b && typeof a === "object" && typeof b === "object" && Array.isArray(a) === Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const k of keys) {
      const sub = Array.isArray(a) ? `${path}[${k}]` : `${path}.${k}`;
      const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], sub);
      if (d) return d;
    }
    return undefined;
  }
  if (JSON.stringify(a) === JSON.stringify(b)) return undefined;
  const show = (x: unknown) => (x === undefined ? "missing" : JSON.stringify(x).slice(0, 60));
  return { path, a: show(a), b: show(b) };
}
