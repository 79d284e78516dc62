/**
 * RS-3 — synthetic instruments on real data (../shared/spec/reference-scenarios.md).
 *
 *   npx tsx studies/rs3-synthetic-real-data.ts --data-dir ../shared/data --out out/rs3 [--policy repair|strict]
 *
 * For each instrument S = A/B: inner-join the legs' daily *.clean.csv closes, roll a window of
 * 63 changes (64 closes) and report the delta-method volatility (G3) from the covariance
 * (divisor n − 1) of the legs' price changes, the realised volatility of ΔS, Wilder's ATR(14)
 * of S (close-to-close TR), risk-constant sizing (G4) capped at 4× (G6), weekly rebalancing
 * drift (G7) and a pyramiding summary (G8). Writes DIR/results.json (the RS-3 shape plus
 * extra fields), DIR/<id>-windows.csv and DIR/report.html (offline plotly).
 * The two instruments are the files studies/instruments/btc_2nq_usd.json and gold_usdjpy.json,
 * run through the same library calls as studies/synthetic-instrument.ts.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { UsageError } from "../src/errors.ts";
import { isMainModule } from "../src/cli/is-main-module.ts";
import { inputErrorsAsUsage } from "../src/cli/input-error.ts";
import { runCli } from "../src/cli/run-cli.ts";
import { readInstrumentFile } from "../src/synthetic/validate-instrument.ts";
import { atrPeriodOf, capOf, type Instrument } from "../src/synthetic/instrument-schema.ts";
import { writeFileAtomic } from "../src/io/write-atomic.ts";
import { gitRevision } from "../src/io/git-revision.ts";
import { Kernel } from "../src/wasm/kernel.ts";
import { loadKernelModule } from "../src/wasm/load-kernel-module.ts";
import type { DataPolicy } from "../src/data/price-series.ts";
import { runInstrument, type InstrumentResult } from "./rs3-instrument.ts";
import { rs3Report } from "./rs3-report.ts";

export interface Rs3Config {
  dataDir: string; out: string;
  /** overrides the instrument files' data policy */ policy: DataPolicy;
  /** the instrument files (RS3_INSTRUMENT_FILES) */ instruments: string[];
}

/** RS-3 exactly as the spec gives it: two instrument files (window 63, ATR(14), capital 1,000,000, risk 1%, cap 4). */
export const RS3_INSTRUMENT_FILES = ["btc_2nq_usd.json", "gold_usdjpy.json"].map((f) => fileURLToPath(new URL(`./instruments/${f}`, import.meta.url)));

const HELP = `RS-3: synthetic instruments on real data

usage: npx tsx studies/rs3-synthetic-real-data.ts --data-dir DIR --out OUT [--policy repair|strict]

  --data-dir DIR   folder with the *.clean.csv files (../shared/data)
  --out OUT        output folder: results.json, <id>-windows.csv, report.html
  --policy P       data policy: repair (default here; every repair is recorded in results.json)
                   or strict (stop on the first file with faults, listing them)
  --help           this text`;

/** Parses the command line. @throws UsageError on unknown or incomplete options */
export function parseArgs(argv: string[]): Rs3Config | null {
  const cfg: Rs3Config = { dataDir: "", out: "", policy: "repair", instruments: RS3_INSTRUMENT_FILES };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i], v = argv[i + 1];
    if (a === "--help" || a === "-h") return null;
    if (a === "--data-dir" || a === "--out" || a === "--policy") {
      if (v === undefined) throw new UsageError(`${a}: missing value — see --help`);
      if (a === "--data-dir") cfg.dataDir = v;
      else if (a === "--out") cfg.out = v;
      else if (v === "repair" || v === "strict") cfg.policy = v;
      else throw new UsageError(`--policy: must be repair or strict; got ${JSON.stringify(v)} — see --help`);
      i++;
    } else throw new UsageError(`${a}: unknown option — see --help`);
  }
  if (!cfg.dataDir) throw new UsageError("--data-dir: required — pass e.g. --data-dir ../shared/data");
  if (!cfg.out) throw new UsageError("--out: required — pass e.g. --out out/rs3");
  return cfg;
}

/** Runs RS-3 and writes the outputs; returns the results object. */
export function run(cfg: Rs3Config): Record<string, unknown> {
  const started = performance.now();
  const specs = cfg.instruments.map((f) => ({ file: f, spec: readInstrumentFile(f) }));
  const first: Instrument = specs[0].spec;
  const kernel = new Kernel(loadKernelModule());
  const instruments: Record<string, InstrumentResult> = {};
  const csv: Record<string, string> = {};
  const series: Record<string, Parameters<typeof rs3Report>[1][string]> = {};
  for (const { file, spec } of specs) {
    kernel.reset();
    const r = runInstrument(kernel, spec, { dataDir: cfg.dataDir, policy: cfg.policy, source: file });
    instruments[spec.id] = r.result;
    csv[spec.id] = r.csv;
    series[spec.id] = r.plot;
  }
  const results = {
    scenario: "RS-3", seed: null, git_revision: gitRevision(), policy: cfg.policy,
    config: { window_changes: first.window, atr_period: atrPeriodOf(first), capital: first.sizing.capital, risk_fraction: first.sizing.riskFraction, leverage_cap: capOf(first), data_dir: cfg.dataDir },
    units: "delta_vol, realised_vol, atr14: S price units per aligned-date step; var_A, var_B, cov_AB: leg price units squared per step",
    instruments,
    timing: { date: new Date().toISOString(), total_seconds: (performance.now() - started) / 1000 },
  };
  writeFileAtomic(join(cfg.out, "results.json"), JSON.stringify(results, null, 2) + "\n");
  for (const [id, text] of Object.entries(csv)) writeFileAtomic(join(cfg.out, `${id}-windows.csv`), text);
  writeFileAtomic(join(cfg.out, "report.html"), rs3Report(results, series));
  return results;
}

/** CLI entry point: exit status 2 with one line for bad input (flags, files, data). */
export async function main(argv = process.argv.slice(2)): Promise<void> {
  await inputErrorsAsUsage(() => {
    const cfg = parseArgs(argv);
    if (!cfg) { console.log(HELP); return; }
    const t0 = performance.now();
    const res = run(cfg) as { instruments: Record<string, InstrumentResult> };
    for (const [id, r] of Object.entries(res.instruments)) {
      const w = r.last_window;
      console.log(`${id}: ${r.dates} dates ${r.first_date} … ${r.last_date}; last window ${w.end_date}: S=${w.S.toPrecision(6)} delta_vol=${w.delta_vol.toPrecision(6)} realised_vol=${w.realised_vol.toPrecision(6)} atr14=${w.atr14.toPrecision(6)} leverage=${w.leverage.toPrecision(4)}${w.cap_binds ? " (cap)" : ""}; cap binds ${(100 * r.cap_binding_share).toFixed(1)}% of windows; ${r.set_aside.length} rows set aside`);
    }
    console.log(`wrote ${join(cfg.out, "results.json")}, CSV and report.html in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  });
}

if (isMainModule(import.meta.url)) runCli(main);
