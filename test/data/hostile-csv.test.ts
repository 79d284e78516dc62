/**
 * Hostile CSV shapes outside the data catalogue (issue 18, item 4): the reader must refuse
 * or read them correctly, never shift, invent or silently drop data.
 */
import { describe, expect, it } from "vitest";
import { loadPrices } from "../../src/data/load-prices.ts";

const HEADER = "date,open,high,low,close,volume";
const load = (text: string, policy: "strict" | "repair" = "strict") => loadPrices("hostile.csv", { text, policy });
const kinds = (text: string) => load(text, "repair").diagnostics.filter((d) => d.severity === "error").map((d) => `${d.kind} ${d.line}`);

describe("the CSV reader checks every row's field count", () => {
  const extra = `${HEADER}\n2024-01-02,10,11,9,10.5,100\n2024-01-03,10,11,9,10,7.5,100\n2024-01-04,10,11,9,10.2,100\n`;

  it("a row with an extra field stops strict, naming the row and both counts", () => {
    expect(() => load(extra)).toThrow(/hostile\.csv: row 3 \(2024-01-03\) row has a different number of fields than the header.*\(7 fields, the header has 6\); got "2024-01-03,10,11,9,10,7\.5,100"/);
  });

  it("repair sets the row aside instead of reading a shifted close", () => {
    const r = load(extra, "repair");
    expect(r.series.dates).toEqual(["2024-01-02", "2024-01-04"]);
    expect(Array.from(r.series.close)).toEqual([10.5, 10.2]);
    expect(r.repairs.map((x) => `${x.kind} ${x.line} ${x.action}`)).toContain("field-count 3 dropped row");
  });

  it("a row with a missing field is refused the same way", () => {
    expect(kinds(`${HEADER}\n2024-01-02,10,11,9,10.5,100\n2024-01-03,10,11,9\n`)).toEqual(["field-count 3"]);
  });

  it("commas inside quotes do not count as separators", () => {
    const r = load(`${HEADER}\n2024-01-02,10,11,9,"10.5",\"1,000\"\n`);
    expect(Array.from(r.series.volume)).toEqual([1000]);
  });
});

describe("dates must exist on the calendar", () => {
  it.each(["2020-02-30", "2021-02-29", "2020-04-31", "2020-00-10", "2020-13-01", "2020-01-00"])("%s is refused", (d) => {
    expect(kinds(`date,close\n2020-01-01,1\n${d},2\n2020-12-31,3\n`)).toEqual(["unparseable-date 3"]);
  });

  it("29 February of a leap year is a date", () => {
    expect(load("date,close\n2020-02-28,1\n2020-02-29,2\n2020-03-01,3\n").series.dates).toEqual(["2020-02-28", "2020-02-29", "2020-03-01"]);
  });

  it("an impossible timestamp is refused too", () => {
    expect(kinds("datetime,close\n2020-01-01 23:00:00,1\n2020-01-01 24:00:00,2\n2020-01-01 23:61:00,2\n2020-01-02 00:00:00,3\n")).toEqual(["unparseable-date 3", "unparseable-date 4"]);
  });
});

describe("numbers are decimal", () => {
  it.each(["0x64", "0b1", "0o17", "0X1F", "1_000", "Infinity", "1e999"])("a close of %s is refused, not read as a number", (v) => {
    expect(() => load(`date,close\n2024-01-02,10\n2024-01-03,${v}\n`)).toThrow(new RegExp(`row 3 \\(2024-01-03\\) close is not a decimal number.*got "${v}"`));
  });

  it("hex in another column is unknown (NaN), not 100", () => {
    const r = load(`${HEADER}\n2024-01-02,10,11,9,10.5,0x64\n`);
    expect(Number.isNaN(r.series.volume[0])).toBe(true);
  });

  it.each([["+12.5", 12.5], [".5", 0.5], ["5.", 5], ["1e3", 1000], ["1.5E-2", 0.015], ["007", 7]])("%s reads as %d", (v, x) => {
    expect(load(`date,close\n2024-01-02,${v}\n`).series.close[0]).toBe(x);
  });

  it("placeholders stay placeholders (a day without a price), not non-numeric faults", () => {
    expect(kinds("date,close\n2024-01-02,10\n2024-01-03,.\n2024-01-04,null\n2024-01-05,\n2024-01-08,11\n")).toEqual(["placeholder 3", "placeholder 4", "placeholder 5"]);
  });
});

describe("one instant, one row", () => {
  it("2020-01-05 and 2020-01-05T00:00:00Z are the same instant: a duplicate", () => {
    expect(kinds("date,close\n2020-01-04,1\n2020-01-05,2\n2020-01-05T00:00:00Z,3\n2020-01-06,4\n")).toEqual(["duplicate-date 4"]);
  });

  it("2020-01-05 00:00:00 UTC, unix seconds and the ISO form are one instant as well", () => {
    expect(kinds("date,close\n2020-01-05 00:00:00 UTC,2\n1578182400,3\n2020-01-05T00:00:00Z,4\n")).toEqual(["duplicate-date 3", "duplicate-date 4"]);
  });

  it("a date-only row among intraday rows is spelled as midnight UTC", () => {
    expect(load("date,close\n2020-01-04T23:00:00Z,1\n2020-01-05,2\n2020-01-05T01:00:00Z,3\n").series.dates).toEqual(["2020-01-04T23:00:00Z", "2020-01-05T00:00:00Z", "2020-01-05T01:00:00Z"]);
  });
});

describe("line endings", () => {
  it.each([["LF", "\n"], ["CRLF", "\r\n"], ["CR only (old Mac)", "\r"]])("%s files read the same", (_name, eol) => {
    const r = load(["date,close", "2024-01-02,10", "2024-01-03,11", "2024-01-04,12"].join(eol) + eol);
    expect(r.series.dates).toEqual(["2024-01-02", "2024-01-03", "2024-01-04"]);
    expect(r.series.lines).toEqual([2, 3, 4]);
  });
});
