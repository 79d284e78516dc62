/**
 * The price-file layouts of ../shared/data (see its README), detected from the header or
 * named with `--format`, plus a user mapping for one's own CSV.
 */
import { fail, show } from "../errors.ts";

/** Which source column feeds each field (header names, matched case-insensitively). */
export interface ColumnMapping {
  date: string;
  close: string;
  open?: string;
  high?: string;
  low?: string;
  volume?: string;
  /** Kraken's per-minute VWAP (0.0 is a no-trade sentinel there). */
  vwap?: string;
  /** Trade count (Binance "Number of trades", Kraken "count"). */
  trades?: string;
}

export const FORMAT_NAMES = ["clean", "yahoo", "binance", "kraken", "cryptocompare", "fred", "date-price", "multiccy", "shiller", "custom"] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

const key = (s: string) => s.toLowerCase().replace(/[\s_]/g, "");

/** Finds a header column by any of the given names (case, spaces and underscores ignored). */
export function findColumn(header: string[], ...names: string[]): string | undefined {
  for (const n of names) {
    const hit = header.find((h) => key(h) === key(n));
    if (hit !== undefined) return hit;
  }
  return undefined;
}

/** Detects the layout from the header. @returns null when no known layout matches */
export function detectFormat(header: string[]): FormatName | null {
  const has = (...n: string[]) => n.every((x) => findColumn(header, x) !== undefined);
  if (header.join(",") === "date,open,high,low,close,volume") return "clean";
  if (has("Open time", "Quote asset volume")) return "binance";
  if (has("dtime", "vwap", "count")) return "kraken";
  if (has("datetime", "close")) return "cryptocompare";
  if (has("Date", "BTC_USD")) return "multiccy";
  if (has("Date", "SP500")) return "shiller";
  if (header.length === 2 && key(header[0]) === "date" && key(header[1]) === "price") return "date-price";
  if (header.length === 2 && key(header[0]) === "date") return "fred";
  if (has("date", "open", "high", "low", "close")) return "yahoo";
  return null;
}

/**
 * The column mapping of a layout for this header.
 * @param column multiccy: which currency column is the close (default BTC_USD); yahoo: "Adj Close" to use it
 * @throws RangeError when the header lacks a column the layout needs
 */
export function formatMapping(format: FormatName, header: string[], file: string, column?: string, custom?: ColumnMapping): ColumnMapping {
  const need = (...names: string[]): string => {
    const c = findColumn(header, ...names);
    if (c === undefined) fail(RangeError, file, `has no column ${show(names[0])} for format ${show(format)} (header: ${header.join(",")})`, "pass --format or a column mapping that matches the file");
    return c;
  };
  const opt = (...names: string[]) => findColumn(header, ...names);
  switch (format) {
    case "clean":
    case "yahoo":
    case "cryptocompare":
      return { date: need("date", "datetime"), open: opt("open"), high: opt("high"), low: opt("low"), close: need(column ?? "close"), volume: opt("volume") };
    case "binance":
      return { date: need("Open time"), open: need("Open"), high: need("High"), low: need("Low"), close: need("Close"), volume: opt("Volume"), trades: opt("Number of trades") };
    case "kraken":
      return { date: need("time", "dtime"), open: need("open"), high: need("high"), low: need("low"), close: need("close"), volume: opt("volume"), vwap: opt("vwap"), trades: opt("count") };
    case "fred":
      return { date: need("DATE", "date"), close: column ? need(column) : header[1] };
    case "date-price":
      return { date: need("Date"), close: need("Price") };
    case "multiccy":
      return { date: need("Date"), close: need(column ?? "BTC_USD") };
    case "shiller":
      return { date: need("Date"), close: need(column ?? "SP500") };
    case "custom":
      if (!custom) fail(RangeError, file, "format \"custom\" needs a column mapping", "pass mapping: { date: \"…\", close: \"…\" }");
      for (const [field, col] of Object.entries(custom)) if (col !== undefined) need(col as string) && field;
      return custom;
  }
}
