import { describe, expect, it } from "vitest";
import { loadPrices } from "../../src/data/load-prices.ts";
import { DataFaultError } from "../../src/data/price-series.ts";

const DATA = new URL("../../../shared/data/", import.meta.url).pathname;

describe("loadPrices: layouts of ../shared/data", () => {
  it.each([
    ["btc-usd_yahoo_1d.csv", "yahoo", 3627, "2014-09-17", 457.3340148925781],
    ["gold-futures_yahoo_1d.csv", "yahoo", 6395, "2000-08-30", 273.8999938964844], // Close, High, Low, Open order, CRLF
    ["btcusdt_binance_1d.csv", "binance", 2961, "2018-01-01", 13380.0],
    ["btc-usd_kraken_1m_2023-04.csv", "kraken", 49355, "2023-04-03T12:01:00Z", 28239.8],
    ["btc-usd_cryptocompare_1h.csv", "cryptocompare", 36577, "2022-01-01T00:00:00Z", 46657.53],
    ["brent_eia_1d.csv", "date-price", 9958, "1987-05-20", 18.63],
    ["btc_multiccy_bitstamp_1d_close.csv", "multiccy", 5348, "2012-01-01", 4.58], // descending: reversed
    ["ndx_yahoo_1d.csv", "yahoo", 8712, "1985-10-01", 112.139999], // no final newline
    ["usdjpy_yahoo_1d.clean.csv", "clean", 7605, "1996-10-30", 114.18000030517578],
  ])("%s is read as %s", (file, format, rows, first, close) => {
    const r = loadPrices(DATA + file, { policy: "repair" });
    expect(r.series.format).toBe(format);
    expect(r.series.dates.length).toBe(rows);
    expect(r.series.dates[0]).toBe(first);
    expect(r.series.close[0]).toBe(close);
  });

  it("reads a user's CSV with a column mapping", () => {
    const text = "when;x\n".replace(";", ",") + "2024-01-02,10\n2024-01-03,11\n";
    const r = loadPrices("mine.csv", { text, format: "custom", mapping: { date: "when", close: "x" } });
    expect(Array.from(r.series.close)).toEqual([10, 11]);
  });

  it("names the fix for an unknown layout", () => {
    expect(() => loadPrices("odd.csv", { text: "a,b,c\n1,2,3\n" })).toThrow(/odd\.csv: unknown layout \(header: a,b,c\) — pass --format/);
  });
});

describe("loadPrices: strict stops on errors; repair records what it set aside", () => {
  it("strict lists the WTI negative close and the fix", () => {
    let err: unknown;
    try { loadPrices(DATA + "wti_eia_1d.csv"); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(DataFaultError);
    expect((err as Error).message).toMatch(/wti_eia_1d\.csv: 1 data fault under policy strict — pass --policy repair/);
    expect((err as Error).message).toMatch(/row 8645 \(2020-04-20\) close must be > 0 for log returns and ratios; got -36\.98 — repair drops the row/);
  });

  it("repair drops the row and records it", () => {
    const r = loadPrices(DATA + "wti_eia_1d.csv", { policy: "repair" });
    expect(r.repairs.filter((x) => x.action === "dropped row")).toEqual([
      { kind: "non-positive", file: DATA + "wti_eia_1d.csv", line: 8645, date: "2020-04-20", value: "-36.98", action: "dropped row" },
    ]);
    expect(r.series.dates.includes("2020-04-20")).toBe(false);
  });

  it("warnings alone do not stop strict (GC=F close outside [low, high], zero volume)", () => {
    const r = loadPrices(DATA + "gold-futures_yahoo_1d.clean.csv");
    expect(r.diagnostics.filter((d) => d.kind === "ohlc-inconsistent").length).toBe(442);
    expect(r.diagnostics.filter((d) => d.kind === "zero-volume").length).toBe(417);
    expect(r.repairs).toEqual([]);
  });
});
