/**
 * The market's expected return in the calibration scenario (issue 15, item 2): the growth
 * objective needs one — with a drift of 0 every long book loses its variance drag and the
 * slowest pacing (staying flat: the engine starts every book at zero exposure) wins trivially.
 * The default is the history's own mean log return per year, m = ln(P_last/P_first)/years over the
 * profile's window (calendar years), set as the
 * alpha mean of the scenario so that the engine's mean log return per year is m:
 *   E[x]/year = ᾱ − ½·Σ_r π_r σ_r² − λ_J(e^{μ_J+½s_J²} − 1) + λ_J μ_J   (simulate-pacing kernel, encode-job's jump compensator)
 *   ⇒ ᾱ = m + ½·Σ_r π_r σ_r² + λ_J(e^{μ_J+½s_J²} − 1 − μ_J),
 * π the stationary regime shares of engine_market. A sample drift is a weak forecast (its
 * interval is wide: profile.drift); `--drift` sets ᾱ directly (e.g. 0, or a view).
 */
import type { MarketProfile } from "./market-profile.ts";
import type { PriceSeries } from "../data/price-series.ts";
import { stationary } from "./regime-model.ts";
import { UsageError } from "../errors.ts";

/** ln(P_last/P_first)/years over the profile's window of `series` (calendar years: an annual return whatever the bar). */
export function windowMeanLog(series: PriceSeries, profile: MarketProfile): number {
  const day = (d: string) => d.slice(0, 10), first = day(profile.window.first_date), last = day(profile.window.last_date);
  const i0 = series.dates.findIndex((d) => day(d) >= first);
  let i1 = series.dates.length - 1;
  while (i1 > 0 && day(series.dates[i1]) > last) i1--;
  const years = (Date.parse(day(series.dates[i1])) - Date.parse(day(series.dates[i0]))) / (365.25 * 864e5);
  if (i0 < 0 || !(years > 0)) throw new RangeError(`windowMeanLog: the window ${first}…${last} holds no span of ${series.file}`);
  return Math.log(series.close[i1] / series.close[i0]) / years;
}

/** The alpha mean ᾱ (per year) whose simulated mean log return per year is `m` (see the module comment). */
export function alphaForMeanLog(profile: MarketProfile, m: number): number {
  const e = profile.engine_market, j = e.jumps;
  const pi = stationary(e.transition);
  const variance = e.regimes.reduce((a, r, i) => a + (pi[i] ?? 0) * r.sigma_annual ** 2, 0);
  return m + 0.5 * variance + j.intensity_per_year * (Math.expm1(j.mean_log + 0.5 * j.sd_log ** 2) - j.mean_log);
}

/**
 * A --drift value: "history" (the default: the window's mean log return, made an alpha mean)
 * or an annual alpha mean in [-10, 10].
 * @throws UsageError naming the flag, the value and the fix
 */
export function parseDrift(v: string | undefined, flag = "--drift"): "history" | number {
  if (v === undefined || v === "history") return "history";
  const x = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(v) ? Number(v) : NaN;
  if (!(Math.abs(x) <= 10)) throw new UsageError(`${flag}: must be "history" or an expected return per year in [-10, 10] (e.g. 0.05); got ${JSON.stringify(v)}`);
  return x;
}

/** The alpha mean for a --drift value on `profile`, fitted on `series`. */
export function scenarioDrift(drift: "history" | number, profile: MarketProfile, series: PriceSeries): number {
  return drift === "history" ? alphaForMeanLog(profile, windowMeanLog(series, profile)) : drift;
}
