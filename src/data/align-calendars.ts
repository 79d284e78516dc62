/**
 * Calendar alignment of several price series: inner join on dates (default) or as-of
 * alignment onto a reference calendar. Crypto trades 7 days a week, exchanges 5: the inner
 * join keeps exchange days on which every leg has a close, so a change may span a weekend.
 */
import { fail } from "../errors.ts";
import type { PriceSeries } from "./price-series.ts";

export interface AlignedCloses {
  dates: string[];
  /** closes[leg][t] on the common dates. */ closes: Float64Array[];
  /** For as-of alignment: age in calendar days of each leg's close at each date (0 = same date). */ ageDays?: Float64Array[];
}

/**
 * Dates on which every series has a close, with each series' close there.
 * @throws RangeError when fewer than `minDates` dates are common (naming each series' range)
 */
export function alignInner(series: readonly PriceSeries[], minDates = 2): AlignedCloses {
  if (series.length === 0) fail(RangeError, "alignInner", "no series given", "pass at least one price series");
  const maps = series.map((s) => new Map(s.dates.map((d, t) => [d, s.close[t]])));
  const dates = series[0].dates.filter((d) => maps.every((m) => m.has(d)));
  if (dates.length < minDates) {
    const ranges = series.map((s) => `${s.file} ${s.dates[0]} … ${s.dates[s.dates.length - 1]} (${s.dates.length} rows)`).join("; ");
    fail(RangeError, "alignInner", `only ${dates.length} common dates (need ${minDates}): ${ranges}`,
      "choose series whose date ranges overlap and share a date format (daily vs intraday), or use alignAsOf");
  }
  return { dates, closes: maps.map((m) => Float64Array.from(dates, (d) => m.get(d)!)) };
}

/**
 * As-of alignment onto the dates of `series[reference]`: each other series contributes its
 * last close at or before the date, if no older than `maxAgeDays`; dates where a leg has no
 * such close are left out.
 * @throws RangeError when fewer than `minDates` dates remain
 */
export function alignAsOf(series: readonly PriceSeries[], reference = 0, maxAgeDays = 3, minDates = 2): AlignedCloses {
  const ref = series[reference];
  if (!ref) fail(RangeError, "alignAsOf: reference", `no series at index ${reference}`, `pass 0 … ${series.length - 1}`);
  const dates: string[] = [];
  const closes: number[][] = series.map(() => []);
  const ages: number[][] = series.map(() => []);
  const ptr = series.map(() => -1);
  for (const d of ref.dates) {
    const row: number[] = [], age: number[] = [];
    let ok = true;
    series.forEach((s, i) => {
      while (ptr[i] + 1 < s.dates.length && s.dates[ptr[i] + 1] <= d) ptr[i]++;
      const p = ptr[i];
      const a = p < 0 ? Infinity : (Date.parse(d.slice(0, 10)) - Date.parse(s.dates[p].slice(0, 10))) / 86_400_000;
      if (p < 0 || a > maxAgeDays) ok = false;
      row.push(p < 0 ? NaN : s.close[p]);
      age.push(a);
    });
    if (!ok) continue;
    dates.push(d);
    row.forEach((v, i) => { closes[i].push(v); ages[i].push(age[i]); });
  }
  if (dates.length < minDates) fail(RangeError, "alignAsOf", `only ${dates.length} dates with every leg at most ${maxAgeDays} days old`, "raise maxAgeDays or choose overlapping series");
  return { dates, closes: closes.map((c) => Float64Array.from(c)), ageDays: ages.map((a) => Float64Array.from(a)) };
}
