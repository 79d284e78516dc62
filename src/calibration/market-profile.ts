/**
 * A market profile from a price history: the readable JSON document of issue 4 — volatility
 * regimes, tails (normal+jumps, Student-t or t+jumps by BIC, with a posterior predictive tail
 * check), what the engine simulates (engine_market), trend persistence, EWMA volatility and liquidity, each with its method and
 * fit quality, and the data window. `profileToScenario` (profile-scenario.ts) plugs it into
 * the engine. Field names are snake_case so others can read profile.json without our code.
 *
 * Units: σ annualised (√(steps_per_year)·per-step sd); transition probabilities per step;
 * jump intensity per year; jump moments in log-return units; τ in steps; depth in equity units.
 */
import type { PriceSeries } from "../data/price-series.ts";
import type { Interval } from "./regime-fit.ts";
import { regimeIntervals } from "./regime-fit.ts";
import { chooseRegimeModel, type ModelChoice } from "./regime-model-choice.ts";
import { volatilitySections, type VolatilitySection, type JumpSection, type EngineMarket, type TailSection } from "./profile-volatility.ts";
import { trendPersistence } from "./trend-persistence.ts";
import { ewmaDecay } from "./ewma-decay.ts";
import { stepsPerYear as countStepsPerYear } from "./steps-per-year.ts";
import { liquidityProfile, type LiquidityOptions, type LiquidityProfile } from "./liquidity-profile.ts";
import { parseBar, resampleToBar } from "./bar-resample.ts";
import { stationary } from "./regime-model.ts";
import { fail } from "../errors.ts";

/** Fewest log-returns the regime model is fitted on (≈ 2 years of daily data). */
export const MIN_OBSERVATIONS = 500;

export type Quality = { status: "estimated" | "weak" | "censored" | "default" | "override"; note: string };

export interface ProfileOverrides {
  sigma_annual?: [number, number]; transition?: [[number, number], [number, number]];
  jump_intensity_per_year?: number; jump_mean_log?: number; jump_sd_log?: number;
  time_constant_steps?: number; alpha_sd_annual?: number; ewma_decay?: number;
  depth?: number; thinning?: number; resilience?: number; spread?: number;
}

export interface ProfileOptions extends Omit<LiquidityOptions, "overrides"> {
  stepsPerYear?: number;
  jumpK?: number;
  allowFallback?: boolean;
  overrides?: ProfileOverrides;
  /** only rows with dates in [from, to] (inclusive, date prefix compare) */
  from?: string; to?: string;
  /** the profile's bar (`1d` default, `4h`, `1w`, …): finer bars are resampled to it (bar-resample.ts) */
  bar?: string;
}

type Est = { estimate: number; lo: number | null; hi: number | null };

export interface MarketProfile {
  schema: "market-profile/2";
  source: { file: string; format: string };
  bar: { bar: string; source_bar_seconds: number; resampled: boolean; source_rows: number; note: string };
  window: { first_date: string; last_date: string; observations: number; prices: number };
  steps_per_year: number;
  volatility: VolatilitySection;
  jumps: JumpSection;
  model_choice: ModelChoice;
  tail_check: TailSection;
  /** what the pacing engine simulates (profile-scenario.ts reads this, not the sections above) */
  engine_market: EngineMarket;
  drift: { mean_log_per_year: Est; note: string };
  trend: { method: string; time_constant_steps: number; interval: Interval; censored: "above" | "below" | null; alpha_sd_annual: number; signal_share: number; lr_statistic: number; mean_removed: number; sd_scaled: number; fit_quality: Quality };
  ewma: { method: string; decay: number; interval: Interval; last_sigma_annual: number; fit_quality: Quality };
  liquidity: LiquidityProfile;
  overrides: ProfileOverrides;
  warnings: string[];
}

/**
 * @throws RangeError when fewer than MIN_OBSERVATIONS returns remain in the window (after
 *   resampling to the bar), or the bar is malformed or finer than the file's
 * @throws Error when a likelihood fit does not converge and allowFallback is not set
 */
export function estimateProfile(series: PriceSeries, options: ProfileOptions = {}): MarketProfile {
  const barName = options.bar ?? "1d";
  const barred = resampleToBar(series, parseBar(barName), barName);
  const b = barred.series;
  const rows = b.dates.map((_, i) => i).filter((i) => (!options.from || b.dates[i].slice(0, options.from.length) >= options.from) && (!options.to || b.dates[i].slice(0, options.to.length) <= options.to));
  const s = rows.length === b.dates.length ? b : sliceSeries(b, rows[0] ?? 0, (rows[rows.length - 1] ?? -1) + 1);
  const n = s.close.length - 1;
  if (n < MIN_OBSERVATIONS) {
    const why = barred.resampled ? ` (its ${series.dates.length} bars of ${(barred.sourceBarSeconds / 60).toFixed(0)} min resampled to ${barName} bars)` : "";
    fail(RangeError, s.file, `${n} returns${why}${options.from || options.to ? ` in the window ${options.from ?? "…"} → ${options.to ?? "…"}` : ""} are too few for the two-regime model; needs at least ${MIN_OBSERVATIONS} (≈ 2 years of daily bars)`,
      barred.resampled ? `use a longer history at ${barName} bars, or a shorter bar (e.g. --bar 1h; intraday bars carry microstructure noise), or pass the file as --intraday beside a daily history` : "use a longer history or window");
  }
  const x = new Float64Array(n);
  for (let t = 0; t < n; t++) x[t] = Math.log(s.close[t + 1] / s.close[t]);
  const spy = options.stepsPerYear ?? countStepsPerYear(s.dates);
  const warnings: string[] = [];
  const ov = options.overrides ?? {};
  const { choice, fits, sbar } = chooseRegimeModel(x, spy, { jumpK: options.jumpK, allowFallback: options.allowFallback, label: s.file });
  const chosen = fits.get(choice.chosen)!, engine = chosen; // the engine draws Student-t innovations too: it simulates the chosen model
  chosen.intervals = regimeIntervals(x, chosen.spec, chosen.params, sbar);
  for (const f of new Set([chosen, engine])) if (f.fallback) warnings.push(f.fallback);
  if (!engine.converged) warnings.push(`${s.file}: the ${choice.chosen} fit the engine simulates did not converge; its log-likelihood ${engine.logLikelihood.toFixed(1)} is a lower bound`);
  const p = chosen.params;
  let share1 = 0;
  for (let t = 0; t < n; t++) share1 += chosen.smoothed1[t] / n;
  const sec = volatilitySections(x, spy, sbar, choice, chosen, engine, share1, ov);
  if (sec.tail.misses.length) warnings.push(`tail_check: ${sec.tail.misses.join("; ")}`);

  // standardised returns for trend persistence, jump steps masked, centred and scaled to unit
  // variance (the trend model fixes Var z = 1; a drift or a variance misfit is not a trend)
  const z = new Float64Array(n), mask = chosen.threshold.mask;
  let sv = 0, zm = 0, kept = 0;
  for (let t = 0; t < n; t++) {
    const v = (1 - chosen.predicted1[t]) * p.sd[0] ** 2 + chosen.predicted1[t] * p.sd[1] ** 2;
    z[t] = (x[t] - (p.mean - 0.5 * v)) / Math.sqrt(v);
    sv += v / n;
    if (!mask[t]) { zm += z[t]; kept++; }
  }
  zm /= Math.max(1, kept);
  let zv = 0;
  for (let t = 0; t < n; t++) if (!mask[t]) zv += (z[t] - zm) ** 2 / Math.max(1, kept);
  const zsd = Math.sqrt(zv) || 1;
  for (let t = 0; t < n; t++) z[t] = (z[t] - zm) / zsd;
  const trend = trendPersistence(z, mask);
  const alphaSd = Math.sqrt(trend.signalShare) * zsd * Math.sqrt(sv) * spy;
  const censored = trend.censored;
  const ewma = ewmaDecay(x, spy);
  const calm = Uint8Array.from(chosen.smoothed1, (g) => (g < 0.5 ? 1 : 0));
  const intraday = options.intraday ?? (barred.resampled ? series : undefined);
  const liquidity = liquidityProfile(s, x, calm, sec.sigma, spy, { ...options, intraday, overrides: { depth: ov.depth, thinning: ov.thinning, resilience: ov.resilience, spread: ov.spread } }, warnings);

  return {
    schema: "market-profile/2",
    source: { file: s.file, format: s.format },
    bar: {
      bar: barName, source_bar_seconds: barred.sourceBarSeconds, resampled: barred.resampled, source_rows: series.dates.length,
      note: barred.resampled ? `${series.dates.length} source bars resampled to ${b.dates.length} ${barName} bars (OHLC, summed volume); the source bars are used for resilience and depth (liquidity.intraday)` : `source bars used as they are`,
    },
    window: { first_date: s.dates[0], last_date: s.dates[n], observations: n, prices: n + 1 },
    steps_per_year: spy,
    volatility: sec.volatility, jumps: sec.jumps, model_choice: choice, tail_check: sec.tail, engine_market: sec.engineMarket,
    drift: {
      mean_log_per_year: { estimate: p.mean * spy, lo: chosen.intervals.mean ? chosen.intervals.mean.lo * spy : null, hi: chosen.intervals.mean ? chosen.intervals.mean.hi * spy : null },
      note: "not used by the scenario (alpha mean is set to 0): a sample drift is not a forecast",
    },
    trend: {
      method: "AR(1) signal + noise in vol-standardised returns centred and scaled to unit variance, Kalman likelihood profiled over τ (2–2000 steps); interval = profile within 1.92",
      time_constant_steps: ov.time_constant_steps ?? trend.timeConstantSteps, interval: trend.interval, censored,
      alpha_sd_annual: ov.alpha_sd_annual ?? alphaSd, signal_share: trend.signalShare, lr_statistic: trend.lrStatistic, mean_removed: zm, sd_scaled: zsd,
      fit_quality: ov.time_constant_steps !== undefined ? { status: "override", note: "set by the user" }
        : trend.lrStatistic < 5.99 ? { status: "weak", note: `no significant persistent signal (LR ${trend.lrStatistic.toFixed(2)} < 5.99, χ²₂ 95%); τ interval ${trend.interval.lo.toFixed(0)}–${trend.interval.hi.toFixed(0)} steps` }
          : censored ? { status: "censored", note: `LR ${trend.lrStatistic.toFixed(2)}, but τ̂ is on the grid's ${censored === "above" ? "upper" : "lower"} edge (${trend.timeConstantSteps.toFixed(0)} steps): a bound, not an estimate` }
            : { status: "estimated", note: `LR ${trend.lrStatistic.toFixed(2)} against no signal` },
    },
    ewma: {
      method: "decay maximising the Gaussian quasi-likelihood of one-step variance forecasts (grid 0.80–0.995)",
      decay: ov.ewma_decay ?? ewma.decay, interval: ewma.interval, last_sigma_annual: ewma.lastSigmaAnnual,
      fit_quality: ov.ewma_decay !== undefined ? { status: "override", note: "set by the user" } : { status: "estimated", note: `interval ${ewma.interval.lo.toFixed(3)}–${ewma.interval.hi.toFixed(3)}` },
    },
    liquidity, overrides: ov, warnings,
  };
}

/** Rows [a, b) of a series. */
export function sliceSeries(s: PriceSeries, a: number, b: number): PriceSeries {
  return {
    ...s, dates: s.dates.slice(a, b), lines: s.lines.slice(a, b),
    open: s.open.slice(a, b), high: s.high.slice(a, b), low: s.low.slice(a, b), close: s.close.slice(a, b), volume: s.volume.slice(a, b),
    ...(s.vwap ? { vwap: s.vwap.slice(a, b) } : {}), ...(s.trades ? { trades: s.trades.slice(a, b) } : {}),
  };
}

export { stationary };
