/**
 * Loads one price file of any layout in ../shared/data (or a user's CSV with a column
 * mapping) under a data policy. Library code for every study: no study parses CSV itself.
 * Streams the file (read-rows.ts): memory is the columns of the result, not the text.
 *
 * Policy (data README faults → diagnostics naming file, row, date, value and remedy):
 * - errors — a row whose field count differs from the header's, an unparseable or impossible
 *   date, a placeholder close (`.`, `null`, empty), a close that is not a decimal number,
 *   a non-positive close, a duplicate instant (however spelled), unsorted dates, an isolated
 *   spike: `strict` (default) throws a DataFaultError listing them; `repair` drops the row
 *   (sorts, for unsorted) and records each repair;
 * - warnings — close/open outside [low, high], gaps, zero volume, VWAP 0 sentinel, stale runs:
 *   recorded, prices kept (repair turns zero volume / VWAP 0 into unknown);
 * - info — descending files are reversed, all-zero volume is "not reported".
 * Every load counts the rows it set aside; `maxSetAside` refuses a file that loses too many.
 */
import { readRows, type RawRows } from "./read-rows.ts";
import { formatInstant } from "./parse-date.ts";
import { parseDateFormat, type DateFormat } from "./date-order.ts";
import type { ColumnMapping, FormatName } from "./price-formats.ts";
import { diagnose } from "./diagnose.ts";
import { detectSpikes } from "./detect-spikes.ts";
import { checkWarnings, type WarningOptions } from "./check-warnings.ts";
import { countRows, checkSetAside } from "./set-aside.ts";
import { openSource } from "./open-source.ts";
import { DataFaultError, type DataPolicy, type Diagnostic, type LoadedPrices, type PriceSeries, type Repair } from "./price-series.ts";

export interface LoadOptions extends WarningOptions {
  /** Layout; detected from the header when omitted. */ format?: FormatName;
  /** Column mapping for format "custom". */ mapping?: ColumnMapping;
  /** Which column is the close (multiccy currency, e.g. "BTC_JPY"; yahoo "Adj Close"). */ column?: string;
  /** "strict" (default) or "repair". */ policy?: DataPolicy;
  /** Order of day and month (YYYY-MM-DD, YYYY-DD-MM, DD/MM/YYYY, MM/DD/YYYY); settled from the file when omitted. */ dateFormat?: DateFormat | string;
  /** Largest share of priced rows that repair may set aside (placeholders excluded); no limit when omitted. */ maxSetAside?: number;
  /** Spike threshold k in robust sd (default 8); 0 disables spike detection. */ spikeK?: number;
  /** Smallest |log move| that can be a spike (default 0.03). */ spikeMinMove?: number;
  /** File text instead of reading `path` (then `path` is only the label). */ text?: string;
  /** Bytes read so far and the file's size, after each 4 MiB chunk (for a progress display). */ onProgress?: (bytesRead: number, totalBytes: number) => void;
}

/**
 * Loads `path` (or `options.text`) into a PriceSeries under the data policy.
 * @throws DataFaultError (a RangeError) under `strict` when any error-severity fault is found,
 *   and under `repair` when more than `maxSetAside` of the priced rows would be set aside
 * @throws RangeError when the file is missing, a folder or unreadable, the layout is unknown,
 *   a needed column is missing, or the date order is inconsistent or ambiguous
 */
export function loadPrices(path: string, options: LoadOptions = {}): LoadedPrices {
  const policy = options.policy ?? "strict";
  const dateFormat = options.dateFormat === undefined ? undefined : parseDateFormat(options.dateFormat);
  const raw = readRows(path, openSource(path, options.text), { ...options, dateFormat });
  const diags: Diagnostic[] = [], repairs: Repair[] = [];
  let daily = true;
  for (let i = 0; i < raw.count && daily; i++) if (Number.isFinite(raw.ms[i]) && raw.ms[i] % 86_400_000 !== 0) daily = false;
  const dateOf = (i: number) => formatInstant(raw.ms[i], daily);
  const valueOf = (i: number) => raw.rawClose.get(i) ?? String(raw.close.get(i));
  const fault = (i: number, kind: Diagnostic["kind"], value: string, detail = "", date = dateOf(i)) => {
    diags.push(diagnose(kind, path, raw.line.get(i), date, value, detail));
    if (kind !== "unsorted") repairs.push({ kind, file: path, line: raw.line.get(i), date, value: value.replace(/^"(.*)"$/, "$1"), action: "dropped row" });
  };

  const faulty = new Set<number>();
  for (const f of raw.faults) { faulty.add(f.row); fault(f.row, f.kind, f.value, f.detail, f.date ?? dateOf(f.row)); }
  let rows = new Int32Array(raw.count - faulty.size);
  for (let i = 0, t = 0; i < raw.count; i++) if (!faulty.has(i)) rows[t++] = i;
  rows = order(rows, raw, path, diags, repairs, dateOf);
  // one instant, one row: the first kept, however the others spell it
  const sorted = rows;
  rows = sorted.filter((r, t) => {
    if (t === 0 || raw.ms[r] !== raw.ms[sorted[t - 1]]) return true;
    fault(r, "duplicate-date", valueOf(r));
    return false;
  });
  rows = rows.filter((r) => {
    if (raw.close.get(r) > 0) return true;
    fault(r, "non-positive", valueOf(r));
    return false;
  });
  const k = options.spikeK ?? 8;
  if (k > 0) {
    const spikes = new Set(detectSpikes(raw.close.gather(rows), k, options.spikeMinMove ?? 0.03));
    const before = rows;
    rows = rows.filter((r, t) => {
      if (!spikes.has(t)) return true;
      const p = before[t - 1], n = before[t + 1];
      fault(r, "spike", valueOf(r), `between ${valueOf(p)} (${dateOf(p)}) and ${valueOf(n)} (${dateOf(n)}), k = ${k}`);
      return false;
    });
  }
  const errors = diags.filter((d) => d.severity === "error");
  if (policy === "strict" && errors.length > 0) {
    throw new DataFaultError(`${path}: ${errors.length} data fault${errors.length > 1 ? "s" : ""} under policy strict — pass --policy repair to apply the documented repairs (recorded in the results), or fix the file:\n${listFaults(errors)}`, diags);
  }
  const counts = countRows(raw.count, rows.length, repairs);
  if (policy === "repair" && options.maxSetAside !== undefined) checkSetAside(path, counts, options.maxSetAside, errors, listFaults);
  if (policy !== "repair") repairs.length = 0;
  const n = rows.length, dates = new Array<string>(n), lines = new Array<number>(n), times = new Float64Array(n);
  for (let t = 0; t < n; t++) { dates[t] = dateOf(rows[t]); lines[t] = raw.line.get(rows[t]); times[t] = raw.ms[rows[t]]; }
  const series: PriceSeries = {
    file: path, format: raw.format, dates, lines,
    open: raw.open.gather(rows), high: raw.high.gather(rows), low: raw.low.gather(rows), close: raw.close.gather(rows), volume: raw.volume.gather(rows),
    ...(raw.vwap ? { vwap: raw.vwap.gather(rows) } : {}), ...(raw.trades ? { trades: raw.trades.gather(rows) } : {}),
  };
  checkWarnings(series, policy === "repair", diags, repairs, options, times);
  return { series, policy, diagnostics: diags, repairs, rows: counts, dateOrder: raw.dateOrder };
}

/** The first eight fault messages, one a line, and how many more. */
function listFaults(errors: Diagnostic[]): string {
  const shown = errors.slice(0, 8).map((d) => "  " + d.message).join("\n");
  return shown + (errors.length > 8 ? `\n  … and ${errors.length - 8} more` : "");
}

/** Time order: a wholly descending file is a layout (reversed); anything else out of order is a fault (sorted). */
function order(rows: Int32Array, raw: RawRows, path: string, diags: Diagnostic[], repairs: Repair[], dateOf: (i: number) => string): Int32Array {
  const ms = raw.ms, n = rows.length;
  let descending = n > 1, unsorted = false;
  for (let t = 1; t < n; t++) {
    if (!(ms[rows[t]] < ms[rows[t - 1]])) descending = false;
    if (ms[rows[t]] < ms[rows[t - 1]]) unsorted = true;
  }
  if (descending) {
    rows.reverse();
    diags.push(diagnose("descending", path, 0, `${dateOf(rows[n - 1])} … ${dateOf(rows[0])}`, "descending"));
    repairs.push({ kind: "descending", file: path, line: 0, date: dateOf(rows[0]), value: "", action: "reversed rows" });
  } else if (unsorted) {
    for (let t = 1; t < n; t++) if (ms[rows[t]] < ms[rows[t - 1]]) diags.push(diagnose("unsorted", path, raw.line.get(rows[t]), dateOf(rows[t]), dateOf(rows[t]), `after ${dateOf(rows[t - 1])}`));
    rows = Int32Array.from(rows).sort((a, b) => ms[a] - ms[b] || a - b);
    repairs.push({ kind: "unsorted", file: path, line: 0, date: dateOf(rows[0]), value: "", action: "sorted rows" });
  }
  return rows;
}
