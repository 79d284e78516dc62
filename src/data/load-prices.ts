/**
 * Loads one price file of any layout in ../shared/data (or a user's CSV with a column
 * mapping) under a data policy. Library code for every study: no study parses CSV itself.
 *
 * Policy (data README faults → diagnostics naming file, row, date, value and remedy):
 * - errors — unparseable date, placeholder close (`.`, `null`, empty), non-positive close,
 *   duplicate date, unsorted dates, isolated spike: `strict` (default) throws a DataFaultError
 *   listing them; `repair` drops the row (sorts, for unsorted) and records each repair;
 * - warnings — close/open outside [low, high], gaps, zero volume, VWAP 0 sentinel, stale runs:
 *   recorded, prices kept (repair turns zero volume / VWAP 0 into unknown);
 * - info — descending files are reversed, all-zero volume is "not reported".
 */
import { readFileSync } from "node:fs";
import { parseCsv } from "./csv.ts";
import { parseDate } from "./parse-date.ts";
import { detectFormat, formatMapping, type ColumnMapping, type FormatName } from "./price-formats.ts";
import { diagnose } from "./diagnose.ts";
import { detectSpikes } from "./detect-spikes.ts";
import { checkWarnings, type WarningOptions } from "./check-warnings.ts";
import { DataFaultError, type DataPolicy, type Diagnostic, type LoadedPrices, type PriceSeries, type Repair } from "./price-series.ts";
import { fail } from "../errors.ts";

export interface LoadOptions extends WarningOptions {
  /** Layout; detected from the header when omitted. */ format?: FormatName;
  /** Column mapping for format "custom". */ mapping?: ColumnMapping;
  /** Which column is the close (multiccy currency, e.g. "BTC_JPY"; yahoo "Adj Close"). */ column?: string;
  /** "strict" (default) or "repair". */ policy?: DataPolicy;
  /** Spike threshold k in robust sd (default 8); 0 disables spike detection. */ spikeK?: number;
  /** Smallest |log move| that can be a spike (default 0.03). */ spikeMinMove?: number;
  /** File text instead of reading `path` (then `path` is only the label). */ text?: string;
}

interface Row { line: number; date: string; raw: string; o: number; h: number; l: number; c: number; v: number; vwap: number; trades: number }

const num = (s: string | undefined) => (s === undefined || s === "" ? NaN : Number(s));

/**
 * Loads `path` (or `options.text`) into a PriceSeries under the data policy.
 * @throws DataFaultError (a RangeError) under `strict` when any error-severity fault is found
 * @throws RangeError when the layout is unknown or a needed column is missing
 */
export function loadPrices(path: string, options: LoadOptions = {}): LoadedPrices {
  const policy = options.policy ?? "strict";
  const table = parseCsv(options.text ?? readFileSync(path, "utf8"));
  const format = options.format ?? detectFormat(table.header);
  if (!format) fail(RangeError, path, `unknown layout (header: ${table.header.join(",")})`, "pass --format (clean, yahoo, binance, kraken, cryptocompare, fred, date-price, multiccy, shiller) or a custom column mapping");
  const map = formatMapping(format, table.header, path, options.column, options.mapping);
  const idx = (c?: string) => (c === undefined ? -1 : table.header.indexOf(c));
  const [iD, iO, iH, iL, iC, iV, iW, iT] = [map.date, map.open, map.high, map.low, map.close, map.volume, map.vwap, map.trades].map(idx);
  const daily = format === "binance";
  const diags: Diagnostic[] = [];
  const repairs: Repair[] = [];
  const drop = (r: Row, kind: Repair["kind"]) => repairs.push({ kind, file: path, line: r.line, date: r.date, value: r.raw, action: "dropped row" });

  let rows: Row[] = [];
  for (const { line, fields } of table.rows) {
    const rawDate = fields[iD] ?? "", raw = fields[iC] ?? "";
    const date = parseDate(rawDate, daily);
    const r: Row = { line, date: date ?? rawDate, raw, o: num(fields[iO]), h: num(fields[iH]), l: num(fields[iL]), c: Number(raw), v: num(fields[iV]), vwap: num(fields[iW]), trades: num(fields[iT]) };
    if (date === null) { diags.push(diagnose("unparseable-date", path, line, rawDate, JSON.stringify(rawDate))); drop(r, "unparseable-date"); continue; }
    if (raw === "" || !Number.isFinite(r.c)) { diags.push(diagnose("placeholder", path, line, date, JSON.stringify(raw))); drop(r, "placeholder"); continue; }
    rows.push(r);
  }
  // Order: a wholly descending file is a layout; anything else out of order is a fault.
  if (rows.length > 1 && rows.every((r, t) => t === 0 || r.date < rows[t - 1].date)) {
    diags.push(diagnose("descending", path, 0, `${rows[0].date} … ${rows[rows.length - 1].date}`, "descending"));
    rows.reverse();
    repairs.push({ kind: "descending", file: path, line: 0, date: rows[0].date, value: "", action: "reversed rows" });
  } else if (rows.some((r, t) => t > 0 && r.date < rows[t - 1].date)) {
    rows.forEach((r, t) => { if (t > 0 && r.date < rows[t - 1].date) diags.push(diagnose("unsorted", path, r.line, r.date, r.date, `after ${rows[t - 1].date}`)); });
    rows = rows.map((r, t) => ({ r, t })).sort((a, b) => (a.r.date < b.r.date ? -1 : a.r.date > b.r.date ? 1 : a.t - b.t)).map((x) => x.r);
    repairs.push({ kind: "unsorted", file: path, line: 0, date: rows[0].date, value: "", action: "sorted rows" });
  }
  rows = rows.filter((r, t) => {
    if (t > 0 && r.date === rows[t - 1].date) { diags.push(diagnose("duplicate-date", path, r.line, r.date, r.raw)); drop(r, "duplicate-date"); return false; }
    return true;
  });
  rows = rows.filter((r) => {
    if (r.c > 0) return true;
    diags.push(diagnose("non-positive", path, r.line, r.date, r.raw));
    drop(r, "non-positive");
    return false;
  });
  const k = options.spikeK ?? 8;
  if (k > 0) {
    const spikes = new Set(detectSpikes(rows.map((r) => r.c), k, options.spikeMinMove ?? 0.03));
    rows = rows.filter((r, t) => {
      if (!spikes.has(t)) return true;
      const prev = rows[t - 1], next = rows[t + 1];
      diags.push(diagnose("spike", path, r.line, r.date, r.raw, `between ${prev.raw} (${prev.date}) and ${next.raw} (${next.date}), k = ${k}`));
      drop(r, "spike");
      return false;
    });
  }
  const errors = diags.filter((d) => d.severity === "error");
  if (policy === "strict" && errors.length > 0) {
    const shown = errors.slice(0, 8).map((d) => "  " + d.message).join("\n");
    throw new DataFaultError(`${path}: ${errors.length} data fault${errors.length > 1 ? "s" : ""} under policy strict — pass --policy repair to apply the documented repairs (recorded in the results), or fix the file:\n${shown}${errors.length > 8 ? `\n  … and ${errors.length - 8} more` : ""}`, diags);
  }
  if (policy !== "repair") repairs.length = 0;
  const col = (f: (r: Row) => number) => Float64Array.from(rows, f);
  const series: PriceSeries = {
    file: path, format, dates: rows.map((r) => r.date), lines: rows.map((r) => r.line),
    open: col((r) => r.o), high: col((r) => r.h), low: col((r) => r.l), close: col((r) => r.c), volume: col((r) => r.v),
    ...(iW >= 0 ? { vwap: col((r) => r.vwap) } : {}), ...(iT >= 0 ? { trades: col((r) => r.trades) } : {}),
  };
  checkWarnings(series, policy === "repair", diags, repairs, options);
  return { series, policy, diagnostics: diags, repairs };
}
