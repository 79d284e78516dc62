/**
 * npm run queue -- --redis URL [--shards N] [--timeout S] [--connect-timeout S] STUDY --out DIR <study flags>
 *
 * Runs a study through a BullMQ queue on Redis: one job per shard i/N, processed by any
 * number of `npm run worker -- --redis URL`, then merged into DIR/results.json, results.csv
 * and report.html — the bytes of a single-process run, timing and date aside.
 * Example: npm run queue -- --redis redis://10.0.0.5:6379 studies/rs1-pacing-thin-book.ts --paths 20000 --out out/rs1-queued
 */
import { join, relative, resolve } from "node:path";
import { existsSync } from "node:fs";
import { intFlag, runCli } from "../src/cli/run-cli.ts";
import { parseRedisUrl, CONNECT_TIMEOUT_SECONDS } from "../src/queue/check-redis.ts";
import { runQueued } from "../src/queue/run-queued.ts";
import { REPO_ROOT } from "../src/queue/shard-worker.ts";
import { writePacingOutputs } from "../src/engine/write-pacing-outputs.ts";
import { checkOutDir } from "../src/io/check-out-dir.ts";
import { UsageError } from "../src/errors.ts";
import { isMainModule } from "../src/cli/is-main-module.ts";

const HELP = `Usage: npm run queue -- --redis URL [options] STUDY --out DIR [study flags]

Splits the study into shard jobs on a BullMQ queue, waits for workers
(npm run worker -- --redis URL, on any machines) and merges their results into DIR.

Options (before STUDY):
  --redis URL             Redis URL (required), e.g. redis://127.0.0.1:6379
  --shards N              shard jobs (default 8; more than the blocks leaves some empty)
  --timeout S             give up after S seconds of waiting (default: wait)
  --connect-timeout S     fail when Redis does not answer within S seconds (default ${CONNECT_TIMEOUT_SECONDS})
  --quiet                 no progress lines
  --help                  show this help
Study flags (after STUDY): as the study's --help, except --shard and --workers (set by the workers).
`;

/** Flags of the study that the coordinator keeps for itself (with whether they take a value). */
const KEPT: Record<string, boolean> = { out: true, shard: true, workers: true, quiet: false };

/** The queue command (argv without node and script). */
export async function main(argv = process.argv.slice(2)): Promise<void> {
  const own: Record<string, string | boolean> = {};
  let i = 0;
  for (; i < argv.length && argv[i].startsWith("--"); i++) {
    const [flag, inline] = argv[i].slice(2).split(/=(.*)/s, 2);
    if (flag === "help") { process.stdout.write(HELP); return; }
    if (flag === "quiet") { own.quiet = true; continue; }
    if (!["redis", "shards", "timeout", "connect-timeout"].includes(flag)) throw new UsageError(`queue: unknown option --${flag} before the study — see --help`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new UsageError(`--${flag}: needs a value — see --help`);
    own[flag] = value;
  }
  const url = parseRedisUrl(own.redis as string | undefined);
  const studyArg = argv[i++];
  if (!studyArg) throw new UsageError("queue: no study given — e.g. npm run queue -- --redis URL studies/rs1-pacing-thin-book.ts --out out/rs1");
  const study = relative(REPO_ROOT, resolve(studyArg));
  if (study.startsWith("..") || !study.startsWith("studies") || !existsSync(resolve(REPO_ROOT, study))) {
    throw new UsageError(`queue: study ${JSON.stringify(studyArg)} is not a file under studies/ — e.g. studies/rs1-pacing-thin-book.ts`);
  }
  const args: string[] = [];
  const kept: Record<string, string | boolean> = {};
  for (; i < argv.length; i++) {
    const [flag, inline] = argv[i].startsWith("--") ? argv[i].slice(2).split(/=(.*)/s, 2) : ["", undefined];
    if (flag in KEPT) kept[flag] = KEPT[flag] ? (inline ?? argv[++i]) : true;
    else args.push(argv[i]);
  }
  if (typeof kept.out !== "string") throw new UsageError("--out: an output folder is required — e.g. --out out/rs1-queued");
  checkOutDir(kept.out);
  if (kept.shard !== undefined) throw new UsageError("--shard: the queue chooses the shards — use --shards N before the study instead");
  const quiet = own.quiet === true || kept.quiet === true;
  const log = quiet ? () => {} : (line: string) => process.stderr.write(`${line}\n`);
  const started = performance.now();
  const merged = await runQueued({
    url, study, args,
    shards: intFlag("shards", own.shards as string | undefined, 1, 100_000) ?? 8,
    timeoutSeconds: intFlag("timeout", own.timeout as string | undefined, 1, 1e9),
    connectTimeoutSeconds: intFlag("connect-timeout", own["connect-timeout"] as string | undefined, 1, 3600),
    log,
  });
  for (const w of merged.warnings) process.stderr.write(`warning: ${w}\n`);
  writePacingOutputs(kept.out, merged.scenario, merged.run, {
    gitRevision: merged.gitRevision, date: new Date().toISOString(), blockPaths: merged.blockPaths,
    timing: { total_seconds: (performance.now() - started) / 1000 },
  });
  log(`wrote ${join(kept.out, "results.json")}, results.csv, report.html — run ${merged.runId}, ${merged.run.blocks.length} blocks, ${merged.scenario.paths} paths`);
}

if (isMainModule(import.meta.url)) runCli(main);
