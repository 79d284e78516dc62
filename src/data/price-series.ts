/**
 * The in-memory shape of one loaded price file, and the diagnostics and repairs that
 * loading it produced (the data policy: strict stops, repair fixes and records).
 */
import type { FormatName } from "./price-formats.ts";
import type { DateFormat } from "./date-order.ts";

/** One price file as columns; NaN means "not provided by the source" (or set aside as unknown). */
export interface PriceSeries {
  /** File path or label, as given. */ file: string;
  format: FormatName;
  /** `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SSZ`, strictly ascending after loading. */ dates: string[];
  /** 1-based source line of each row (the header is line 1). */ lines: number[];
  open: Float64Array; high: Float64Array; low: Float64Array; close: Float64Array; volume: Float64Array;
  vwap?: Float64Array; trades?: Float64Array;
}

export type FaultKind =
  | "field-count" | "unparseable-date" | "placeholder" | "non-numeric" | "non-positive" | "duplicate-date" | "unsorted" | "descending"
  | "spike" | "ohlc-inconsistent" | "gap" | "zero-volume" | "volume-not-reported" | "vwap-sentinel" | "stale-run";

/** error: stops `strict`; warning: recorded, prices kept; info: a layout fact handled as documented. */
export type Severity = "error" | "warning" | "info";

export interface Diagnostic {
  kind: FaultKind; severity: Severity;
  file: string; line: number; date: string; value: string;
  /** The full house-style message: `file: row N (date) … got V — remedy`. */ message: string;
  remedy: string;
}

/** A repair applied under policy "repair" (set-aside rows are the ones with action "dropped row"). */
export interface Repair {
  kind: FaultKind; file: string; line: number; date: string; value: string;
  action: "dropped row" | "sorted rows" | "reversed rows" | "volume set to unknown" | "vwap set to unknown";
}

export type DataPolicy = "strict" | "repair";

/** Data rows read (header and blank lines not counted), kept, set aside, and placeholders (days without a price). */
export interface RowCounts { read: number; kept: number; setAside: number; placeholders: number }

export interface LoadedPrices {
  series: PriceSeries;
  policy: DataPolicy;
  diagnostics: Diagnostic[];
  repairs: Repair[];
  /** read = kept + setAside + placeholders. */ rows: RowCounts;
  /** The order of day and month the dates were read in; null when no date had one (unix times, YYYY-MM). */
  dateOrder: DateFormat | null;
}

/** Thrown by `strict` loading: the message lists the faults; `diagnostics` holds them all. */
export class DataFaultError extends RangeError {
  readonly diagnostics: Diagnostic[];
  constructor(message: string, diagnostics: Diagnostic[]) {
    super(message);
    this.name = "DataFaultError";
    this.diagnostics = diagnostics;
  }
}
