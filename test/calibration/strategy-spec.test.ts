import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { mkdtempSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseStrategy, formatStrategy, DEFAULT_STRATEGY, type StrategySpec } from "../../src/calibration/strategy-spec.ts";
import { alignLeverage, replayedStrategy } from "../../src/calibration/strategy-series.ts";
import { UsageError } from "../../src/errors.ts";
import type { PriceSeries } from "../../src/data/price-series.ts";

const positive = (hi: number) => fc.double({ min: 1e-3, max: hi, noNaN: true });
const targets: fc.Arbitrary<StrategySpec> = fc.oneof(
  fc.record({ kind: fc.constant("signal" as const), noiseSd: fc.double({ min: 0, max: 1e3, noNaN: true }), riskAversion: positive(1e6), maxLeverage: positive(1e3) }),
  fc.record({ kind: fc.constant("vol-target" as const), sigmaTarget: positive(100), cap: positive(1000) }),
  fc.record({ kind: fc.constant("trend" as const), timeConstantSteps: fc.double({ min: 1, max: 1e6, noNaN: true }), riskAversion: positive(1e6), maxLeverage: positive(1e3) }),
  fc.record({ kind: fc.constant("constant" as const), leverage: fc.double({ min: -100, max: 100, noNaN: true }) }),
).map((target) => ({ kind: "target" as const, target: Object.fromEntries(Object.entries(target).map(([k, v]) => [k, typeof v === "number" ? v + 0 : v])) as typeof target })); // −0 is 0: one strategy

describe("--strategy: the user's strategy as the scenario's target", () => {
  it("parses the issue's examples into targetSchema objects", () => {
    expect(parseStrategy("vol-target:sigma=0.2,cap=4")).toEqual({ kind: "target", target: { kind: "vol-target", sigmaTarget: 0.2, cap: 4 } });
    expect(parseStrategy("trend:tau=60,gamma=3,cap=3")).toEqual({ kind: "target", target: { kind: "trend", timeConstantSteps: 60, riskAversion: 3, maxLeverage: 3 } });
    expect(parseStrategy("trend:tau=20,gamma=2,cap=5")).toEqual({ kind: "target", target: { kind: "trend", timeConstantSteps: 20, riskAversion: 2, maxLeverage: 5 } });
    expect(parseStrategy("signal:noise=0.3,gamma=4,cap=2")).toEqual({ kind: "target", target: { kind: "signal", noiseSd: 0.3, riskAversion: 4, maxLeverage: 2 } });
    expect(parseStrategy("signal")).toEqual(DEFAULT_STRATEGY);
    expect(parseStrategy("signal:noise=0")).toEqual({ kind: "target", target: { kind: "signal", noiseSd: 0, riskAversion: 3, maxLeverage: 3 } });
    expect(parseStrategy("vol-target")).toEqual({ kind: "target", target: { kind: "vol-target", sigmaTarget: 0.2, cap: 4 } }); // the schema's defaults
    expect(parseStrategy("series:my leverage.csv")).toEqual({ kind: "series", file: "my leverage.csv" });
  });

  it("round-trips: parseStrategy(formatStrategy(s)) = s", () => {
    fc.assert(fc.property(targets, (s) => { expect(parseStrategy(formatStrategy(s))).toEqual(s); }), { numRuns: 300 });
    expect(parseStrategy(formatStrategy({ kind: "series", file: "a:b.csv" }))).toEqual({ kind: "series", file: "a:b.csv" });
  });

  it.each([
    ["momentum", /--strategy: unknown strategy "momentum" — use signal, vol-target/],
    ["vol-target:sigma=-1", /--strategy: sigma must be in \(0, 100\]; got -1 in "vol-target:sigma=-1" — e\.g\. vol-target:sigma=0\.2,cap=4/],
    ["vol-target:sigma=0", /sigma must be in \(0, 100\]; got 0/],
    ["trend:tau=0.5", /tau must be in \[1, 1000000\]; got 0\.5/],
    ["trend:tau=abc", /tau must be a decimal number; got "abc"/],
    ["trend:tau=0x10", /tau must be a decimal number/],
    ["vol-target:vol=0.2", /"vol=0\.2" in "vol-target:vol=0\.2" is not key=value with key in sigma, cap/],
    ["vol-target:sigma=0.2,sigma=0.3", /sigma given twice/],
    ["vol-target:sigma", /is not key=value/],
    ["series:", /series needs a file/],
    ["toString", /unknown strategy "toString"/],
  ])("refuses %j, naming the flag and the fix", (spec, message) => {
    expect(() => parseStrategy(spec)).toThrow(UsageError);
    expect(() => parseStrategy(spec)).toThrow(message);
  });
});

function prices(dates: string[], close: number[]): PriceSeries {
  const n = dates.length, nan = () => new Float64Array(n).fill(NaN);
  return { file: "p.csv", format: "clean", dates, lines: dates.map((_, i) => i + 2), open: nan(), high: nan(), low: nan(), close: Float64Array.from(close), volume: nan() };
}

describe("series:FILE — a leverage column aligned by date with the prices", () => {
  const p = prices(["2020-01-01", "2020-01-02", "2020-01-03", "2020-01-06", "2020-01-07"], [100, 110, 99, 99, 120]);
  it("keeps the prices in the file's date range and holds each leverage until the next row", () => {
    const r = alignLeverage(p, [["2020-01-02", 2], ["2020-01-05", -1], ["2020-01-07", 0.5]], "l.csv");
    expect([r.first, r.last]).toEqual(["2020-01-02", "2020-01-07"]);
    expect(r.leverage).toEqual([2, 2, -1, 0.5]); // 01-03 holds 01-02's; 01-06 holds 01-05's
    expect(r.returns).toEqual([Math.log(99 / 110), Math.log(99 / 99), Math.log(120 / 99)]);
  });
  it("refuses a file whose dates do not overlap the prices", () => {
    expect(() => alignLeverage(p, [["2021-01-01", 1], ["2021-02-01", 1]], "l.csv")).toThrow(/--strategy series:l\.csv: its dates 2021-01-01…2021-02-01 do not overlap the prices' 2020-01-01…2020-01-07 \(0 common dates\) — give a leverage file for the same period as --data/);
  });
  it("reads date,leverage files and names a bad row", () => {
    const dir = mkdtempSync(join("out", "test-strategy-series-"));
    writeFileSync(join(dir, "ok.csv"), "Date,Leverage\n2020-01-07,0.5\n2020-01-01,1\n");
    expect(replayedStrategy(p, join(dir, "ok.csv")).leverage).toEqual([1, 1, 1, 1, 0.5]);
    writeFileSync(join(dir, "bad.csv"), "date,leverage\n2020-01-01,1\n2020-01-02,lots\n");
    expect(() => replayedStrategy(p, join(dir, "bad.csv"))).toThrow(/row 3 \(2020-01-02\) leverage must be a number in \[-100, 100\]; got "lots"/);
    writeFileSync(join(dir, "cols.csv"), "when,lev,x\n2020-01-01,1,2\n");
    expect(() => replayedStrategy(p, join(dir, "cols.csv"))).toThrow(/needs a date column and a leverage column/);
    expect(() => replayedStrategy(p, join(dir, "missing.csv"))).toThrow(/cannot read the file/);
  });
});
