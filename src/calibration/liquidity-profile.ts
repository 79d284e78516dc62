/**
 * The liquidity part of a market profile, in the engine's transient-impact units
 * (reference-scenarios.md RS-1 step 8–9): calm depth κ₀ (equity units per unit relative
 * price move), thinning α (depth = κ₀·(σ₀/σ_s)^α), resilience ψ (per step) and the calm
 * full spread s₀. Each value records its method; overrides win; when the data cannot
 * give a value, a named default is used and a warning says so.
 *
 * - depth: Amihud on calm steps (amihud-depth.ts) of the recent window (the last two years of
 *   steps: a recommendation made today; ILLIQ drifts by orders of magnitude over decades as
 *   volume grows), with the full-sample figure beside it; `depthWindow: "full"` uses the full
 *   sample; intraday bars when given;
 * - thinning: α = ln(ILLIQ_stressed/ILLIQ_calm) / ln(σ₁/σ₀) in the same window (the full sample
 *   when the window has fewer than 30 stressed steps), clipped to [0, 4];
 * - spread: Corwin–Schultz on calm days (corwin-schultz-spread.ts), labelled `not informative`
 *   when the high–low range does not resolve a spread;
 * - resilience: intraday return reversal (intraday-resilience.ts).
 */
import type { PriceSeries } from "../data/price-series.ts";
import { amihudDepth } from "./amihud-depth.ts";
import { corwinSchultzSpread } from "./corwin-schultz-spread.ts";
import { intradayResilience } from "./intraday-resilience.ts";

/** RS-1's values (reference-scenarios.md), the named defaults when data cannot give one. */
export const LIQUIDITY_DEFAULTS = { depth: 200, thinning: 2, resilience: 0.5, spread: 0.001 } as const;

export interface LiquidityOptions {
  /** volume column in base units (× price for value, default) or already in quote currency */
  volumeUnit?: "base" | "quote";
  /** contract size: traded value = price × volume × multiplier (futures; default 1) */
  volumeMultiplier?: number;
  /** account size in the price's currency; κ₀ is in units of it (default 1,000,000) */
  accountValue?: number;
  /** intraday bars of the same market (hourly or minute) for depth and resilience */
  intraday?: PriceSeries;
  /** Amihud window: the last two years of steps (default) or the full sample */
  depthWindow?: "recent" | "full";
  overrides?: Partial<Record<"depth" | "thinning" | "resilience" | "spread", number>>;
}

export interface LiquidityProfile {
  depth: number; thinning: number; resilience: number; spread: number;
  account_value: number; volume_unit: string; volume_multiplier: number;
  method: Record<"depth" | "thinning" | "resilience" | "spread", string>;
  amihud: {
    window: { choice: "recent" | "full"; first_date: string; last_date: string; steps: number };
    illiquidity_calm: number | null; illiquidity_stressed: number | null; median_traded_value: number | null; steps: number;
    full_sample: { illiquidity_calm: number; depth: number; first_date: string; last_date: string };
  } | null;
  corwin_schultz: { pairs: number; negative_share: number; raw_mean: number; raw_se: number; informative: boolean } | null;
  intraday: { file: string; bars: number; bars_per_step: number; rho1: number | null; rho1_se: number | null; illiquidity: number | null } | null;
  fit_quality: Record<"depth" | "thinning" | "resilience" | "spread", "estimated" | "default" | "override" | "not informative">;
}

/**
 * @param r daily log-returns of `series` (r[t] from row t to t+1)
 * @param calm calm[t] = 1 when step t is in the calm regime (smoothed probability < ½)
 * @param sigma annual volatilities of the two regimes (for the thinning exponent)
 * @param warnings receives one line per default used
 */
export function liquidityProfile(series: PriceSeries, r: Float64Array, calm: Uint8Array, sigma: [number, number], stepsPerYear: number, options: LiquidityOptions, warnings: string[]): LiquidityProfile {
  const account = options.accountValue ?? 1e6;
  const unit = options.volumeUnit ?? "base", mult = options.volumeMultiplier ?? 1;
  const value = Float64Array.from(series.close, (c, t) => {
    const v = series.volume[t];
    return unit === "quote" ? v * mult : c * v * mult;
  });
  const method = { depth: "", thinning: "", resilience: "", spread: "" };
  const quality = { depth: "estimated", thinning: "estimated", resilience: "estimated", spread: "estimated" } as LiquidityProfile["fit_quality"];
  const ov = options.overrides ?? {};
  const fullCalm = amihudDepth(r, value, (t) => calm[t] === 1);
  const recentFrom = Math.max(0, r.length - 2 * stepsPerYear);
  const recentCalm = amihudDepth(r, value, (t) => calm[t] === 1 && t >= recentFrom);
  const windowChoice: "recent" | "full" = (options.depthWindow ?? "recent") === "recent" && recentCalm ? "recent" : "full";
  const from = windowChoice === "recent" ? recentFrom : 0;
  const calmA = windowChoice === "recent" ? recentCalm : fullCalm;
  const windowStress = amihudDepth(r, value, (t) => calm[t] === 0 && t >= from);
  const stressA = windowStress && windowStress.steps >= 30 ? windowStress : amihudDepth(r, value, (t) => calm[t] === 0);
  const calmForRatio = stressA === windowStress ? calmA : fullCalm;
  let depth: number, thinning: number, resilience: number, spread: number;
  let intradayInfo: LiquidityProfile["intraday"] = null;

  let intradayIlliq: number | null = null, res: ReturnType<typeof intradayResilience> = null, barsPerStep = 0;
  if (options.intraday) {
    const s = options.intraday;
    const ir = new Float64Array(s.close.length - 1);
    for (let t = 1; t < s.close.length; t++) ir[t - 1] = Math.log(s.close[t] / s.close[t - 1]);
    const iv = Float64Array.from(s.close, (c, t) => {
      const px = s.vwap && s.vwap[t] > 0 ? s.vwap[t] : c;
      return unit === "quote" ? s.volume[t] * mult : px * s.volume[t] * mult;
    });
    const a = amihudDepth(ir, iv);
    intradayIlliq = a ? a.illiquidity : null;
    const ms = (d: string) => Date.parse(d);
    const barYears = (ms(s.dates[s.dates.length - 1]) - ms(s.dates[0])) / (365.25 * 86_400_000);
    barsPerStep = Math.max(1, Math.round((s.dates.length - 1) / barYears / stepsPerYear));
    res = intradayResilience(ir, barsPerStep);
    intradayInfo = { file: s.file, bars: s.close.length, bars_per_step: barsPerStep, rho1: res?.rho1 ?? null, rho1_se: res?.rho1Se ?? null, illiquidity: intradayIlliq };
  }

  if (ov.depth !== undefined) { depth = ov.depth; method.depth = "override"; quality.depth = "override"; }
  else if (intradayIlliq !== null) { depth = 1 / (intradayIlliq * account); method.depth = `Amihud on intraday bars (${options.intraday!.file}): κ₀ = 1/(median |r|/value · account ${account})`; }
  else if (calmA) { depth = 1 / (calmA.illiquidity * account); method.depth = `Amihud on calm steps of the ${windowChoice === "recent" ? `recent window (${series.dates[from + 1]} → ${series.dates[r.length]})` : "full sample"}: κ₀ = 1/(median |r|/value · account ${account}), ${calmA.steps} steps; full-sample figure in amihud.full_sample`; }
  else {
    depth = LIQUIDITY_DEFAULTS.depth; method.depth = `default κ₀ = ${depth} (RS-1): no traded volume in ${series.file}`; quality.depth = "default";
    warnings.push(`liquidity.depth: ${series.file} has no usable volume — used the RS-1 default κ₀ = ${depth} equity units; pass --set depth=VALUE (or an intraday file) to replace it`);
  }
  const ratio = calmForRatio && stressA && stressA.steps >= 30 ? stressA.illiquidity / calmForRatio.illiquidity : null;
  if (ov.thinning !== undefined) { thinning = ov.thinning; method.thinning = "override"; quality.thinning = "override"; }
  else if (ratio !== null && sigma[1] > sigma[0] * 1.05) {
    thinning = Math.min(4, Math.max(0, Math.log(ratio) / Math.log(sigma[1] / sigma[0])));
    method.thinning = `α = ln(ILLIQ_stressed/ILLIQ_calm)/ln(σ₁/σ₀) = ln(${ratio.toPrecision(3)})/ln(${(sigma[1] / sigma[0]).toPrecision(3)}) on the ${stressA === windowStress ? windowChoice === "recent" ? "recent window" : "full sample" : "full sample (fewer than 30 stressed steps in the recent window)"}, clipped to [0, 4]`;
  } else {
    thinning = LIQUIDITY_DEFAULTS.thinning; method.thinning = `default α = ${thinning} (RS-1): fewer than 30 stressed steps with volume`; quality.thinning = "default";
    warnings.push(`liquidity.thinning: not estimable from ${series.file} (no volume or too few stressed steps) — used the RS-1 default α = ${thinning}`);
  }
  if (ov.resilience !== undefined) { resilience = ov.resilience; method.resilience = "override"; quality.resilience = "override"; }
  else if (res) { resilience = res.perStep; method.resilience = `intraday reversal: ψ_bar = ${res.perBar.toPrecision(3)} over ${res.lags} negative lags, ψ = ψ_bar^${barsPerStep}`; }
  else {
    resilience = LIQUIDITY_DEFAULTS.resilience; quality.resilience = "default";
    method.resilience = options.intraday ? `default ψ = ${resilience} (RS-1): no significant reversal in the intraday bars` : `default ψ = ${resilience} (RS-1): needs intraday bars (--intraday FILE)`;
    warnings.push(`liquidity.resilience: ${options.intraday ? "no significant intraday reversal" : "daily bars cannot show resilience"} — used the RS-1 default ψ = ${resilience}; pass --intraday FILE or --set resilience=VALUE`);
  }
  const cs = corwinSchultzSpread(series.high, series.low, series.close, (t) => t < calm.length && calm[t] === 1);
  if (ov.spread !== undefined) { spread = ov.spread; method.spread = "override"; quality.spread = "override"; }
  else if (cs) {
    spread = cs.spread;
    method.spread = `Corwin–Schultz (2012) high–low estimator with the overnight adjustment, mean of ${cs.pairs} calm two-day estimates with negatives set to 0 (${(100 * cs.negative_share).toFixed(0)}% were negative)`;
    if (!cs.informative) {
      quality.spread = "not informative";
      warnings.push(`liquidity.spread: the high–low range of ${series.file} does not resolve a spread (unclipped mean ${cs.raw_mean.toExponential(2)} ± ${(2 * cs.raw_se).toExponential(2)}, ${(100 * cs.negative_share).toFixed(0)}% of two-day estimates negative): ${spread.toExponential(2)} is an upper bound shaped by the clipping — pass --set spread=VALUE from quotes if you have them`);
    }
  }
  else {
    spread = LIQUIDITY_DEFAULTS.spread; method.spread = `default s₀ = ${spread} (RS-1): no usable high/low bars`; quality.spread = "default";
    warnings.push(`liquidity.spread: ${series.file} has no usable high/low — used the RS-1 default s₀ = ${spread}; pass --set spread=VALUE`);
  }
  return {
    depth, thinning, resilience, spread, account_value: account, volume_unit: unit, volume_multiplier: mult,
    method, fit_quality: quality,
    amihud: calmA && fullCalm ? {
      window: { choice: windowChoice, first_date: series.dates[from + 1], last_date: series.dates[r.length], steps: r.length - from },
      illiquidity_calm: calmA.illiquidity, illiquidity_stressed: stressA?.illiquidity ?? null, median_traded_value: calmA.medianValue, steps: calmA.steps + (stressA?.steps ?? 0),
      full_sample: { illiquidity_calm: fullCalm.illiquidity, depth: 1 / (fullCalm.illiquidity * account), first_date: series.dates[1], last_date: series.dates[r.length] },
    } : null,
    corwin_schultz: cs ? { pairs: cs.pairs, negative_share: cs.negative_share, raw_mean: cs.raw_mean, raw_se: cs.raw_se, informative: cs.informative } : null,
    intraday: intradayInfo,
  };
}
