/**
 * Gârleanu–Pedersen (2013) optimal partial-adjustment rate for one asset with quadratic
 * trading cost: trade a fraction r = a/Λ of the gap to the aim each step, where (no discounting)
 *
 *   a = ( −γσ² + √(γ²σ⁴ + 4γσ²Λ) ) / 2,
 *
 * σ² the per-step return variance, γ the risk aversion of the target L* = f/(γσ²), and Λ the
 * per-step cost coefficient in equity units per unit of leverage change squared. From the
 * engine's depth model (reference-scenarios.md RS-1 step 9) cost = n²/(2K), K = κ₀·E₀ ⇒
 * Λ = 1/κ₀; with transient impact of resilience ψ a steady trade also pays the displacement
 * it left, giving Λ_eff = (1 + ψ)/((1 − ψ)·κ₀) (geometric sum of the decaying footprint).
 * In regime s the depth is κ₀·(σ₀/σ_s)^α, so Λ scales by (σ_s/σ₀)^α.
 *
 * Reference: Gârleanu, N. & Pedersen, L. H. (2013), J. Finance 68(6), 2309–2340, Prop. 2 (ρ → 0).
 */
import type { MarketProfile } from "./market-profile.ts";
import { gpStepRate, quadraticCostLambda, regimeVariance } from "../pacing/optimal-rates.ts";

/** r = a/Λ (optimal-rates.ts gpStepRate, capped at 1) for per-step variance `variance`, risk aversion `gamma`, cost coefficient `lambda`; 1 when Λ ≤ 0 (no cost), 0 when γσ² = 0. */
export function gpRate(variance: number, gamma: number, lambda: number): number {
  if (!(lambda > 0)) return 1;
  const q = gamma * variance;
  return q > 0 ? Math.min(1, gpStepRate(q, lambda)) : 0;
}

export interface GpRates {
  /** rate per step with the stationary-average variance and calm depth, transient Λ_eff */
  rate: number;
  /** per regime (its own σ and thinned depth) */
  by_regime: number[];
  /** with the instantaneous-impact Λ = 1/κ₀ only (ψ ignored) */
  rate_instantaneous: number;
  lambda_cost: number;
  variance_per_step: number;
  method: string;
}

/** GP rates for a calibrated profile and the strategy's risk aversion γ (Λ and σ² as optimal-rates.ts: quadraticCostLambda, regimeVariance). */
export function gpRates(profile: MarketProfile, gamma: number): GpRates {
  const dt = 1 / profile.steps_per_year;
  const regs = profile.volatility.regimes;
  const s0 = regs[0].sigma_annual;
  const j = profile.jumps;
  const jumps = { enabled: true, intensityPerYear: j.intensity_per_year, meanLog: j.mean_log, sdLog: j.sd_log };
  const l = profile.liquidity;
  const book = { kind: "transient" as const, depth: l.depth, thinning: l.thinning, resilience: Math.min(l.resilience, 0.999), spread: 0 };
  const lam = quadraticCostLambda(book, s0, s0);
  const varOf = (sig: number) => regimeVariance(sig, jumps) * dt;
  const mean = regs.reduce((a, r) => a + r.share_of_time * varOf(r.sigma_annual), 0);
  return {
    rate: gpRate(mean, gamma, lam),
    by_regime: regs.map((r) => gpRate(varOf(r.sigma_annual), gamma, quadraticCostLambda(book, r.sigma_annual, s0))),
    rate_instantaneous: gpRate(mean, gamma, 1 / l.depth),
    lambda_cost: lam, variance_per_step: mean,
    method: "Gârleanu–Pedersen (2013) a/Λ, ρ → 0; σ² = time-weighted regime variance + jump variance; Λ = (1+ψ)/((1−ψ)κ₀)",
  };
}
