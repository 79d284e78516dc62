/**
 * How many rows a load set aside, and the limit on it: a loader that drops three quarters of
 * a file (quoted thousands it cannot read, a date order read the wrong way) must say so and
 * stop, not calibrate on the rest. Placeholders — days without a price, such as FRED's `.`
 * on US holidays — are counted apart and never count against the limit.
 */
import { DataFaultError, type Diagnostic, type Repair, type RowCounts } from "./price-series.ts";

/** Counts of a load: data rows read, rows kept, rows set aside (placeholders apart). */
export function countRows(read: number, kept: number, repairs: Repair[]): RowCounts {
  let placeholders = 0, dropped = 0;
  for (const r of repairs) {
    if (r.action !== "dropped row") continue;
    dropped++;
    if (r.kind === "placeholder") placeholders++;
  }
  return { read, kept, setAside: dropped - placeholders, placeholders };
}

/**
 * Refuses a load that sets aside more than `limit` of its priced rows (read − placeholders).
 * @param list formats the faults to show (the first few, then a count)
 * @throws DataFaultError with the count, the share, the limit and the way to accept it
 */
export function checkSetAside(file: string, c: RowCounts, limit: number, errors: Diagnostic[], list: (d: Diagnostic[]) => string): void {
  const priced = c.read - c.placeholders;
  if (priced === 0 || c.setAside / priced <= limit) return;
  const share = (100 * c.setAside / priced).toFixed(1), cap = `${+(100 * limit).toPrecision(3)}%`;
  const shown = errors.filter((d) => d.kind !== "placeholder");
  throw new DataFaultError(`${file}: ${c.setAside} of ${priced} rows (${share}%) would be set aside, more than ${cap} — the file may be misread (a number format, a date order, a shifted column) or damaged: check the rows below, pass --date-format or --format if they are misread, or pass --policy repair to accept it:\n${list(shown)}`, errors);
}

/**
 * One line for the console and the report: `file: R rows read, K kept, S set aside (n kind, …),
 * P placeholders (days without a price)`.
 */
export function rowSummary(file: string, c: RowCounts, repairs: Repair[]): string {
  const byKind = new Map<string, number>();
  for (const r of repairs) if (r.action === "dropped row" && r.kind !== "placeholder") byKind.set(r.kind, (byKind.get(r.kind) ?? 0) + 1);
  const kinds = byKind.size > 0 ? ` (${[...byKind].map(([k, n]) => `${n} ${k}`).join(", ")})` : "";
  const holes = c.placeholders > 0 ? `, ${c.placeholders} placeholders (days without a price)` : "";
  return `${file}: ${c.read} rows read, ${c.kept} kept, ${c.setAside} set aside${kinds}${holes}`;
}
