/**
 * A market profile from a price history: the readable JSON document of issue 4 — volatility
 * regimes, jumps, trend persistence, EWMA volatility and liquidity, each with its method and
 * fit quality, and the data window. `profileToScenario` (profile-scenario.ts) plugs it into
 * the engine. Field names are snake_case so others can read profile.json without our code.
 *
 * Units: σ annualised (√(steps_per_year)·per-step sd); transition probabilities per step;
 * jump intensity per year; jump moments in log-return units; τ in steps; depth in equity units.
 */
import type { PriceSeries } from "../data/price-series.ts";
import { regimeFit, type Interval } from "./regime-fit.ts";
import { trendPersistence } from "./trend-persistence.ts";
import { ewmaDecay } from "./ewma-decay.ts";
import { stepsPerYear as countStepsPerYear } from "./steps-per-year.ts";
import { liquidityProfile, type LiquidityOptions, type LiquidityProfile } from "./liquidity-profile.ts";
import { stationary } from "./regime-model.ts";
import { fail } from "../errors.ts";

/** Fewest log-returns the regime model is fitted on (≈ 2 years of daily data). */
export const MIN_OBSERVATIONS = 500;

export type Quality = { status: "estimated" | "weak" | "default" | "override"; note: string };

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
}

type Est = { estimate: number; lo: number | null; hi: number | null };

export interface MarketProfile {
  schema: "market-profile/1";
  source: { file: string; format: string };
  window: { first_date: string; last_date: string; observations: number; prices: number };
  steps_per_year: number;
  volatility: {
    method: string;
    regimes: { sigma_annual: number; interval: Interval | null; share_of_time: number; expected_duration_steps: number }[];
    transition: [[number, number], [number, number]];
    switch_intervals: { p01: Interval | null; p10: Interval | null };
    log_likelihood: number; converged: boolean; evaluations: number;
    em: { iterations: number; converged: boolean; log_likelihood: number };
    fallback: string | null; fit_quality: Quality;
  };
  jumps: {
    method: string; intensity_per_year: number; mean_log: number; sd_log: number;
    intervals: { intensity_per_year: Interval | null; mean_log: Interval | null; sd_log: Interval | null };
    threshold: { k: number; count: number; intensity_per_year: Est; mean_log: number | null; sd_log: number | null };
    fit_quality: Quality;
  };
  drift: { mean_log_per_year: Est; note: string };
  trend: { method: string; time_constant_steps: number; interval: Interval; alpha_sd_annual: number; signal_share: number; lr_statistic: number; fit_quality: Quality };
  ewma: { method: string; decay: number; interval: Interval; last_sigma_annual: number; fit_quality: Quality };
  liquidity: LiquidityProfile;
  overrides: ProfileOverrides;
  warnings: string[];
}

/**
 * @throws RangeError when fewer than MIN_OBSERVATIONS returns remain in the window
 * @throws Error when a likelihood fit does not converge and allowFallback is not set
 */
export function estimateProfile(series: PriceSeries, options: ProfileOptions = {}): MarketProfile {
  const rows = series.dates.map((_, i) => i).filter((i) => (!options.from || series.dates[i].slice(0, options.from.length) >= options.from) && (!options.to || series.dates[i].slice(0, options.to.length) <= options.to));
  const s = rows.length === series.dates.length ? series : sliceSeries(series, rows[0] ?? 0, (rows[rows.length - 1] ?? -1) + 1);
  const n = s.close.length - 1;
  if (n < MIN_OBSERVATIONS) {
    fail(RangeError, s.file, `${n} returns${options.from || options.to ? ` in the window ${options.from ?? "…"} → ${options.to ?? "…"}` : ""} are too few for the two-regime model; needs at least ${MIN_OBSERVATIONS} (≈ 2 years of daily bars)`, "use a longer history or window");
  }
  const x = new Float64Array(n);
  for (let t = 0; t < n; t++) x[t] = Math.log(s.close[t + 1] / s.close[t]);
  const spy = options.stepsPerYear ?? countStepsPerYear(s.dates);
  const ann = Math.sqrt(spy);
  const warnings: string[] = [];
  const ov = options.overrides ?? {};
  const fit = regimeFit(x, spy, { jumpK: options.jumpK, allowFallback: options.allowFallback, label: s.file });
  if (fit.fallback) warnings.push(fit.fallback);
  const p = fit.params, iv = fit.intervals;
  const scaleI = (i: Interval | null, k: number) => (i ? { lo: i.lo * k, hi: i.hi * k } : null);
  let share1 = 0;
  for (let t = 0; t < n; t++) share1 += fit.smoothed1[t] / n;
  const transition = ov.transition ?? p.transition;
  const sigma: [number, number] = ov.sigma_annual ?? [p.sd[0] * ann, p.sd[1] * ann];
  const weakSd = [iv.sd0, iv.sd1].some((i) => !i) || iv.p10 === null;
  const volQuality: Quality = ov.sigma_annual || ov.transition ? { status: "override", note: "set by the user" }
    : weakSd ? { status: "weak", note: "information matrix singular: some regime parameters not identified" }
      : { status: "estimated", note: `stressed regime ${(100 * share1).toFixed(1)}% of steps; σ₁/σ₀ = ${(p.sd[1] / p.sd[0]).toFixed(2)}` };

  // standardised returns for trend persistence, jump steps masked
  const z = new Float64Array(n);
  let sv = 0;
  for (let t = 0; t < n; t++) {
    const v = (1 - fit.predicted1[t]) * p.sd[0] ** 2 + fit.predicted1[t] * p.sd[1] ** 2;
    z[t] = (x[t] - (p.mean - 0.5 * v)) / Math.sqrt(v);
    sv += v / n;
  }
  const trend = trendPersistence(z, fit.threshold.mask);
  const alphaSd = Math.sqrt(trend.signalShare) * Math.sqrt(sv) * spy;
  const ewma = ewmaDecay(x, spy);
  const calm = Uint8Array.from(fit.smoothed1, (g) => (g < 0.5 ? 1 : 0));
  const liquidity = liquidityProfile(s, x, calm, sigma, spy, { ...options, overrides: { depth: ov.depth, thinning: ov.thinning, resilience: ov.resilience, spread: ov.spread } }, warnings);

  const jumpsOn = p.jumpProb > 0;
  const thr = fit.threshold;
  return {
    schema: "market-profile/1",
    source: { file: s.file, format: s.format },
    window: { first_date: s.dates[0], last_date: s.dates[n], observations: n, prices: n + 1 },
    steps_per_year: spy,
    volatility: {
      method: "two-regime Markov switching, maximum likelihood (Hamilton filter, Nelder–Mead) started from Baum–Welch EM; 95% intervals from the observed information",
      regimes: [0, 1].map((r) => ({
        sigma_annual: sigma[r], interval: ov.sigma_annual ? null : scaleI(r === 0 ? iv.sd0 : iv.sd1, ann),
        share_of_time: r === 0 ? 1 - share1 : share1,
        expected_duration_steps: 1 / transition[r][1 - r],
      })),
      transition, switch_intervals: ov.transition ? { p01: null, p10: null } : { p01: iv.p01, p10: iv.p10 },
      log_likelihood: fit.logLikelihood, converged: fit.converged, evaluations: fit.evaluations,
      em: { iterations: fit.em.iterations, converged: fit.em.converged, log_likelihood: fit.em.logLikelihood },
      fallback: fit.fallback, fit_quality: volQuality,
    },
    jumps: {
      method: jumpsOn ? "normal jumps (at most one a step) in the same likelihood; started from a |z| > k threshold on returns standardised by the predicted regime volatility"
        : `threshold |z| > ${thr.k} flagged ${thr.steps.length} steps (< 3): jumps left out of the likelihood`,
      intensity_per_year: ov.jump_intensity_per_year ?? p.jumpProb * spy,
      mean_log: ov.jump_mean_log ?? p.jumpMean,
      sd_log: ov.jump_sd_log ?? p.jumpSd,
      intervals: { intensity_per_year: scaleI(iv.jumpProb, spy), mean_log: iv.jumpMean, sd_log: iv.jumpSd },
      threshold: { k: thr.k, count: thr.steps.length, intensity_per_year: thr.intensityPerYear, mean_log: thr.meanLog, sd_log: thr.sdLog },
      fit_quality: ov.jump_intensity_per_year !== undefined ? { status: "override", note: "set by the user" }
        : !jumpsOn ? { status: "weak", note: "too few outliers to fit a jump component" }
          : iv.jumpProb === null ? { status: "weak", note: "jump parameters not identified (singular information)" }
            : { status: "estimated", note: `threshold count ${thr.steps.length} in ${(n / spy).toFixed(1)} years vs likelihood ${(p.jumpProb * n).toFixed(1)}` },
    },
    drift: {
      mean_log_per_year: { estimate: p.mean * spy, lo: iv.mean ? iv.mean.lo * spy : null, hi: iv.mean ? iv.mean.hi * spy : null },
      note: "not used by the scenario (alpha mean is set to 0): a sample drift is not a forecast",
    },
    trend: {
      method: "AR(1) signal + noise in vol-standardised returns, Kalman likelihood profiled over τ (2–2000 steps); interval = profile within 1.92",
      time_constant_steps: ov.time_constant_steps ?? trend.timeConstantSteps, interval: trend.interval,
      alpha_sd_annual: ov.alpha_sd_annual ?? alphaSd, signal_share: trend.signalShare, lr_statistic: trend.lrStatistic,
      fit_quality: ov.time_constant_steps !== undefined ? { status: "override", note: "set by the user" }
        : trend.lrStatistic < 5.99 ? { status: "weak", note: `no significant persistent signal (LR ${trend.lrStatistic.toFixed(2)} < 5.99, χ²₂ 95%); τ interval ${trend.interval.lo.toFixed(0)}–${trend.interval.hi.toFixed(0)} steps` }
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
