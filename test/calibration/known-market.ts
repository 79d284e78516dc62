/**
 * A market profile built from known parameters (no estimation), for tests of the pacing
 * search: one volatility in both regimes, no jumps, the trend signal's α sd and time constant,
 * and the transient-impact costs as given. Only the fields the search reads are set.
 */
import type { MarketProfile } from "../../src/calibration/market-profile.ts";

export interface KnownMarket { sigma: number; alphaSd: number; tauSteps: number; depth: number; spread: number }

export function knownMarketProfile(m: KnownMarket): MarketProfile {
  const regime = { sigma_annual: m.sigma, interval: null, share_of_time: 0.5, expected_duration_steps: 50 };
  const transition = [[0.98, 0.02], [0.02, 0.98]], jumps = { intensity_per_year: 0, mean_log: 0, sd_log: 0.01 };
  return {
    schema: "market-profile/1",
    source: { file: "known-market", format: "test" },
    window: { first_date: "2000-01-01", last_date: "2001-01-01", observations: 252, prices: 253 },
    steps_per_year: 252,
    volatility: { regimes: [regime, { ...regime }], transition },
    jumps,
    // what the engine simulates (profile-scenario.ts reads this, not volatility/jumps)
    engine_market: { model: "normal+jumps", note: "known", regimes: [{ sigma_annual: m.sigma }, { sigma_annual: m.sigma }], transition, jumps },
    trend: { time_constant_steps: m.tauSteps, alpha_sd_annual: m.alphaSd, fit_quality: { status: "estimated", note: "known" } },
    ewma: { decay: 0.94 },
    liquidity: { depth: m.depth, thinning: 0, resilience: 0, spread: m.spread },
    warnings: [],
  } as unknown as MarketProfile;
}

/**
 * The known market (σ 20%, α sd 0.4, τ 40 steps, depth 30, spread 0.002) with intervals as the fit
 * reports them: σ₀ and p01 estimated (the robustness draws draw them), σ₁ weak and the EWMA decay
 * without an interval (held at the estimate).
 */
export function profileWithIntervals(): MarketProfile {
  const p = knownMarketProfile({ sigma: 0.2, alphaSd: 0.4, tauSteps: 40, depth: 30, spread: 0.002 });
  const v = p.volatility as unknown as Record<string, unknown> & { regimes: { interval: unknown }[] };
  v.regimes[0].interval = { lo: 0.16, hi: 0.25, status: "estimated" };
  v.regimes[1].interval = { lo: 0.05, hi: 0.9, status: "weak" };
  v.switch_intervals = { p01: { lo: 0.01, hi: 0.04, status: "estimated" }, p10: null };
  return p;
}
