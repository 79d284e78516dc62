/**
 * `pacing run [SCENARIO] --out DIR [flags]`: the general pacing runner. SCENARIO is a preset
 * name (default rs1) or a scenario JSON file; the flags are the RS-1 study's
 * (studies/rs1-pacing-thin-book.ts, which this wraps: `--config FILE` there is SCENARIO here).
 */
import { existsSync } from "node:fs";
import { UsageError } from "../errors.ts";
import { captureStdout } from "./capture-stdout.ts";
import { runWorkersAhead } from "./run-workers-ahead.ts";
import { prestartWorkers } from "../engine/worker-pool.ts";
import { precompileKernelModule } from "../wasm/load-kernel-module.ts";

/** Preset scenarios by name: the study flags that select each one. */
export const PRESETS: Record<string, string[]> = { rs1: [], "rs1-benchmarks": ["--config", "rs1-benchmarks"] };

const USAGE = `Usage: pacing run [rs1 | SCENARIO.json] --out DIR [options]

Runs a pacing scenario by Monte Carlo — a preset (${Object.keys(PRESETS).join(", ")}; default rs1) or a
scenario JSON file (see pacing schema) — and writes DIR/results.json, results.csv, report.html.
The options are those of the RS-1 study:

`;

/** The study flags for a scenario argument: a preset's, or --config FILE. */
function scenarioFlags(scenario: string): string[] {
  if (Object.hasOwn(PRESETS, scenario)) return PRESETS[scenario];
  if (scenario.endsWith(".json") || existsSync(scenario)) return ["--config", scenario];
  throw new UsageError(`run: ${JSON.stringify(scenario)} is neither a preset (${Object.keys(PRESETS).join(", ")}) nor a scenario file — give a preset name or the path of a .json file`);
}

/**
 * Runs the scenario named by the first argument (when it is not a flag) with the rest as study flags.
 * @throws UsageError for an unknown preset or a bad flag (the study's messages)
 */
export async function main(argv: string[]): Promise<void> {
  const help = argv.includes("--help") || argv.includes("-h");
  prestartWorkers(runWorkersAhead(argv, Object.keys(PRESETS))); // they start while the study loads and checks its input,
  if (!help) precompileKernelModule(); // and the kernel compiles meanwhile
  const study = await import("../../studies/rs1-pacing-thin-book.ts");
  if (help) {
    const help = await captureStdout(() => study.main(["--help"]));
    process.stdout.write(USAGE + help.slice(Math.max(0, help.indexOf("Options:"))));
    return;
  }
  const [first, ...rest] = argv;
  const args = first !== undefined && !first.startsWith("-") ? [...scenarioFlags(first), ...rest] : argv;
  await study.main(args);
}
