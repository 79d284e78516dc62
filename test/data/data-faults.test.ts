import { describe, expect, it } from "vitest";
import { loadPrices } from "../../src/data/load-prices.ts";
import type { FaultKind } from "../../src/data/price-series.ts";

const DATA = new URL("../../../shared/data/", import.meta.url).pathname;
const diags = (file: string, kind: FaultKind) => loadPrices(DATA + file, { policy: "repair" }).diagnostics.filter((d) => d.kind === kind);

/** One test per fault catalogued in ../shared/data/README.md, asserting its diagnostic. */
describe("catalogued data faults", () => {
  it("non-positive price: CL=F −37.63 on 2020-04-20", () => {
    expect(diags("wti-futures_yahoo_1d.clean.csv", "non-positive").map((d) => d.message)).toEqual([
      expect.stringMatching(/row 4933 \(2020-04-20\) close must be > 0 .*got -37\.630001068115234 — repair drops the row/),
    ]);
  });

  it("placeholders: FRED '.' rows (537) and N225 'null' rows (546)", () => {
    const fred = diags("usdjpy_fred-dexjpus_1d.csv", "placeholder");
    expect(fred.length).toBe(537);
    expect(fred[0].message).toMatch(/close is a placeholder, not a price; got "\." — repair drops the row/);
    expect(diags("n225_yahoo_1d.csv", "placeholder").length).toBe(546);
  });

  it("isolated spike: USDJPY 2008-12-08 (109.24 between 92.82 and 92.30)", () => {
    const s = diags("usdjpy_yahoo_1d.clean.csv", "spike");
    expect(s.map((d) => d.date)).toEqual(["2008-12-08"]);
    expect(s[0].message).toMatch(/row 3122 \(2008-12-08\) isolated spike.*got 109\.23999786376952 — repair drops the row/);
    expect(diags("eurusd_yahoo_1d.clean.csv", "spike").map((d) => d.date)).toContain("2008-12-08");
  });

  it("real extremes are not spikes (BTC 2020-03-12, N225 2024-08-05, Brent 2020-04-21)", () => {
    expect(diags("btc-usd_yahoo_1d.clean.csv", "spike")).toEqual([]);
    expect(diags("n225_yahoo_1d.clean.csv", "spike")).toEqual([]);
    expect(diags("brent_eia_1d.clean.csv", "spike")).toEqual([]);
  });

  it("close outside [low, high]: 442 GC=F, 25 NQ=F, 35 ETH hourly bars", () => {
    expect(diags("gold-futures_yahoo_1d.clean.csv", "ohlc-inconsistent").length).toBe(442);
    expect(diags("nq-futures_yahoo_1d.clean.csv", "ohlc-inconsistent").length).toBe(25);
    expect(diags("eth-usd_cryptocompare_1h.clean.csv", "ohlc-inconsistent").length).toBe(35);
  });

  it("gaps: USDJPY 2008-08-08 → 08-26 (18 days); Kraken outages", () => {
    expect(diags("usdjpy_yahoo_1d.clean.csv", "gap").map((d) => d.value)).toContain("18 days");
    expect(diags("btc-usd_kraken_1m_2023-04.clean.csv", "gap").map((d) => d.date)).toEqual(["2023-04-13T03:23:00Z", "2023-04-28T11:01:00Z"]);
  });

  it("zero-as-missing volume: 417 GC=F days; all-zero Yahoo FX volume is 'not reported'", () => {
    const r = loadPrices(DATA + "gold-futures_yahoo_1d.clean.csv", { policy: "repair" });
    expect(r.repairs.filter((x) => x.kind === "zero-volume").length).toBe(417);
    expect(r.series.volume.filter((v) => v === 0).length).toBe(0);
    expect(diags("usdjpy_yahoo_1d.csv", "volume-not-reported").length).toBe(1);
  });

  it("Kraken vwap 0.0 sentinel (196 BTC minutes)", () => {
    expect(diags("btc-usd_kraken_1m_2023-04.csv", "vwap-sentinel").length).toBe(196);
  });

  it("descending dates are reversed (multi-currency file); stale runs reported (Bitstamp Jan 2015)", () => {
    const r = loadPrices(DATA + "btc_multiccy_bitstamp_1d_close.csv");
    expect(r.diagnostics.some((d) => d.kind === "descending")).toBe(true);
    expect(r.diagnostics.filter((d) => d.kind === "stale-run").map((d) => d.date)).toContain("2015-01-06");
  });

  it("duplicates and unsorted dates (synthetic file): strict stops, repair keeps first / sorts", () => {
    const text = "date,close\n2024-01-02,10\n2024-01-04,12\n2024-01-03,11\n2024-01-04,13\n";
    expect(() => loadPrices("dup.csv", { text, format: "custom", mapping: { date: "date", close: "close" } })).toThrow(/2 data faults under policy strict/);
    const r = loadPrices("dup.csv", { text, format: "custom", mapping: { date: "date", close: "close" }, policy: "repair" });
    expect(r.diagnostics.map((d) => d.kind)).toEqual(["unsorted", "duplicate-date"]);
    expect(r.series.dates).toEqual(["2024-01-02", "2024-01-03", "2024-01-04"]);
    expect(Array.from(r.series.close)).toEqual([10, 11, 12]);
  });
});
