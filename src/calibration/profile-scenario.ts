/**
 * Profile → scenario: the calibrated market and transient-impact costs, with the strategy's
 * own choices (signal noise, risk aversion, leverage cap, ruin barrier) from the caller,
 * as a validated engine scenario (src/scenario/scenario-schema.ts).
 *
 * Mapping: the market the engine simulates, `engine_market` (the profile's chosen model: normal
 * or Student-t innovations, with or without jumps): regimes σ_r = engine_market.regimes[r].sigma_annual;
 * transition as is; innovations Student-t with ν = engine_market.innovations.nu in every regime when
 * the model has t innovations (the kernel's t is scaled to unit variance like the likelihood's, so
 * σ_r means the same in both), else normal (left out); jumps from engine_market.jumps; alpha {mean = drift (default 0; market-drift.ts), sd = trend.alpha_sd_annual (capped at 2/yr), τ = trend.time_constant_steps};
 * ewmaDecay = ewma.decay; costs transient {κ₀ = depth, α = thinning, ψ = resilience, s₀ = spread}.
 */
import type { MarketProfile } from "./market-profile.ts";
import type { Scenario, ScenarioInput, SchemeConfig } from "../scenario/scenario-schema.ts";
import { validateScenario } from "../scenario/validate-scenario.ts";
import type { ModelTarget } from "./strategy-spec.ts";

export interface StrategyChoices {
  noiseSd?: number; riskAversion?: number; maxLeverage?: number; ruinBarrier?: number;
  /** horizon in years (default 5) */ horizonYears?: number;
  paths?: number; seed?: number;
  /** the market's mean drift ᾱ per year, the alpha mean (market-drift.ts; default 0) */ drift?: number;
  /** the user's strategy (strategy-spec.ts); default: the signal target of noiseSd, riskAversion, maxLeverage */ target?: ModelTarget;
  /** a leverage series replayed on the history (strategy-series.ts): the market replays `returns`, the target is `leverage`, the horizon their length */
  replay?: { returns: number[]; leverage: number[] };
}

/** Strategy defaults: RS-1's (reference-scenarios.md). */
export const STRATEGY_DEFAULTS = { noiseSd: 0.5, riskAversion: 3, maxLeverage: 3, ruinBarrier: 0.5, horizonYears: 5, paths: 2000, seed: 1 } as const;

export function profileToScenarioInput(profile: MarketProfile, schemes: SchemeConfig[], choices: StrategyChoices = {}): ScenarioInput {
  const c = { ...STRATEGY_DEFAULTS, ...choices };
  const v = profile.engine_market, j = profile.engine_market.jumps, l = profile.liquidity;
  return {
    name: `calibrated ${profile.source.file.split("/").pop()}`,
    market: {
      stepsPerYear: profile.steps_per_year,
      regimes: v.regimes.map((r) => ({ sigma: r.sigma_annual })),
      transition: v.transition.map((row) => [row[0], 1 - row[0]]),
      initialRegime: 0,
      jumps: { enabled: j.intensity_per_year > 0, intensityPerYear: j.intensity_per_year, meanLog: j.mean_log, sdLog: j.sd_log },
      alpha: { mean: c.drift ?? 0, sd: Math.min(2, profile.trend.alpha_sd_annual), timeConstantSteps: profile.trend.time_constant_steps },
      ewmaDecay: profile.ewma.decay,
      ...(v.innovations?.distribution === "student-t" ? { innovations: { kind: "student-t", nu: v.regimes.map(() => v.innovations!.nu!) } } : {}),
    },
    target: c.replay ? { kind: "series", values: c.replay.leverage } : c.target ?? { kind: "signal", noiseSd: c.noiseSd, riskAversion: c.riskAversion, maxLeverage: c.maxLeverage },
    ...(c.replay ? { returns: { kind: "replay" as const, returns: c.replay.returns, meanBlock: 20 } } : {}),
    costs: { kind: "transient", depth: l.depth, thinning: l.thinning, resilience: l.resilience, spread: l.spread },
    schemes,
    ruinBarrier: c.ruinBarrier,
    initialEquity: 1,
    horizonSteps: c.replay ? c.replay.returns.length : Math.round(c.horizonYears * profile.steps_per_year),
    paths: c.paths,
    seed: c.seed,
  };
}

/** The validated scenario (throws UsageError naming any field out of range). */
export function profileToScenario(profile: MarketProfile, schemes: SchemeConfig[], choices: StrategyChoices = {}): Scenario {
  return validateScenario(profileToScenarioInput(profile, schemes, choices), "profile scenario");
}
