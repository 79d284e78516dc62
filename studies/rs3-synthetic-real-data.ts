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
 */
import { join } from "node:path";
import { UsageError } from "../src/errors.ts";
import { writeFileAtomic } from "../src/io/write-atomic.ts";
import { gitRevision } from "../src/io/git-revision.ts";
import { Kernel } from "../src/wasm/kernel.ts";
import { loadKernelModule } from "../src/wasm/load-kernel-module.ts";
import type { DataPolicy } from "../src/data/price-series.ts";
import { runInstrument, type InstrumentSpec, type InstrumentResult } from "./rs3-instrument.ts";
import { rs3Report } from "./rs3-report.ts";

export interface Rs3Config {
  dataDir: string; out: string; policy: DataPolicy;
  window: number; atrPeriod: number; capital: number; riskFraction: number; cap: number;
  instruments: InstrumentSpec[];
}

/** RS-3 exactly as the spec gives it. */
export const RS3_INSTRUMENTS: InstrumentSpec[] = [
  { id: "btc_2nq_usd", base: [{ name: "BTC", file: "btc-usd_yahoo_1d", units: 1 }, { name: "NQ", file: "nq-futures_yahoo_1d", units: 2 }], quote: [{ name: "USD", constant: 1, units: 1 }] },
  { id: "gold_usdjpy", base: [{ name: "Gold", file: "gold-futures_yahoo_1d", units: 1 }], quote: [{ name: "USDJPY", file: "usdjpy_yahoo_1d", units: 1 }] },
];

const HELP = `RS-3: synthetic instruments on real data

usage: npx tsx studies/rs3-synthetic-real-data.ts --data-dir DIR --out OUT [--policy repair|strict]

  --data-dir DIR   folder with the *.clean.csv files (../shared/data)
  --out OUT        output folder: results.json, <id>-windows.csv, report.html
  --policy P       data policy: repair (default here; every repair is recorded in results.json)
                   or strict (stop on the first file with faults, listing them)
  --help           this text`;

/** Parses the command line. @throws UsageError on unknown or incomplete options */
export function parseArgs(argv: string[]): Rs3Config | null {
  const cfg: Rs3Config = { dataDir: "", out: "", policy: "repair", window: 63, atrPeriod: 14, capital: 1_000_000, riskFraction: 0.01, cap: 4, instruments: RS3_INSTRUMENTS };
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
  const kernel = new Kernel(loadKernelModule());
  const instruments: Record<string, InstrumentResult> = {};
  const csv: Record<string, string> = {};
  const series: Record<string, Parameters<typeof rs3Report>[1][string]> = {};
  for (const spec of cfg.instruments) {
    kernel.reset();
    const r = runInstrument(kernel, spec, cfg);
    instruments[spec.id] = r.result;
    csv[spec.id] = r.csv;
    series[spec.id] = r.plot;
  }
  const results = {
    scenario: "RS-3", seed: null, git_revision: gitRevision(), policy: cfg.policy,
    config: { window_changes: cfg.window, atr_period: cfg.atrPeriod, capital: cfg.capital, risk_fraction: cfg.riskFraction, leverage_cap: cfg.cap, data_dir: cfg.dataDir },
    units: "delta_vol, realised_vol, atr14: S price units per aligned-date step; var_A, var_B, cov_AB: leg price units squared per step",
    instruments,
    timing: { date: new Date().toISOString(), total_seconds: (performance.now() - started) / 1000 },
  };
  writeFileAtomic(join(cfg.out, "results.json"), JSON.stringify(results, null, 2) + "\n");
  for (const [id, text] of Object.entries(csv)) writeFileAtomic(join(cfg.out, `${id}-windows.csv`), text);
  writeFileAtomic(join(cfg.out, "report.html"), rs3Report(results, series));
  return results;
}

/** CLI entry point. */
export function main(argv = process.argv.slice(2)): void {
  try {
    const cfg = parseArgs(argv);
    if (!cfg) { console.log(HELP); return; }
    const t0 = performance.now();
    const res = run(cfg) as { instruments: Record<string, InstrumentResult> };
    for (const [id, r] of Object.entries(res.instruments)) {
      const w = r.last_window;
      console.log(`${id}: ${r.dates} dates ${r.first_date} … ${r.last_date}; last window ${w.end_date}: S=${w.S.toPrecision(6)} delta_vol=${w.delta_vol.toPrecision(6)} realised_vol=${w.realised_vol.toPrecision(6)} atr14=${w.atr14.toPrecision(6)} leverage=${w.leverage.toPrecision(4)}${w.cap_binds ? " (cap)" : ""}; cap binds ${(100 * r.cap_binding_share).toFixed(1)}% of windows; ${r.set_aside.length} rows set aside`);
    }
    console.log(`wrote ${join(cfg.out, "results.json")}, CSV and report.html in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } catch (e) {
    if (e instanceof UsageError || (e instanceof RangeError && e.name === "DataFaultError")) { console.error(e.message); process.exit(2); }
    throw e;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
