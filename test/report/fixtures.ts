/**
 * Results documents for the report tests: a tiny RS-1 run (the real study), an RS-3-shaped
 * document with a per-window CSV, and the real RS-3 study when ../shared/data is present.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { existsSync } from "node:fs";
import { main as rs1 } from "../../studies/rs1-pacing-thin-book.ts";
import { parseArgs as rs3Args, run as rs3Run } from "../../studies/rs3-synthetic-real-data.ts";

/** Where the shared market data lives (RS-3 reads it). */
export const SHARED_DATA = join("..", "shared", "data");

/** Runs the real RS-3 study into `dir` when the shared data is present; returns its results.json or null. */
export function realRs3(dir: string): string | null {
  if (!existsSync(SHARED_DATA)) return null;
  rs3Run(rs3Args(["--data-dir", SHARED_DATA, "--out", dir])!);
  return join(dir, "results.json");
}

/** Runs RS-1 at a tiny size into `dir` (results.json, results.csv, report.html). */
export async function tinyRs1(dir: string): Promise<string> {
  await rs1(["--out", dir, "--paths", "128", "--steps", "120", "--workers", "1", "--trace", "64", "--block", "64", "--quiet"]);
  return join(dir, "results.json");
}

/** An RS-3-shaped results document (reference-scenarios.md, "Result file"), with one extra series. */
export function instrumentsFixture(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const dates = ["2024-08-19", "2024-08-20", "2024-08-21"];
  const doc = {
    study: "RS-3", seed: null, provenance: { git_revision: "abc123", date: "2026-11-01T00:00:00Z" }, timing: { total_seconds: 1.25 },
    config: { name: "RS-3", capital: 1e6, risk: 0.01, cap: 4 },
    instruments: {
      btc_2nq_usd: {
        dates: 2400, first_date: "2014-09-17", last_date: "2024-08-21", set_aside: [{ leg: "NQ", date: "2020-04-20", reason: "spike" }],
        last_window: { end_date: "2024-08-21", A: 60000, B: 2, S: 30000, var_A: 1, var_B: 1, cov_AB: 0, delta_vol: 900, realised_vol: 950, atr14: 800, position: 11, leverage: 0.33, cap_binds: false },
        cap_binding_share: 0.1,
        rolling: { dates, delta_vol: [1, 2, 3], realised_vol: [1.1, 2.1, 2.9] },
      },
      gold_usdjpy: {
        dates: 2000, first_date: "2015-01-02", last_date: "2024-08-21", set_aside: [],
        last_window: { end_date: "2024-08-21", A: 2500, B: 146, S: 17.1, delta_vol: 0.1, realised_vol: 0.12, atr14: 0.11, position: 1e5, leverage: 1.7, cap_binds: false },
        cap_binding_share: 0,
      },
    },
  };
  const file = join(dir, "results.json");
  writeFileSync(file, JSON.stringify(doc, null, 2));
  // the per-window CSV the RS-3 study writes beside results.json
  writeFileSync(join(dir, "btc_2nq_usd-windows.csv"), [
    "end_date,A,B,S,var_A,var_B,cov_AB,delta_vol,realised_vol,atr14,position,leverage,cap_binds,base_weight_drift",
    "2024-08-19,60000,2,30000,1,1,0,880,900,790,11,0.30,0,0.001",
    "2024-08-20,60500,2,30250,1,1,0,890,940,795,11,0.31,0,0.002",
    "2024-08-21,60000,2,30000,1,1,0,900,950,800,11,0.33,0,0.003",
  ].join("\n") + "\n");
  return file;
}
