/**
 * The profile's bar: the market model is fitted on bars of one length (daily by default).
 * Finer bars are resampled to it — open = first open, high = max, low = min, close = last
 * close, volume = sum (unknown when any part is unknown), bars aligned to UTC multiples of the
 * bar length from 1970-01-01 (weeks start on Monday) — because on one-minute bars the regime model
 * reads microstructure (discreteness, bid–ask bounce, zero returns) as calm σ ≈ 0 with tens of
 * thousands of "jumps" a year. The original intraday bars stay available for what needs them
 * (resilience). A source coarser than the bar is refused.
 */
import type { PriceSeries } from "../data/price-series.ts";
import { fail, show } from "../errors.ts";

const UNIT_SECONDS: Record<string, number> = { m: 60, h: 3600, d: 86_400, w: 604_800 };

/** Bar length in seconds from `1d`, `4h`, `15m`, `1w`. @throws RangeError naming the value */
export function parseBar(bar: string): number {
  const m = /^([1-9]\d*)([mhdw])$/.exec(bar);
  if (!m) fail(RangeError, "--bar", `expected a bar length such as 1d, 4h, 15m or 1w; got ${show(bar)}`, "use --bar 1d (the default) or another length");
  return Number(m[1]) * UNIT_SECONDS[m[2]];
}

const epochSeconds = (d: string) => Date.parse(d.length === 10 ? d + "T00:00:00Z" : d) / 1000;

/** Median spacing of consecutive rows in seconds (the source's bar). */
export function medianBarSeconds(dates: readonly string[]): number {
  const gaps: number[] = [];
  for (let i = 1; i < dates.length; i++) gaps.push(epochSeconds(dates[i]) - epochSeconds(dates[i - 1]));
  gaps.sort((a, b) => a - b);
  return gaps.length ? gaps[Math.floor(gaps.length / 2)] : 0;
}

/**
 * @returns the series on bars of `barSeconds` (the same object when its bars are already that long
 *   or, for daily data, one trading day each), and whether it was resampled
 * @throws RangeError when the source's bars are longer than `barSeconds`
 */
export function resampleToBar(s: PriceSeries, barSeconds: number, barName: string): { series: PriceSeries; resampled: boolean; sourceBarSeconds: number } {
  const source = medianBarSeconds(s.dates);
  if (source > 1.5 * barSeconds) fail(RangeError, s.file, `its bars are ${(source / 3600).toFixed(1)} h long, longer than the profile's bar ${barName}`, `use --bar with a length of at least the file's (e.g. --bar ${source >= 86_400 ? Math.round(source / 86_400) + "d" : Math.round(source / 3600) + "h"})`);
  if (source >= 0.75 * barSeconds) return { series: s, resampled: false, sourceBarSeconds: source };
  const offset = barSeconds % 604_800 === 0 ? 4 * 86_400 : 0; // 1970-01-01 was a Thursday
  const key = (d: string) => Math.floor((epochSeconds(d) - offset) / barSeconds);
  const groups: number[][] = [];
  let last = NaN;
  for (let i = 0; i < s.dates.length; i++) {
    const k = key(s.dates[i]);
    if (k !== last) { groups.push([]); last = k; }
    groups[groups.length - 1].push(i);
  }
  const pick = (f: (rows: number[]) => number) => Float64Array.from(groups, f);
  const label = (k: number) => { const iso = new Date((k * barSeconds + offset) * 1000).toISOString(); return barSeconds % 86_400 === 0 ? iso.slice(0, 10) : iso.slice(0, 19) + "Z"; };
  const out: PriceSeries = {
    file: s.file, format: s.format,
    dates: groups.map((g) => label(key(s.dates[g[0]]))), lines: groups.map((g) => s.lines[g[0]]),
    open: pick((g) => s.open[g[0]]),
    high: pick((g) => g.reduce((a, i) => Math.max(a, s.high[i]), -Infinity)),
    low: pick((g) => g.reduce((a, i) => Math.min(a, s.low[i]), Infinity)),
    close: pick((g) => s.close[g[g.length - 1]]),
    volume: pick((g) => g.reduce((a, i) => a + s.volume[i], 0)),
  };
  return { series: out, resampled: true, sourceBarSeconds: source };
}
