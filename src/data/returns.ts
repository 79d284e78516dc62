/**
 * Returns from aligned closes: log or simple, daily (between consecutive rows) or weekly
 * (between the last closes of consecutive ISO weeks).
 */
import { fail } from "../errors.ts";

export type ReturnKind = "log" | "simple" | "change";
export type ReturnFrequency = "daily" | "weekly";

/** ISO-8601 week key `YYYY-Www` of a `YYYY-MM-DD…` date (UTC). */
export function isoWeek(date: string): string {
  const d = new Date(date.slice(0, 10) + "T00:00:00Z");
  const day = (d.getUTCDay() + 6) % 7; // Monday = 0
  d.setUTCDate(d.getUTCDate() - day + 3); // Thursday of this week decides the year
  const year = d.getUTCFullYear();
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const week = 1 + Math.round(((d.getTime() - jan4.getTime()) / 86_400_000 - 3 + ((jan4.getUTCDay() + 6) % 7)) / 7);
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** Row indices of the last date of each ISO week. */
export function weekEnds(dates: readonly string[]): number[] {
  const out: number[] = [];
  for (let t = 0; t < dates.length; t++) if (t === dates.length - 1 || isoWeek(dates[t + 1]) !== isoWeek(dates[t])) out.push(t);
  return out;
}

/**
 * Returns of one close series: log ln(c_t/c_{t−1}), simple c_t/c_{t−1} − 1, or the price change
 * c_t − c_{t−1} (the delta method works on changes, RS-3). Length: rows − 1 (or weeks − 1).
 * @throws RangeError on a non-positive close for log/simple returns (naming date and value)
 */
export function returnsOf(close: ArrayLike<number>, dates: readonly string[], kind: ReturnKind = "log", frequency: ReturnFrequency = "daily"): { dates: string[]; values: Float64Array } {
  const idx = frequency === "weekly" ? weekEnds(dates) : Array.from({ length: dates.length }, (_, t) => t);
  const values = new Float64Array(Math.max(0, idx.length - 1));
  for (let i = 1; i < idx.length; i++) {
    const a = close[idx[i - 1]], b = close[idx[i]];
    if (kind !== "change" && !(a > 0 && b > 0)) {
      fail(RangeError, "returnsOf", `close on ${dates[!(a > 0) ? idx[i - 1] : idx[i]]} must be > 0 for ${kind} returns; got ${!(a > 0) ? a : b}`, "load with --policy repair (drops non-positive rows) or use kind \"change\"");
    }
    values[i - 1] = kind === "log" ? Math.log(b / a) : kind === "simple" ? b / a - 1 : b - a;
  }
  return { dates: idx.slice(1).map((t) => dates[t]), values };
}
