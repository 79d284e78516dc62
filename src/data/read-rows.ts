/**
 * First stage of loading a price file: streams its rows into columns (instants, prices,
 * volume) and notes the faults a single row shows on its own — a field count that differs
 * from the header's, a date that is no date, a close that is a placeholder or not a decimal.
 * The order of day and month is settled for the whole file at the end (date-order.ts).
 */
import { readCsv, type CsvSource } from "./csv.ts";
import { parseInstant, DateFamily, type InstantReading } from "./parse-date.ts";
import { parseDecimal, isPlaceholder } from "./parse-number.ts";
import { DateOrderEvidence, type DateFormat } from "./date-order.ts";
import { detectFormat, formatMapping, type ColumnMapping, type FormatName } from "./price-formats.ts";
import { GrowableColumn } from "./growable-column.ts";
import type { FaultKind } from "./price-series.ts";
import { fail } from "../errors.ts";

/** A fault of one row, found while reading; `date` is the raw token when the date is the fault. */
export interface ReadFault { row: number; kind: FaultKind; value: string; date?: string; detail?: string }

export interface ReadOptions {
  format?: FormatName; mapping?: ColumnMapping; column?: string; dateFormat?: DateFormat;
  /** Bytes read so far and the file's size, after each 4 MiB chunk. */ onProgress?: (bytesRead: number, totalBytes: number) => void;
}

/** The rows of a file as columns; row i is the i-th data row (faulty ones included). */
export interface RawRows {
  format: FormatName; count: number;
  line: GrowableColumn; ms: Float64Array;
  open: GrowableColumn; high: GrowableColumn; low: GrowableColumn; close: GrowableColumn; volume: GrowableColumn;
  vwap?: GrowableColumn; trades?: GrowableColumn;
  /** The close's text where it is not the shortest spelling of its value (messages quote the file). */ rawClose: Map<number, string>;
  /** In row order, at most one per row. */ faults: ReadFault[];
  dateOrder: DateFormat | null;
}

const shorten = (s: string) => JSON.stringify(s.length > 80 ? s.slice(0, 77) + "..." : s);

/**
 * Reads every row of `label`'s source into columns.
 * @throws RangeError for an unknown layout, a missing column, or a date order the file does not settle
 */
export function readRows(label: string, source: CsvSource, o: ReadOptions): RawRows {
  const cols = () => new GrowableColumn();
  const line = cols(), first = cols(), open = cols(), high = cols(), low = cols(), close = cols(), volume = cols();
  // the second reading and the family only for files whose dates have an order question (not unix times, not ISO)
  let second: GrowableColumn | undefined, family: GrowableColumn | undefined;
  let vwap: GrowableColumn | undefined, trades: GrowableColumn | undefined;
  const faults: ReadFault[] = [], rawClose = new Map<number, string>();
  const evidence = new DateOrderEvidence(o.dateFormat);
  const reading: InstantReading = { family: DateFamily.Fixed, first: NaN, second: NaN, iso: false };
  let format: FormatName = "custom", width = 0, count = 0, bytes = 0, total = 0;
  let iD = -1, iO = -1, iH = -1, iL = -1, iC = -1, iV = -1, iW = -1, iT = -1;
  const num = (fields: string[], i: number) => (i < 0 || i >= fields.length ? NaN : parseDecimal(fields[i]));

  readCsv(source, {
    header(h) {
      const f = o.format ?? detectFormat(h);
      if (!f) fail(RangeError, label, `unknown layout (header: ${h.join(",")})`, "pass --format (clean, yahoo, binance, kraken, cryptocompare, fred, date-price, multiccy, shiller) or a custom column mapping");
      format = f;
      const map = formatMapping(f, h, label, o.column, o.mapping);
      const idx = (c?: string) => (c === undefined ? -1 : h.indexOf(c));
      [iD, iO, iH, iL, iC, iV, iW, iT] = [map.date, map.open, map.high, map.low, map.close, map.volume, map.vwap, map.trades].map(idx);
      if (iW >= 0) vwap = cols();
      if (iT >= 0) trades = cols();
      width = h.length;
    },
    row(fields, ln, raw) {
      const row = count++;
      bytes += raw.length + 1;
      if (row === 4096 && total > 2 * bytes) { // a long file: size the columns once from its mean row length
        const n = Math.ceil((1.02 * total * count) / bytes);
        for (const c of [line, first, open, high, low, close, volume, second, family, vwap, trades]) c?.reserve(n);
      }
      line.push(ln);
      const token = fields[iD] ?? "";
      parseInstant(token, reading);
      evidence.add(reading, ln, token);
      first.push(reading.first);
      if (!second && !Number.isNaN(reading.second)) { second = cols().fillTo(row, NaN); family = cols().fillTo(row, DateFamily.Fixed); }
      second?.push(reading.second); family?.push(reading.family);
      const shifted = fields.length !== width;
      const c = shifted ? NaN : num(fields, iC), rawC = fields[iC] ?? "";
      open.push(shifted ? NaN : num(fields, iO)); high.push(shifted ? NaN : num(fields, iH)); low.push(shifted ? NaN : num(fields, iL));
      close.push(c); volume.push(shifted ? NaN : num(fields, iV));
      vwap?.push(shifted ? NaN : num(fields, iW)); trades?.push(shifted ? NaN : num(fields, iT));
      if (shifted) faults.push({ row, kind: "field-count", value: shorten(raw), detail: `${fields.length} fields, the header has ${width}`, date: Number.isNaN(reading.first) && Number.isNaN(reading.second) ? token : undefined });
      else if (Number.isNaN(reading.first) && Number.isNaN(reading.second)) faults.push({ row, kind: "unparseable-date", value: JSON.stringify(token), date: token });
      else if (isPlaceholder(rawC)) faults.push({ row, kind: "placeholder", value: JSON.stringify(rawC) });
      else if (Number.isNaN(c)) faults.push({ row, kind: "non-numeric", value: shorten(rawC) });
      else if (String(c) !== rawC) rawClose.set(row, rawC);
    },
    progress(done, size) { total = size; o.onProgress?.(done, size); },
  });
  if (width === 0) fail(RangeError, label, "is empty (no header line)", "pass a CSV file with a header and one row per date");
  const { useSecond, order } = evidence.settle(label);
  const ms = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const fam = (family?.get(i) ?? DateFamily.Fixed) as DateFamily;
    ms[i] = fam !== DateFamily.Fixed && useSecond[fam as 1 | 2] ? second!.get(i) : first.get(i);
  }
  return { format, count, line, ms, open, high, low, close, volume, vwap, trades, rawClose, faults, dateOrder: order };
}
