/**
 * Faults that leave closes usable (severity warning/info): OHLC outside its range, calendar
 * gaps, zero-as-missing volume, VWAP sentinels, stale runs. Under `repair`, the volume and
 * VWAP sentinels become NaN ("unknown") and each change is recorded.
 */
import { diagnose } from "./diagnose.ts";
import { daysBetween } from "./parse-date.ts";
import type { Diagnostic, PriceSeries, Repair } from "./price-series.ts";

export interface WarningOptions {
  /** Daily data: a gap longer than this many calendar days is reported (default 7; coarser data: 3 median spacings). */ gapDays?: number;
  /** Intraday data: a gap longer than this multiple of the median spacing (default 30). */ gapSpacings?: number;
  /** A stale run is this many or more equal consecutive closes (default 4). */ staleRun?: number;
}

/**
 * Appends warning diagnostics for `s`; applies and records repairs when `repair`.
 * @param times the rows' instants in ms, when the caller has them (else parsed from `s.dates`)
 */
export function checkWarnings(s: PriceSeries, repair: boolean, diags: Diagnostic[], repairs: Repair[], o: WarningOptions = {}, times?: Float64Array): void {
  const n = s.dates.length, file = s.file;
  const at = (t: number, kind: Parameters<typeof diagnose>[0], value: string, detail = "") => diags.push(diagnose(kind, file, s.lines[t], s.dates[t], value, detail));
  for (let t = 0; t < n; t++) {
    const lo = s.low[t], hi = s.high[t];
    if (Number.isFinite(lo) && Number.isFinite(hi)) {
      const bad = [["close", s.close[t]], ["open", s.open[t]]].find(([, v]) => Number.isFinite(v as number) && ((v as number) < lo || (v as number) > hi));
      if (bad) at(t, "ohlc-inconsistent", String(bad[1]), `${bad[0]} vs [${lo}, ${hi}]`);
    }
  }
  // Gaps.
  const intraday = n > 0 && s.dates[0].length > 10;
  if (intraday) {
    const steps = new Float64Array(Math.max(0, n - 1));
    const ms = times ?? Float64Array.from(s.dates, (d) => Date.parse(d));
    for (let t = 1; t < n; t++) steps[t - 1] = ms[t] - ms[t - 1];
    const med = steps.slice().sort()[steps.length >> 1] ?? 0;
    steps.forEach((d, i) => { if (med > 0 && d > (o.gapSpacings ?? 30) * med) at(i + 1, "gap", `${Math.round(d / 60000)} minutes`, `since ${s.dates[i]}`); });
  } else {
    const days = new Float64Array(Math.max(0, n - 1));
    for (let t = 1; t < n; t++) days[t - 1] = times ? Math.round((times[t] - times[t - 1]) / 86_400_000) : daysBetween(s.dates[t - 1], s.dates[t]);
    const med = days.slice().sort()[days.length >> 1] ?? 1;
    const limit = med <= 1 ? (o.gapDays ?? 7) : 3 * med; // daily bars: a week; monthly: three periods
    days.forEach((d, i) => { if (d > limit) at(i + 1, "gap", `${d} days`, `since ${s.dates[i]}`); });
  }
  // Volume: all zero → not reported (info, always normalised); some zero → unknown under repair.
  const known = s.volume.filter((v) => Number.isFinite(v));
  if (known.length > 0 && known.every((v) => v === 0)) {
    diags.push(diagnose("volume-not-reported", file, 0, `${s.dates[0]} … ${s.dates[n - 1]}`, "0 on every row"));
    s.volume.fill(NaN);
  } else {
    for (let t = 0; t < n; t++) {
      if (s.volume[t] !== 0) continue;
      at(t, "zero-volume", "0");
      if (repair) { s.volume[t] = NaN; repairs.push({ kind: "zero-volume", file, line: s.lines[t], date: s.dates[t], value: "0", action: "volume set to unknown" }); }
    }
  }
  if (s.vwap) {
    for (let t = 0; t < n; t++) {
      if (s.vwap[t] !== 0) continue;
      at(t, "vwap-sentinel", "0.0");
      if (repair) { s.vwap[t] = NaN; repairs.push({ kind: "vwap-sentinel", file, line: s.lines[t], date: s.dates[t], value: "0.0", action: "vwap set to unknown" }); }
    }
  }
  // Stale runs of equal closes.
  const minRun = o.staleRun ?? 4;
  for (let t = 1, start = 0; t <= n; t++) {
    if (t < n && s.close[t] === s.close[t - 1]) continue;
    if (t - start >= minRun) at(start, "stale-run", String(s.close[start]), `${t - start} equal closes to ${s.dates[t - 1]}`);
    start = t;
  }
}
