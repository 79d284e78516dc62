/**
 * Study RS-1 — pacing schemes on a thin crypto book (reference-scenarios.md, RS-1).
 *
 *   npx tsx studies/rs1-pacing-thin-book.ts --out out/rs1 [--paths N] [--steps T] [--seed S]
 *        [--workers W] [--config scenario.json] [--shard i/N] [--quiet]
 *
 * Assembles the scenario (the RS-1 preset, or a JSON file, with flags on top), runs it,
 * and writes DIR/results.json, DIR/results.csv and DIR/report.html — or, with --shard i/N,
 * only its slice of the blocks to DIR/shard.json for `npm run merge` (src/shard/).
 */
import { join } from "node:path";
import { rs1Scenario } from "../src/scenario/presets/rs1.ts";
import type { ScenarioInput } from "../src/scenario/scenario-schema.ts";
import { validateScenario } from "../src/scenario/validate-scenario.ts";
import { runPacing } from "../src/engine/run-pacing.ts";
import { DEFAULT_BLOCK_PATHS } from "../src/engine/block-plan.ts";
import { parseShardSpec } from "../src/shard/shard-spec.ts";
import { readJsonFile } from "../src/io/read-json-file.ts";
import { presetScenario } from "../src/scenario/presets/preset-scenarios.ts";
import { checkOutDir } from "../src/io/check-out-dir.ts";
import { gitRevisionAsync } from "../src/io/git-revision.ts";
import { parseFlags, helpText, intFlag, runCli, type CommandSpec } from "../src/cli/run-cli.ts";
import { progressBar } from "../src/cli/progress-bar.ts";
import { UsageError } from "../src/errors.ts";
import { isMainModule } from "../src/cli/is-main-module.ts";

/** The study's default configuration: RS-1 exactly. */
export const config = rs1Scenario;

export const command = {
  name: "rs1-pacing-thin-book",
  usage: "Usage: npx tsx studies/rs1-pacing-thin-book.ts --out DIR [options]\n\nRuns RS-1 (six pacing schemes on a thin crypto book) by Monte Carlo and writes\nDIR/results.json, DIR/results.csv and DIR/report.html.",
  flags: {
    out: { type: "string" }, paths: { type: "string" }, steps: { type: "string" }, seed: { type: "string" },
    workers: { type: "string" }, config: { type: "string" }, engine: { type: "string" }, trace: { type: "string" },
    block: { type: "string" }, shard: { type: "string" }, png: { type: "boolean" }, quiet: { type: "boolean" },
    baseline: { type: "string" },
  },
  help: {
    out: "output folder (required)",
    paths: "Monte Carlo paths (default 10000)",
    steps: "horizon in steps (default 1825 = 5 years of days)",
    seed: "random seed, integer in [0, 2^32) (default 1)",
    workers: "worker threads (default: all cores); results are identical for any value",
    config: "scenario JSON file, or a preset name (rs1, rs1-benchmarks), replacing the RS-1 preset (flags still override paths/steps/seed)",
    engine: "wasm (default) or reference (the plain TypeScript twin, slower)",
    trace: "paths traced for the plots, the leverage window and the equity fan (default 200)",
    block: "paths per block, a multiple of 64 (default 512)",
    shard: "i/N: compute only shard i of N (a slice of the blocks) into DIR/shard.json; combine with npm run merge",
    png: "also write DIR/figures/*.png of every chart (needs Debian's chromium; see .ci/setup-chromium.sh)",
    quiet: "no progress bar",
    baseline: "scheme the paired differences are taken against (default: the scenario's baseline)",
  },
} satisfies CommandSpec<Record<string, { type: "string" | "boolean" }>>;

/** Runs the study; `preset` and `spec` let another study (strategy-pacing.ts) reuse it with its own scenario and flags. */
export async function main(argv = process.argv.slice(2), preset: ScenarioInput = config, spec: typeof command = command): Promise<void> {
  const { values } = parseFlags(spec, argv);
  if (values.help) { process.stdout.write(helpText(spec)); return; }
  if (!values.out) throw new UsageError("--out: an output folder is required — e.g. --out out/rs1");
  checkOutDir(String(values.out));
  const engine = values.engine ?? "wasm";
  if (engine !== "wasm" && engine !== "reference") throw new UsageError(`--engine: must be "wasm" or "reference"; got ${JSON.stringify(engine)}`);
  const base = values.config ? presetScenario(String(values.config)) ?? readJsonFile(String(values.config), "--config") : preset;
  if (typeof base !== "object" || base === null || Array.isArray(base)) throw new UsageError(`--config ${values.config}: must hold a JSON object (a scenario) — see the JSON Schema (npm run schema)`);
  const overrides: Record<string, number | string> = {};
  const paths = intFlag("paths", values.paths as string | undefined, 1, 100_000_000);
  const steps = intFlag("steps", values.steps as string | undefined, 1, 100_000);
  const seed = intFlag("seed", values.seed as string | undefined, 0, 4294967295);
  if (paths !== undefined) overrides.paths = paths;
  if (steps !== undefined) overrides.horizonSteps = steps;
  if (seed !== undefined) overrides.seed = seed;
  if (values.baseline !== undefined) overrides.baseline = String(values.baseline);
  const scenario = validateScenario({ ...base, ...overrides }, values.config ? String(values.config) : "scenario");
  const blockPaths = intFlag("block", values.block as string | undefined, 64, 1_048_576, 64) ?? DEFAULT_BLOCK_PATHS;

  const started = performance.now();
  const bar = progressBar(scenario.name, !values.quiet && process.stderr.isTTY === true);
  const options = {
    workers: intFlag("workers", values.workers as string | undefined, 1, 256),
    engine, blockPaths, tracePaths: intFlag("trace", values.trace as string | undefined, 0, blockPaths) ?? 200,
    onProgress: (d: number, t: number) => bar.update(d, t),
  } as const;
  const out = String(values.out);
  if (values.shard !== undefined) {
    const [{ runShard }, { writeShard }] = await Promise.all([import("../src/shard/run-shard.ts"), import("../src/shard/shard-file.ts")]);
    const shard = await runShard(scenario, parseShardSpec(String(values.shard)), options);
    const path = writeShard(out, shard);
    if (!values.quiet) process.stderr.write(`wrote ${path} — blocks ${shard.blocks.first}…${shard.blocks.first + shard.blocks.count - 1} of ${shard.blocks.total}\n`);
    return;
  }
  const running = runPacing(scenario, options); // the workers have their first tasks when this returns;
  const revision = gitRevisionAsync(); // then `git status` runs while the paths are simulated,
  const outputs = import("../src/engine/write-pacing-outputs.ts") // and the results' and report's modules load
    .then((m) => (m.preparePacingOutputs(), m)); // and plotly.js is read meanwhile
  outputs.catch(() => undefined); // a failure is reported where it is awaited, not as unhandled if the run fails first
  const run = await running;
  const { writePacingOutputs } = await outputs;
  writePacingOutputs(out, scenario, run, {
    gitRevision: await revision, date: new Date().toISOString(), blockPaths,
    timing: { total_seconds: (performance.now() - started) / 1000 },
  });
  if (!values.quiet) {
    process.stderr.write(`wrote ${join(out, "results.json")}, results.csv, report.html — ${scenario.paths} paths × ${scenario.horizonSteps} steps in ${run.timing.simulation_seconds.toFixed(2)} s on ${run.timing.workers} worker(s)\n`);
  }
  if (values.png) {
    const { writeReportPngs } = await import("../src/report/png-export.ts");
    const png = await writeReportPngs(join(out, "report.html"), join(out, "figures"));
    process.stderr.write("written" in png ? `wrote ${png.written.length} PNGs under ${join(out, "figures")}\n` : `no PNGs: ${png.skipped}\n`);
  }
}

if (isMainModule(import.meta.url)) runCli(main);
