import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs, run } from "../../studies/rs3-synthetic-real-data.ts";

const DATA = new URL("../../../shared/data/", import.meta.url).pathname;

describe("RS-3 study", () => {
  it("writes results.json in the RS-3 shape, the CSVs and the report; records the USDJPY spike it set aside", () => {
    const out = mkdtempSync(join(tmpdir(), "rs3-"));
    run(parseArgs(["--data-dir", DATA, "--out", out])!);
    const r = JSON.parse(readFileSync(join(out, "results.json"), "utf8"));
    for (const id of ["btc_2nq_usd", "gold_usdjpy"]) {
      const x = r.instruments[id];
      expect(Object.keys(x)).toEqual(expect.arrayContaining(["dates", "first_date", "last_date", "set_aside", "last_window", "cap_binding_share"]));
      expect(Object.keys(x.last_window)).toEqual(["end_date", "A", "B", "S", "var_A", "var_B", "cov_AB", "delta_vol", "realised_vol", "atr14", "position", "leverage", "cap_binds"]);
      expect(existsSync(join(out, `${id}-windows.csv`))).toBe(true);
    }
    expect(r.instruments.btc_2nq_usd.last_window.B).toBe(1);
    expect(r.instruments.gold_usdjpy.set_aside).toEqual([expect.objectContaining({ leg: "USDJPY", date: "2008-12-08", reason: expect.stringMatching(/isolated spike/) })]);
    expect(existsSync(join(out, "report.html"))).toBe(true);
  });

  it("reports usage errors in the house grammar", () => {
    expect(() => parseArgs(["--out", "x"])).toThrow(/--data-dir: required — pass e.g. --data-dir \.\.\/shared\/data/);
    expect(() => parseArgs(["--policy", "lax", "--data-dir", "d", "--out", "o"])).toThrow(/--policy: must be repair or strict/);
    expect(parseArgs(["--help"])).toBeNull();
  });
});
