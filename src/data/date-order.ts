/**
 * The order of day and month in a file's dates, settled by the whole file (or by the user's
 * `--date-format`), never guessed per row: `2021/1/5` is 5 January in a YYYY/M/D file and
 * 1 May in a YYYY/D/M file, and a loader that decides row by row reads one file both ways.
 *
 * Rule, per family (year first, year last): ISO 8601 spellings (`2020-01-05`) are read in the
 * standard's order unless `--date-format` says otherwise; otherwise the order under which some row is valid and the
 * other is not wins; rows valid only one way in each order → "inconsistent", refused; every
 * row valid both ways → year first reads as ISO 8601's YYYY-MM-DD (no common locale writes
 * YYYY-DD-MM), year last is "ambiguous" (DD/MM/YYYY and MM/DD/YYYY are both common), refused.
 * Refusals are RangeErrors naming the file, example rows, and `--date-format` as the fix.
 */
import { fail } from "../errors.ts";
import { DateFamily, type InstantReading } from "./parse-date.ts";

export const DATE_FORMATS = ["YYYY-MM-DD", "YYYY-DD-MM", "DD/MM/YYYY", "MM/DD/YYYY"] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** [first order, second order] of each family, as parseInstant's `first` and `second`. */
const ORDERS: Record<1 | 2, [DateFormat, DateFormat]> = { 1: ["YYYY-MM-DD", "YYYY-DD-MM"], 2: ["DD/MM/YYYY", "MM/DD/YYYY"] };

/**
 * A `--date-format` value (separators are free: YYYY/MM/DD is YYYY-MM-DD).
 * @throws RangeError naming the value and the accepted formats
 */
export function parseDateFormat(value: string): DateFormat {
  const key = value.toUpperCase().replace(/[-/. ]/g, "");
  const hit = DATE_FORMATS.find((f) => f.replace(/[-/]/g, "") === key);
  if (!hit) fail(RangeError, "--date-format", `${JSON.stringify(value)} is not one of ${DATE_FORMATS.join(", ")}`, "pass the order the file's dates are written in");
  return hit;
}

interface Example { line: number; token: string }
interface FamilyEvidence { onlyFirst?: Example; onlySecond?: Example; both?: Example; rows: number }

/** Collects, row by row, which order each dated row fits; then settles the order per family. */
export class DateOrderEvidence {
  private readonly families: Record<1 | 2, FamilyEvidence> = { 1: { rows: 0 }, 2: { rows: 0 } };
  /** The user's order, if any: it replaces the inference for its family. */
  constructor(private readonly given?: DateFormat) {}

  /** Applies the given order to a reading (the other reading becomes invalid) and records it. */
  add(r: InstantReading, line: number, token: string): void {
    if (r.family === DateFamily.Fixed) return;
    const fam = r.family as 1 | 2;
    if (this.given && ORDERS[fam].includes(this.given)) {
      if (this.given === ORDERS[fam][1]) r.first = r.second;
      r.second = NaN;
    } else if (r.iso) r.second = NaN; // 2020-13-01 is a bad date, not evidence of YYYY-DD-MM
    const e = this.families[fam], a = !Number.isNaN(r.first), b = !Number.isNaN(r.second);
    e.rows++;
    const slot = a && b ? "both" : a ? "onlyFirst" : b ? "onlySecond" : undefined;
    if (slot && !e[slot]) e[slot] = { line, token };
  }

  /**
   * Which reading to use per family (true = second), and the order of the main family.
   * @throws RangeError when the file's order is inconsistent or (year last) ambiguous
   */
  settle(file: string): { useSecond: Record<1 | 2, boolean>; order: DateFormat | null } {
    const useSecond = { 1: false, 2: false };
    for (const fam of [1, 2] as const) {
      const e = this.families[fam], [o1, o2] = ORDERS[fam];
      const fix = `pass --date-format ${o1} or --date-format ${o2}`;
      if (e.onlyFirst && e.onlySecond) {
        fail(RangeError, file, `date order is inconsistent: row ${e.onlyFirst.line} (${JSON.stringify(e.onlyFirst.token)}) reads only as ${o1}, row ${e.onlySecond.line} (${JSON.stringify(e.onlySecond.token)}) only as ${o2}`, `fix the file or ${fix} (rows that do not fit it are then unparseable dates)`);
      }
      if (e.onlySecond) useSecond[fam] = true;
      else if (!e.onlyFirst && e.both && fam === DateFamily.YearLast) {
        fail(RangeError, file, `date order is ambiguous: every date, e.g. ${JSON.stringify(e.both.token)}, reads as ${o1} and as ${o2}`, fix);
      }
    }
    const main = this.families[1].rows >= this.families[2].rows ? 1 : 2;
    const order = this.families[main].rows === 0 ? null : ORDERS[main][useSecond[main] ? 1 : 0];
    return { useSecond, order };
  }
}
