/**
 * Builds diagnostics in the house grammar: `file: row N (date) <problem>; got V — <remedy>`.
 * One table of phrases per fault kind, so every loader message reads the same.
 */
import type { Diagnostic, FaultKind, Severity } from "./price-series.ts";

const PHRASES: Record<FaultKind, { severity: Severity; problem: string; remedy: string }> = {
  "field-count": { severity: "error", problem: "row has a different number of fields than the header, so its columns cannot be trusted", remedy: "fix the row (an unquoted comma?) or repair drops it" },
  "unparseable-date": { severity: "error", problem: "date is not a recognised calendar date", remedy: "fix the date or pass --format / --date-format / a column mapping; repair drops the row" },
  placeholder: { severity: "error", problem: "close is a placeholder, not a price", remedy: "repair drops the row (a holiday or missing value), or use the *.clean.csv file" },
  "non-numeric": { severity: "error", problem: "close is not a decimal number", remedy: "fix the value (decimals only: no hex, no decimal comma) or repair drops the row" },
  "non-positive": { severity: "error", problem: "close must be > 0 for log returns and ratios", remedy: "repair drops the row; or choose an instrument without this leg" },
  "duplicate-date": { severity: "error", problem: "date repeats the previous row", remedy: "repair keeps the first row and drops this one" },
  unsorted: { severity: "error", problem: "date is earlier than the previous row's", remedy: "repair sorts the rows by date" },
  descending: { severity: "info", problem: "rows are in descending date order", remedy: "reversed on load (a layout, not a fault)" },
  spike: { severity: "error", problem: "isolated spike: the move in and the move out both exceed k robust sd and cancel", remedy: "repair drops the row (a bad print); check it against another source" },
  "ohlc-inconsistent": { severity: "warning", problem: "open or close lies outside [low, high]", remedy: "kept: close-to-close studies use the close only; do not use this bar's range" },
  gap: { severity: "warning", problem: "gap since the previous row is longer than expected", remedy: "kept: a change across it spans the gap; align calendars before comparing assets" },
  "zero-volume": { severity: "warning", problem: "volume 0 means unknown here, not no trading", remedy: "repair sets it to unknown (NaN)" },
  "volume-not-reported": { severity: "info", problem: "volume is 0 on every row (not reported by the source)", remedy: "set to unknown on load" },
  "vwap-sentinel": { severity: "warning", problem: "vwap 0.0 is a no-trade sentinel, not a price", remedy: "repair sets it to unknown (NaN)" },
  "stale-run": { severity: "warning", problem: "close unchanged for a run of rows (stale or offline source)", remedy: "kept: zero changes lower realised volatility; exclude the run if it matters" },
};

/** A diagnostic for `kind` at source line `line` (date, value as text); `detail` adds specifics. */
export function diagnose(kind: FaultKind, file: string, line: number, date: string, value: string, detail = ""): Diagnostic {
  const p = PHRASES[kind];
  const where = line > 0 ? `row ${line} (${date})` : `(${date})`;
  const message = `${file}: ${where} ${p.problem}${detail ? ` (${detail})` : ""}; got ${value} — ${p.remedy}`;
  return { kind, severity: p.severity, file, line, date, value, message, remedy: p.remedy };
}

/** The severity of a fault kind. */
export const severityOf = (kind: FaultKind): Severity => PHRASES[kind].severity;
