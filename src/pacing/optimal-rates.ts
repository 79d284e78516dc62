/**
 * Optimal pacing rates with a quadratic trading cost (domain.md O1, O2; docs/optimal-pacing.md):
 * the Gârleanu–Pedersen (2013) rate and aim scale, and the Almgren–Chriss (2000) rate, per step,
 * and the per-regime constants a validated scenario gives them (what results.json prints as
 * `rate_per_step` and `aim_scale`, and what encode-job.ts hands the kernel).
 *
 * Units throughout: positions in units of initial equity E₀ (so leverage when E ≈ E₀), trading
 * cost `½·Λ·n²` per step in E₀ units, variances annual (σ², per year) unless named per step,
 * dt = 1/stepsPerYear in years. The formulas are computed in rearranged forms that avoid
 * cancellation; the tests check them against the forms written here.
 */
import type { Scenario } from "../scenario/scenario-schema.ts";
import { UsageError, show } from "../errors.ts";

/**
 * GP's `a`, the positive root of `a² + q·a − q·Λ = 0` (GP 2013 Prop. 2 with ρ → 0, one asset):
 * `a = (−q + √(q² + 4qΛ))/2`, computed as `2qΛ/(q + √(q² + 4qΛ))` (no cancellation when q ≪ Λ).
 * @param q per-step risk `γ·σ²·dt` (E₀ units⁻¹), > 0
 * @param lambda Λ, per-step quadratic cost coefficient (E₀ units⁻¹), > 0
 * @throws RangeError when q or Λ is not a positive finite number
 */
export function gpA(q: number, lambda: number): number {
  positiveFinite("gpA", "q = γσ²dt", q);
  positiveFinite("gpA", "Λ", lambda);
  return (2 * q * lambda) / (q + Math.sqrt(q * q + 4 * q * lambda));
}

/** GP's rate per step: the fraction `a/Λ` of the gap to the aim traded each step, in (0, 1). @throws RangeError as gpA */
export function gpStepRate(q: number, lambda: number): number {
  return gpA(q, lambda) / lambda;
}

/**
 * GP's aim scale `1/(1 + a·Φ/q)`: the aim is `[m + (g − m)·scale]/(γσ²)` for a signal g with
 * long-run mean m that reverts by `Φ = 1 − φ` a step (AR(1), φ = e^{−1/τ}). It equals the
 * weighted sum `(1 − z)·Σ_k z^k·φ^k` of future expected Markowitz positions, `z = 1 − a/Λ`.
 * @param meanReversion Φ per step, in [0, 1] (0: a permanent signal, scale 1)
 * @throws RangeError for q, Λ as gpA, or Φ outside [0, 1]
 */
export function gpAimScale(q: number, lambda: number, meanReversion: number): number {
  if (!(meanReversion >= 0 && meanReversion <= 1)) throw new RangeError(`gpAimScale: Φ (mean reversion per step) must be in [0, 1]; got ${show(meanReversion)}`);
  return 1 / (1 + (gpA(q, lambda) * meanReversion) / q);
}

/**
 * AC's κ·τ (AC 2000, discrete time, no permanent impact): `cosh(κτ) = 1 + τ²·λσ²/(2η)` with
 * `η = τΛ/2` (one step's trade n costs `η(n/τ)²τ = ½Λn²`), i.e. `cosh(κτ) = 1 + c`,
 * `c = λσ²τ/Λ`; computed as `κτ = ln(1 + c + √(c² + 2c))` (= acosh(1 + c), exact for small c).
 * @param riskAversion λ, per unit of E₀ (AC's λ in E + λV), > 0
 * @param variance σ², annual (including jump variance where there are jumps), > 0
 * @param dt τ, years per step, > 0
 * @param lambda Λ per step, E₀ units⁻¹, > 0
 * @throws RangeError when an input is not a positive finite number
 */
export function acKappaTau(riskAversion: number, variance: number, dt: number, lambda: number): number {
  positiveFinite("acKappaTau", "λ (riskAversion)", riskAversion);
  positiveFinite("acKappaTau", "σ²", variance);
  positiveFinite("acKappaTau", "τ = dt", dt);
  positiveFinite("acKappaTau", "Λ", lambda);
  const c = (riskAversion * variance * dt) / lambda;
  return Math.log1p(c + Math.sqrt(c * (c + 2)));
}

/** AC's rate per step `1 − e^{−κτ}` (κ from the discrete cosh form, acKappaTau). It equals GP's a/Λ with γ = 2λ and no signal. @throws RangeError as acKappaTau */
export function acStepRate(riskAversion: number, variance: number, dt: number, lambda: number): number {
  return -Math.expm1(-acKappaTau(riskAversion, variance, dt, lambda));
}

/** Annual return variance of a regime: `σ_s² + λ_J·(μ_J² + σ_J²)` (jump variance of the compound-Poisson part; none when jumps are off). */
export function regimeVariance(sigma: number, jumps: Scenario["market"]["jumps"]): number {
  const jumpVariance = jumps.enabled ? jumps.intensityPerYear * (jumps.meanLog ** 2 + jumps.sdLog ** 2) : 0;
  return sigma * sigma + jumpVariance;
}

/**
 * Λ per step in E₀ units for regime volatility `sigma` (RS-1 step 9): the book's depth is
 * `K = κ₀·(σ₀/σ_s)^α` (E₀ units, σ₀ the calm regime 0's volatility) and a trade n costs n²/(2K),
 * so `Λ = 1/K` when ψ = 0. With resilience ψ > 0 the trade also pays `n·D` on the displacement
 * its predecessors left; a steady trade n a step meets `D = ψn/((1 − ψ)K)`, so it pays
 * `½·n²·(1 + ψ)/((1 − ψ)K)`: `Λ = (1 + ψ)/((1 − ψ)·K)` (docs/optimal-pacing.md, "Λ for ψ > 0").
 * The spread (a linear cost) is left out: GP and AC price the quadratic part only.
 * @throws UsageError for costs "none" or "square-root" (no quadratic part) and for ψ = 1
 */
export function quadraticCostLambda(costs: Scenario["costs"], sigma: number, calmSigma: number, scheme = "gp/ac scheme"): number {
  if (costs.kind !== "transient") {
    throw new UsageError(`scenario.costs.kind: the ${scheme} needs a quadratic trading cost (½Λn² a step) and costs "${costs.kind}" have no quadratic part; got ${show(costs.kind)} — use the transient book {"kind": "transient", "depth": κ₀, "thinning": α, "resilience": ψ, "spread": s₀}`);
  }
  const psi = costs.resilience;
  if (!(psi < 1)) {
    throw new UsageError(`scenario.costs.resilience: the ${scheme} needs ψ < 1 (with ψ = 1 the displacement never decays, a round trip costs nothing and there is no quadratic cost to price); got ${show(psi)} — use a resilience below 1`);
  }
  const depth = costs.depth * Math.pow(calmSigma / sigma, costs.thinning);
  return (1 + psi) / ((1 - psi) * depth);
}

/** A gp or ac scheme as the formulas need it (the schema's scheme entries of those kinds). */
export interface OptimalScheme {
  name?: string;
  kind: "gp" | "ac";
  /** γ for gp (defaults to the target's riskAversion), λ for ac (required) */
  riskAversion?: number;
}

/** Per-regime constants of one gp or ac scheme (regime order of scenario.market.regimes). */
export interface OptimalPacingConstants {
  /** fraction of the gap traded per step: GP's a/Λ or AC's 1 − e^{−κτ} */
  rate_per_step: number[];
  /** gp only: 1/(1 + aΦ/q), the aim's scale on the signal's deviation from its mean */
  aim_scale?: number[];
  /** Λ per step, E₀ units⁻¹ */
  lambda_per_step: number[];
  /** σ_s² + jump variance, annual */
  variance_annual: number[];
}

/**
 * The per-regime rate (and for gp the aim scale) of a gp or ac scheme in a validated scenario.
 * γ (gp) is the scheme's riskAversion, else the target's (signal or trend target). Φ = 1 − e^{−1/τ}
 * with τ the market alpha's time constant for a signal target; for any other target the future
 * of the target is not modelled and Φ = 0 (scale 1, the aim is the target).
 * @throws UsageError when the costs have no quadratic part, ψ = 1, or no risk aversion is given
 */
export function optimalPacingConstants(s: Scenario, scheme: OptimalScheme): OptimalPacingConstants {
  const m = s.market, dt = 1 / m.stepsPerYear, label = `${scheme.kind} scheme${scheme.name ? ` "${scheme.name}"` : ""}`;
  const targetGamma = "riskAversion" in s.target ? s.target.riskAversion : undefined;
  const gamma = scheme.riskAversion ?? (scheme.kind === "gp" ? targetGamma : undefined);
  if (!(gamma !== undefined && gamma > 0 && Number.isFinite(gamma))) {
    const fix = scheme.kind === "gp" ? `give the scheme "riskAversion" (γ) or use a signal or trend target, whose riskAversion it takes` : `give the scheme "riskAversion" (λ per unit of E₀), > 0`;
    throw new UsageError(`${label}: riskAversion must be a positive number; got ${show(gamma)} — ${fix}`);
  }
  const phi = s.target.kind === "signal" ? -Math.expm1(-1 / m.alpha.timeConstantSteps) : 0;
  const variance_annual = m.regimes.map((r) => regimeVariance(r.sigma, m.jumps));
  const lambda_per_step = m.regimes.map((r) => quadraticCostLambda(s.costs, r.sigma, m.regimes[0].sigma, label));
  if (scheme.kind === "ac") {
    return { rate_per_step: variance_annual.map((v, i) => acStepRate(gamma, v, dt, lambda_per_step[i])), lambda_per_step, variance_annual };
  }
  const q = variance_annual.map((v) => gamma * v * dt);
  return {
    rate_per_step: q.map((qi, i) => gpStepRate(qi, lambda_per_step[i])),
    aim_scale: q.map((qi, i) => gpAimScale(qi, lambda_per_step[i], phi)),
    lambda_per_step, variance_annual,
  };
}

/** Every gp and ac scheme of a validated scenario with its per-regime constants, by scheme name. */
export function optimalPacingOfScenario(s: Scenario): Record<string, OptimalPacingConstants> {
  const out: Record<string, OptimalPacingConstants> = {};
  for (const x of s.schemes as { name: string; kind: string; riskAversion?: number }[]) {
    if (x.kind === "gp" || x.kind === "ac") out[x.name] = optimalPacingConstants(s, x as OptimalScheme);
  }
  return out;
}

function positiveFinite(fn: string, what: string, v: number): void {
  if (!(v > 0 && Number.isFinite(v))) throw new RangeError(`${fn}: ${what} must be a positive finite number; got ${show(v)}`);
}
