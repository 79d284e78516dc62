/**
 * A synthetic instrument from its file: S = A/B on real data, sized, capped, rebalanced,
 * pyramided and, with --pace, paced (docs/synthetic-instruments.md).
 *
 *   npx tsx studies/synthetic-instrument.ts --instrument FILE --data-dir DIR --out DIR [--policy strict|repair]
 *        [--pace [--pace-target vol-target|constant] [--paths N] [--steps T] [--seed S] [--workers W]] [--quiet]
 *   npx tsx studies/synthetic-instrument.ts --schema      (the instrument file's JSON Schema)
 *
 * Writes DIR/results.json (the RS-3 shape, generalised), DIR/results.csv (the summary figures),
 * DIR/<id>-windows.csv (every window) and DIR/report.html; with --pace also DIR/pace/ (the
 * scenario it built as scenario.json, and the pacing study's results.json, results.csv and
 * report.html, as the RS-1 study writes them).
 */
import { join } from "node:path";
import { mkdirSync } from "node:fs";
import { UsageError } from "../src/errors.ts";
import { parseFlags, helpText, intFlag, runCli, type CommandSpec } from "../src/cli/run-cli.ts";
import { isMainModule } from "../src/cli/is-main-module.ts";
import { inputErrorsAsUsage } from "../src/cli/input-error.ts";
import { progressBar } from "../src/cli/progress-bar.ts";
import { writeFileAtomic, toJson } from "../src/io/write-atomic.ts";
import { gitRevision } from "../src/io/git-revision.ts";
import { Kernel } from "../src/wasm/kernel.ts";
import { loadKernelModule } from "../src/wasm/load-kernel-module.ts";
import { validateScenario } from "../src/scenario/validate-scenario.ts";
import { runPacing } from "../src/engine/run-pacing.ts";
import { DEFAULT_BLOCK_PATHS } from "../src/engine/block-plan.ts";
import { writePacingOutputs } from "../src/engine/write-pacing-outputs.ts";
import { instrumentJsonSchema, type Instrument } from "../src/synthetic/instrument-schema.ts";
import { readInstrumentFile } from "../src/synthetic/validate-instrument.ts";
import { loadInstrumentLegs } from "../src/synthetic/instrument-legs.ts";
import { analyseInstrument } from "../src/synthetic/analyse-instrument.ts";
import { instrumentEntry, instrumentWindowsCsv, type InstrumentEntry } from "../src/synthetic/instrument-document.ts";
import { instrumentSummaryCsv } from "../src/synthetic/instrument-summary-csv.ts";
import { paceScenario, type PaceTarget } from "../src/synthetic/pace-scenario.ts";
import { instrumentsReportHtml } from "../src/report/instruments-report.ts";

const command = {
  name: "synthetic-instrument",
  usage: "Usage: npx tsx studies/synthetic-instrument.ts --instrument FILE --data-dir DIR --out DIR [options]\n\nAnalyses the synthetic instrument S = A/B an instrument file describes (docs/synthetic-instruments.md)\nand writes DIR/results.json, DIR/results.csv, DIR/<id>-windows.csv and DIR/report.html.",
  flags: {
    instrument: { type: "string" }, "data-dir": { type: "string" }, out: { type: "string" }, policy: { type: "string" },
    schema: { type: "boolean" }, pace: { type: "boolean" }, "pace-target": { type: "string" },
    paths: { type: "string" }, steps: { type: "string" }, seed: { type: "string" }, workers: { type: "string" }, quiet: { type: "boolean" },
  },
  help: {
    instrument: "instrument file (JSON; --schema prints its JSON Schema; examples in studies/instruments/)",
    "data-dir": "folder the legs' price files are read from (e.g. ../shared/data)",
    out: "output folder",
    policy: "data policy for every leg, overriding the file's: strict or repair",
    schema: "print the instrument file's JSON Schema and exit",
    pace: "also run the pacing engine on the instrument (DIR/pace/): a vol-target at the instrument's cap, six schemes",
    "pace-target": "vol-target (default: min(cap, σ_target/σ̂)) or constant (the cap itself)",
    paths: "--pace: Monte Carlo paths (default: the file's pacing.paths, 2000)",
    steps: "--pace: horizon in steps (default: pacing.horizonSteps, 1260)",
    seed: "--pace: random seed (default: pacing.seed, 1)",
    workers: "--pace: worker threads (default: all cores); results are identical for any value",
    quiet: "no progress bar and no summary",
  },
} satisfies CommandSpec<Record<string, { type: "string" | "boolean" }>>;

export interface StudyOptions {
  instrument: string; dataDir: string; out: string; policy?: "strict" | "repair";
  pace?: { target: PaceTarget; paths?: number; steps?: number; seed?: number; workers?: number; quiet?: boolean };
}

/** Runs the study and writes its outputs; returns the results document. */
export async function runStudy(o: StudyOptions): Promise<Record<string, unknown>> {
  const started = performance.now();
  const instrument: Instrument = readInstrumentFile(o.instrument);
  const kernel = new Kernel(loadKernelModule());
  const data = loadInstrumentLegs(instrument, { dataDir: o.dataDir, policy: o.policy, source: o.instrument, minDates: instrument.window + 1 });
  const analysis = analyseInstrument(kernel, instrument, data, o.instrument);
  const entry: InstrumentEntry = instrumentEntry(instrument, data, analysis);
  mkdirSync(o.out, { recursive: true });
  let pacing: Record<string, unknown> | null = null;
  if (o.pace) {
    const scenario = validateScenario(paceScenario(instrument, data, analysis, { ...o.pace, source: o.instrument }), `${o.instrument} (pacing scenario)`);
    const dir = join(o.out, "pace");
    writeFileAtomic(join(dir, "scenario.json"), toJson(scenario));
    const bar = progressBar("pacing", !o.pace.quiet && process.stderr.isTTY === true);
    const run = await runPacing(scenario, { workers: o.pace.workers, blockPaths: DEFAULT_BLOCK_PATHS, tracePaths: 200, onProgress: (d, t) => bar.update(d, t) });
    const doc = writePacingOutputs(dir, scenario, run, { gitRevision: gitRevision(), date: new Date().toISOString(), blockPaths: DEFAULT_BLOCK_PATHS });
    pacing = { folder: "pace", target: scenario.target, returns: scenario.returns?.kind, paths: scenario.paths, steps: scenario.horizonSteps, seed: scenario.seed, schemes: doc.schemes };
  }
  const results = {
    study: "synthetic-instrument", instrument_file: o.instrument, seed: instrument.pyramiding.bootstrap.seed, git_revision: gitRevision(),
    config: {
      window_changes: instrument.window, atr_period: analysis.atrPeriod, capital: instrument.sizing.capital, risk_fraction: instrument.sizing.riskFraction,
      leverage_cap: analysis.cap, covariance: instrument.covariance, unit_risk: instrument.unitRisk, calendar: instrument.calendar,
      policy: o.policy ?? instrument.data.policy, data_dir: o.dataDir,
    },
    instrument,
    units: "A, B, S, delta_vol, realised_vol, atr, unit_risk: price units per aligned-date step; var_A, var_B, cov_AB: basket price units squared per step; position: units of S; leverage: × capital; P&L and drawdown in account currency / share of peak equity",
    instruments: { [instrument.id]: entry },
    ...(pacing ? { pacing } : {}),
    timing: { date: new Date().toISOString(), total_seconds: (performance.now() - started) / 1000 },
  };
  writeFileAtomic(join(o.out, `${instrument.id}-windows.csv`), instrumentWindowsCsv(analysis));
  writeFileAtomic(join(o.out, "results.csv"), instrumentSummaryCsv(instrument.id, entry));
  writeFileAtomic(join(o.out, "results.json"), toJson(results));
  writeFileAtomic(join(o.out, "report.html"), instrumentsReportHtml(results, join(o.out, "results.json")));
  return results;
}

/** CLI entry point: exit status 2 with one line for bad input (flags, instrument file, data). */
export async function main(argv = process.argv.slice(2)): Promise<void> {
  const { values } = parseFlags(command, argv);
  if (values.help) { process.stdout.write(helpText(command)); return; }
  if (values.schema) { process.stdout.write(JSON.stringify(instrumentJsonSchema(), null, 2) + "\n"); return; }
  for (const f of ["instrument", "data-dir", "out"] as const) if (!values[f]) throw new UsageError(`--${f}: required — e.g. ${{ instrument: "--instrument studies/instruments/gold_usdjpy.json", "data-dir": "--data-dir ../shared/data", out: "--out out/gold" }[f]}`);
  const policy = values.policy as string | undefined;
  if (policy !== undefined && policy !== "strict" && policy !== "repair") throw new UsageError(`--policy: must be strict or repair; got ${JSON.stringify(policy)}`);
  const target = (values["pace-target"] as string | undefined) ?? "vol-target";
  if (target !== "vol-target" && target !== "constant") throw new UsageError(`--pace-target: must be vol-target or constant; got ${JSON.stringify(target)}`);
  const paceFlags = (["pace-target", "paths", "steps", "seed", "workers"] as const).filter((f) => values[f] !== undefined);
  if (!values.pace && paceFlags.length) throw new UsageError(`--${paceFlags[0]}: applies only with --pace — add --pace or drop it`);
  const pace = values.pace ? {
    target: target as PaceTarget, quiet: values.quiet === true,
    paths: intFlag("paths", values.paths as string | undefined, 1, 100_000_000), steps: intFlag("steps", values.steps as string | undefined, 1, 100_000),
    seed: intFlag("seed", values.seed as string | undefined, 0, 4294967295), workers: intFlag("workers", values.workers as string | undefined, 1, 256),
  } : undefined;
  const out = String(values.out);
  const res = await inputErrorsAsUsage(() => runStudy({ instrument: String(values.instrument), dataDir: String(values["data-dir"]), out, policy, pace }));
  if (values.quiet) return;
  for (const [id, r] of Object.entries(res.instruments as Record<string, InstrumentEntry>)) {
    const w = r.last_window, c = r.pyramiding.comparison;
    process.stderr.write(`${id}: ${r.dates} dates ${r.first_date} … ${r.last_date}; last window ${w.end_date}: S=${w.S.toPrecision(6)} delta_vol=${w.delta_vol.toPrecision(6)} realised_vol=${w.realised_vol.toPrecision(6)} atr(${w.atr_period})=${w.atr.toPrecision(6)} leverage=${w.leverage.toPrecision(4)}${w.cap_binds ? " (cap)" : ""}; cap ${r.cap}× binds in ${(100 * r.cap_binding_share).toFixed(1)}% of ${r.windows} windows\n`);
    if (c) process.stderr.write(`  pyramiding − holding the target: P&L ${fmt(c.difference.total)}, max drawdown ${fmt(c.difference.max_drawdown)} (95% block-bootstrap intervals)\n`);
  }
  process.stderr.write(`wrote ${join(out, "results.json")}, results.csv, windows CSV and report.html${pace ? `, and ${join(out, "pace")}/` : ""}\n`);
}

const fmt = (e: { estimate: number | null; lo: number | null; hi: number | null }) => `${e.estimate?.toPrecision(4)} [${e.lo?.toPrecision(4)}, ${e.hi?.toPrecision(4)}]`;

if (isMainModule(import.meta.url)) runCli(main);
