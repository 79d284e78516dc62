/**
 * A user's own leverage history (`--strategy series:FILE.csv`, issue 15 item 1), aligned by
 * date with the price file so the engine replays both: the market's log-returns
 * r_t = ln(P_{t+1}/P_t) as a "replay" of the history and the leverage as a "series" target
 * L*_0 … L*_T. The file has a header with a `date` column (YYYY-MM-DD, or a timestamp whose
 * first 10 characters are one) and a `leverage` column (or exactly two columns, the second
 * the leverage). On every price date from the file's first date to its last, the leverage in
 * force is the file's latest value on or before that date (a position holds until changed).
 */
import { readCsv } from "../data/csv.ts";
import type { PriceSeries } from "../data/price-series.ts";
import { UsageError, show } from "../errors.ts";

export interface ReplayedStrategy {
  /** per-step log-returns of the price history over the overlap (length T) */ returns: number[];
  /** target leverage at each price date of the overlap (length T + 1) */ leverage: number[];
  first: string; last: string;
  /** leverage rows read from the file */ rows: number;
}

/** The leverage file's rows, sorted by date: [date (10 chars), leverage]. */
export function readLeverageFile(file: string, flag = "--strategy"): [string, number][] {
  let dateCol = -1, levCol = -1;
  const rows: [string, number][] = [];
  try {
    readCsv({ path: file }, {
      header(fields) {
        const lower = fields.map((f) => f.toLowerCase());
        dateCol = lower.indexOf("date");
        levCol = lower.indexOf("leverage");
        if (levCol < 0 && fields.length === 2) levCol = 1 - Math.max(0, dateCol);
        if (dateCol < 0 && fields.length === 2) dateCol = 1 - levCol;
        if (dateCol < 0 || levCol < 0) throw new UsageError(`${flag} series:${file}: the header ${show(fields.join(","))} needs a date column and a leverage column — e.g. "date,leverage"`);
      },
      row(fields, line) {
        const date = (fields[dateCol] ?? "").slice(0, 10), v = fields[levCol] ?? "";
        if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError(`${flag} series:${file}: row ${line} date must be YYYY-MM-DD; got ${show(fields[dateCol])} — write ISO dates`);
        const x = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(v) ? Number(v) : NaN;
        if (!(Math.abs(x) <= 100)) throw new UsageError(`${flag} series:${file}: row ${line} (${date}) leverage must be a number in [-100, 100]; got ${show(v)} — fix or drop the row`);
        rows.push([date, x]);
      },
    });
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`${flag} series:${file}: cannot read the file (${(e as Error).message}) — give the path of a CSV with date and leverage columns`);
  }
  return rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/**
 * Aligns a leverage file with the prices (see the module comment).
 * @throws UsageError when the file has no rows, or fewer than two price dates fall in its date range
 */
export function alignLeverage(series: PriceSeries, rows: [string, number][], file: string, flag = "--strategy"): ReplayedStrategy {
  if (!rows.length) throw new UsageError(`${flag} series:${file}: no leverage rows — add rows "YYYY-MM-DD,leverage"`);
  const first = rows[0][0], last = rows[rows.length - 1][0];
  const idx = series.dates.map((d, i) => [d.slice(0, 10), i] as const).filter(([d]) => d >= first && d <= last);
  if (idx.length < 2) {
    throw new UsageError(`${flag} series:${file}: its dates ${first}…${last} do not overlap the prices' ${series.dates[0].slice(0, 10)}…${series.dates[series.dates.length - 1].slice(0, 10)} (${idx.length} common date${idx.length === 1 ? "" : "s"}) — give a leverage file for the same period as --data`);
  }
  const leverage: number[] = [];
  let j = 0;
  for (const [d] of idx) {
    while (j + 1 < rows.length && rows[j + 1][0] <= d) j++;
    leverage.push(rows[j][1]);
  }
  const returns = idx.slice(1).map(([, i], k) => Math.log(series.close[i] / series.close[idx[k][1]]));
  return { returns, leverage, first: idx[0][0], last: idx[idx.length - 1][0], rows: rows.length };
}

/** readLeverageFile then alignLeverage. */
export function replayedStrategy(series: PriceSeries, file: string, flag = "--strategy"): ReplayedStrategy {
  return alignLeverage(series, readLeverageFile(file, flag), file, flag);
}
