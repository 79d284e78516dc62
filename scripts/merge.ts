/**
 * npm run merge -- DIR1 DIR2 … --out DIR
 *
 * Combines the shard folders written by a study run with --shard i/N into DIR/results.json,
 * DIR/results.csv and DIR/report.html — the bytes a single-process run writes, timing and
 * date aside. Refuses shards of different configurations (naming the field) and names the
 * missing blocks and shards.
 */
import { join } from "node:path";
import { parseFlags, helpText, runCli, type CommandSpec } from "../src/cli/run-cli.ts";
import { readShard } from "../src/shard/shard-file.ts";
import { mergeShards } from "../src/shard/merge-shards.ts";
import { writePacingOutputs } from "../src/engine/write-pacing-outputs.ts";
import { checkOutDir } from "../src/io/check-out-dir.ts";
import { UsageError } from "../src/errors.ts";
import { isMainModule } from "../src/cli/is-main-module.ts";

const command = {
  name: "merge",
  usage: "Usage: npm run merge -- DIR1 DIR2 … --out DIR\n\nMerges shard folders (written with --shard i/N) into one run's results.json, results.csv and report.html.",
  flags: { out: { type: "string" }, quiet: { type: "boolean" } },
  help: { out: "output folder (required)", quiet: "no summary line" },
} satisfies CommandSpec<Record<string, { type: "string" | "boolean" }>>;

/** The merge command (argv without node and script). */
export async function main(argv = process.argv.slice(2)): Promise<void> {
  const { values, positionals } = parseFlags(command, argv);
  if (values.help) { process.stdout.write(helpText(command)); return; }
  if (!values.out) throw new UsageError("--out: an output folder is required — e.g. --out out/rs1-merged");
  checkOutDir(String(values.out));
  if (positionals.length === 0) throw new UsageError("merge: no shard folders given — e.g. npm run merge -- out/s1 out/s2 --out out/merged");
  const started = performance.now();
  const merged = mergeShards(positionals.map((dir) => ({ source: dir, shard: readShard(dir) })));
  for (const w of merged.warnings) process.stderr.write(`warning: ${w}\n`);
  const out = String(values.out);
  writePacingOutputs(out, merged.scenario, merged.run, {
    gitRevision: merged.gitRevision, date: new Date().toISOString(), blockPaths: merged.blockPaths,
    timing: { merge_seconds: (performance.now() - started) / 1000, shards: positionals.length },
  });
  if (!values.quiet) process.stderr.write(`wrote ${join(out, "results.json")}, results.csv, report.html — ${positionals.length} shard(s), ${merged.run.blocks.length} blocks, ${merged.scenario.paths} paths\n`);
}

if (isMainModule(import.meta.url)) runCli(main);
