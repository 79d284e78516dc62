/**
 * Nothing set aside silently (issue 18, item 3): common export shapes are read, not dropped;
 * a date order the file does not settle is refused; every load counts the rows it set aside
 * and refuses more than a limit.
 */
import { describe, expect, it } from "vitest";
import { loadPrices, type LoadOptions } from "../../src/data/load-prices.ts";

const DATA = new URL("../../../shared/data/", import.meta.url).pathname;
const load = (text: string, o: LoadOptions = {}) => loadPrices("export.csv", { text, ...o });

/** n daily rows from 2021-01-01 (day-of-year order), spelled by `spell(y, m, d)`, closes 100 + t. */
function daily(n: number, spell: (y: number, m: number, d: number) => string, header = "Date,Close"): string {
  const rows = [header];
  for (let t = 0; t < n; t++) {
    const d = new Date(Date.UTC(2021, 0, 1 + t));
    rows.push(`${spell(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())},${100 + t}`);
  }
  return rows.join("\n") + "\n";
}

describe("quoted thousands separators (a common export)", () => {
  it('"1,021.75" reads as 1021.75 in every numeric column', () => {
    const text = 'Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-02,"1,021.75","1,030.00","1,001.00","1,021.75","1,021.75","12,345,678"\n2024-01-03,"1,000.5","1,100","999","1,050","1,050","0"\n';
    const r = load(text);
    expect(Array.from(r.series.close)).toEqual([1021.75, 1050]);
    expect(Array.from(r.series.open)).toEqual([1021.75, 1000.5]);
    expect(r.series.volume[0]).toBe(12345678);
    expect(r.rows).toEqual({ read: 2, kept: 2, setAside: 0, placeholders: 0 });
  });

  it.each(["1,5", "1,0000.5", ",100", "1,,000"])('a badly grouped "%s" is refused, not read as a number', (v) => {
    expect(() => load(`Date,Close\n2024-01-02,"${v}"\n`)).toThrow(/row 2 \(2024-01-02\) close is not a decimal number/);
  });
});

describe("date order: settled by the file or by --date-format, never guessed", () => {
  const ymd = (y: number, m: number, d: number) => `${y}/${m}/${d}`;
  const ydm = (y: number, m: number, d: number) => `${y}/${d}/${m}`;
  const dmy = (y: number, m: number, d: number) => `${d}/${m}/${y}`;
  const mdy = (y: number, m: number, d: number) => `${String(m).padStart(2, "0")}/${String(d).padStart(2, "0")}/${y}`;

  it("YYYY/M/D (N225) and YYYY/D/M files are each read in their own order", () => {
    expect(load(daily(40, ymd)).series.dates.slice(0, 2)).toEqual(["2021-01-01", "2021-01-02"]);
    const r = load(daily(40, ydm));
    expect(r.series.dates.length).toBe(40);
    expect(r.series.dates.slice(30, 33)).toEqual(["2021-01-31", "2021-02-01", "2021-02-02"]);
    expect(r.dateOrder).toBe("YYYY-DD-MM");
  });

  it("D/M/Y and M/D/Y are told apart by a day above 12", () => {
    expect(load(daily(40, dmy)).series.dates[35]).toBe("2021-02-05");
    expect(load(daily(40, mdy)).series.dates[35]).toBe("2021-02-05");
  });

  it("a file that fits both D/M/Y and M/D/Y is refused with the fix", () => {
    expect(() => load(daily(12, dmy))).toThrow(/export\.csv: date order is ambiguous: every date, e\.g\. "1\/1\/2021", reads as DD\/MM\/YYYY and as MM\/DD\/YYYY — pass --date-format DD\/MM\/YYYY or --date-format MM\/DD\/YYYY/);
  });

  it("--date-format settles an ambiguous file", () => {
    const text = "Date,Close\n01/02/2021,1\n02/02/2021,2\n";
    expect(load(text, { dateFormat: "DD/MM/YYYY" }).series.dates).toEqual(["2021-02-01", "2021-02-02"]);
    expect(load(text, { dateFormat: "MM/DD/YYYY" }).series.dates).toEqual(["2021-01-02", "2021-02-02"]);
  });

  it("a file mixing the two orders is refused, naming a row of each", () => {
    const text = "Date,Close\n2021/1/5,1\n2021/1/20,2\n2021/25/1,3\n";
    expect(() => load(text, { policy: "repair" })).toThrow(/export\.csv: date order is inconsistent: row 3 \("2021\/1\/20"\) reads only as YYYY-MM-DD, row 4 \("2021\/25\/1"\) only as YYYY-DD-MM — fix the file or pass --date-format/);
  });

  it("with --date-format, a row that does not fit it is an unparseable date", () => {
    const r = load("Date,Close\n2021/1/5,1\n2021/1/20,2\n2021/25/1,3\n", { dateFormat: "YYYY-MM-DD", policy: "repair" });
    expect(r.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.kind} ${d.line}`)).toEqual(["unparseable-date 4"]);
  });

  it("an unknown --date-format names the accepted ones", () => {
    expect(() => load("Date,Close\n2021-01-01,1\n", { dateFormat: "YY/MM/DD" })).toThrow(/--date-format: "YY\/MM\/DD" is not one of YYYY-MM-DD, YYYY-DD-MM, DD\/MM\/YYYY, MM\/DD\/YYYY/);
  });
});

describe("rows set aside are counted, and more than a limit is refused", () => {
  /** 200 rows, `bad` of them with a negative close. */
  const withNegatives = (bad: number) => daily(200, (y, m, d) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`).split("\n").map((l, i) => (i >= 2 && i < 2 + bad ? l.replace(/,\d+$/, ",-1") : l)).join("\n");

  it("counts read, kept, set aside and placeholders", () => {
    const r = load(withNegatives(2), { policy: "repair" });
    expect(r.rows).toEqual({ read: 200, kept: 198, setAside: 2, placeholders: 0 });
  });

  it("more than the limit is refused, with the count, the share and the way to accept it", () => {
    expect(() => load(withNegatives(3), { policy: "repair", maxSetAside: 0.01 })).toThrow(/export\.csv: 3 of 200 rows \(1\.5%\) would be set aside, more than 1% — the file may be misread .* pass --policy repair to accept it:\n {2}export\.csv: row 3 \(2021-01-02\) close must be > 0/);
    expect(load(withNegatives(2), { policy: "repair", maxSetAside: 0.01 }).rows.setAside).toBe(2);
  });

  it("placeholders (days without a price) do not count: FRED's 537 '.' rows pass the 1% limit", () => {
    const r = loadPrices(DATA + "usdjpy_fred-dexjpus_1d.csv", { policy: "repair", maxSetAside: 0.01 });
    expect(r.rows).toEqual({ read: 13750, kept: 13213, setAside: 0, placeholders: 537 });
  });

  it("the catalogued faults stay within 1% (WTI's negative close, N225's null rows)", () => {
    expect(loadPrices(DATA + "wti_eia_1d.csv", { policy: "repair", maxSetAside: 0.01 }).rows.setAside).toBe(1);
    expect(loadPrices(DATA + "n225_yahoo_1d.csv", { policy: "repair", maxSetAside: 0.01 }).rows.placeholders).toBe(546);
  });
});
