/**
 * The instrument file: its schema, presets and defaults, and the bad inputs — each a
 * UsageError naming the file, the field, the value and the fix.
 */
import { describe, expect, it } from "vitest";
import { validateInstrument, readInstrumentFile } from "../../src/synthetic/validate-instrument.ts";
import { capOf, atrPeriodOf, instrumentJsonSchema } from "../../src/synthetic/instrument-schema.ts";
import { runStudy } from "../../studies/synthetic-instrument.ts";
import { UsageError } from "../../src/errors.ts";
import { instrumentOf, tempDir, writeInstrument, writePrices } from "./fixtures.ts";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const legs = [{ name: "Gold", side: "base", weight: 1, file: "g.csv" }, { name: "USDJPY", side: "quote", weight: 1, file: "u.csv" }] as const;
const base = instrumentOf([...legs]);
const refuse = (change: Record<string, unknown>) => () => validateInstrument({ ...base, ...change }, "my.json");

describe("instrument file", () => {
  it("fills defaults: inner calendar, strict data, 63-change window, sample covariance, sigma unit risk, ATR(14), weekly rebalancing at 0 bps", () => {
    const x = validateInstrument(base);
    expect(x.calendar).toEqual({ kind: "inner" });
    expect(x.data.policy).toBe("strict");
    expect(x.window).toBe(63);
    expect(x.covariance).toEqual({ kind: "sample" });
    expect(atrPeriodOf(x)).toBe(14);
    expect(x.rebalancing).toEqual({ kind: "weekly", costBps: 0 });
    expect(x.pyramiding).toMatchObject({ enabled: true, step: 0.25, minProfit: 0, minVolDrop: 0 });
  });

  it("resolves the cap presets: index = 4, fx = 7 (domain.md (G6))", () => {
    expect(capOf(validateInstrument({ ...base, sizing: { capital: 1, riskFraction: 0.01, cap: "index" } }))).toBe(4);
    expect(capOf(validateInstrument({ ...base, sizing: { capital: 1, riskFraction: 0.01, cap: "fx" } }))).toBe(7);
    expect(capOf(validateInstrument({ ...base, sizing: { capital: 1, riskFraction: 0.01, cap: 2.5 } }))).toBe(2.5);
  });

  it("the shipped instrument files validate; RS-3's are the spec's (cap 4, ATR(14), sigma sizing, repair)", () => {
    const dir = fileURLToPath(new URL("../../studies/instruments/", import.meta.url));
    for (const f of ["btc_2nq_usd.json", "gold_usdjpy.json"]) {
      const x = readInstrumentFile(join(dir, f));
      expect([capOf(x), atrPeriodOf(x), x.unitRisk.kind, x.window, x.sizing.capital, x.sizing.riskFraction, x.data.policy]).toEqual([4, 14, "sigma", 63, 1_000_000, 0.01, "repair"]);
    }
    expect(capOf(readInstrumentFile(join(dir, "ndx_over_gspc_cap2.json")))).toBe(2);
    const g = readInstrumentFile(join(dir, "gold_usdjpy_fx7_atr21_ewma.json"));
    expect([capOf(g), atrPeriodOf(g), g.covariance]).toEqual([7, 21, { kind: "ewma", decay: 0.94 }]);
  });

  it("prints a JSON Schema that names the fields", () => {
    const s = JSON.stringify(instrumentJsonSchema());
    for (const f of ["legs", "calendar", "covariance", "unitRisk", "sizing", "rebalancing", "pyramiding", "pacing"]) expect(s).toContain(`"${f}"`);
  });

  it("refuses a cap ≤ 0, an ATR period outside 1–250 and an EWMA decay outside (0, 1), naming file, field and fix", () => {
    expect(refuse({ sizing: { capital: 1, riskFraction: 0.01, cap: 0 } })).toThrow(/^my\.json: sizing\.cap: .*got 0 — give a cap > 0, or "index"/);
    expect(refuse({ sizing: { capital: 1, riskFraction: 0.01, cap: -2 } })).toThrow(UsageError);
    expect(refuse({ unitRisk: { kind: "atr", period: 251 } })).toThrow(/my\.json: unitRisk\.period: must be an integer in \[1, 250\]; got 251 — use 14 to 21/);
    expect(refuse({ atrPeriod: 0 })).toThrow(/my\.json: atrPeriod: must be an integer in \[1, 250\]; got 0/);
    expect(refuse({ covariance: { kind: "ewma", decay: 1 } })).toThrow(/my\.json: covariance\.decay: must be in \(0, 1\); got 1 — use 0\.94/);
    expect(refuse({ covariance: { kind: "ewma", decay: 0 } })).toThrow(/covariance\.decay/);
  });

  it("refuses unknown keys, duplicate legs, no base leg, a leg with both file and constant", () => {
    expect(refuse({ capp: 4 })).toThrow(/my\.json: \(top level\): unknown key "capp"/);
    expect(refuse({ legs: [legs[0], legs[0]] })).toThrow(/legs\[1\]\.name: must be unique; got "Gold"/);
    expect(refuse({ legs: [legs[1]] })).toThrow(/legs: needs at least one base leg/);
    expect(refuse({ legs: [{ ...legs[0], constant: 1 }] })).toThrow(/legs\[0\]: give exactly one of file or constant/);
  });
});

describe("bad data for an instrument", () => {
  const dir = tempDir();
  writePrices(dir, "g.csv", Array.from({ length: 100 }, (_, t) => 1800 + 5 * Math.sin(t)));
  writePrices(dir, "u.csv", Array.from({ length: 100 }, (_, t) => 140 + Math.cos(t)));
  const run = (instrument: Record<string, unknown>) => runStudy({ instrument: writeInstrument(dir, instrument, `i${Math.random().toString(36).slice(2)}.json`), dataDir: dir, out: join(dir, "out") });

  it("a leg whose file lacks the named column: names the instrument file, the leg field, the price file and the column", async () => {
    await expect(run({ ...base, legs: [{ ...legs[0], column: "Adj Close" }, legs[1]] })).rejects.toThrow(/\.json: legs\[0\]\.file: .*g\.csv: has no column "Adj Close"/);
  });

  it("quote weights that make B cross zero: names the date", async () => {
    const crossing = [legs[0], { ...legs[1], weight: 1 }, { name: "short", side: "quote", weight: -140, constant: 1 }];
    await expect(run({ ...base, legs: crossing })).rejects.toThrow(/legs: ratioSeries: B: quote basket is -?[\d.e-]+ on 2021-01-0\d, of the other sign than on 2021-01-04 .* it crossed zero — choose quote weights/);
  });
});
