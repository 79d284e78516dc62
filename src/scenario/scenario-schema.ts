/**
 * The pacing scenario as validated data (zod): market, target, costs, schemes, ruin
 * barrier, horizon, paths, seed. Every field is JSON; `scenarioJsonSchema()` exports the
 * JSON Schema for users. Units follow reference-scenarios.md (RS-1): volatilities and drifts
 * annualised, probabilities per step, depth in units of initial equity. The ranges keep every
 * quantity the single-precision engine computes finite (validate-scenario.ts checks the derived
 * ones: depth thinning, book depth and spread per regime).
 */
// zod by named imports, not its `z` namespace: the bundle then holds only the parts used, and
// `pacing run` loads 208 kB of zod before it can simulate instead of 402 kB (≈ 25 ms less)
import { array as zArray, boolean as zBoolean, discriminatedUnion, enum as zEnum, literal, number as zNumber, strictObject, string as zString, toJSONSchema } from "zod";
import type { input, output } from "zod";
import { boundedNumber } from "./bounded-number.ts";

const num = boundedNumber;
const int = (lo: number, hi: number) =>
  zNumber({ error: `must be an integer in [${lo}, ${hi}]` }).int(`must be an integer in [${lo}, ${hi}]`)
    .refine((v) => v >= lo && v <= hi, { message: `must be an integer in [${lo}, ${hi}]` });
const probability = () => num(0, 1);
const rate = () => num(0, 1, true); // λ ∈ (0, 1]
const positive = () => num(0, Number.MAX_VALUE, true);
const nonNegative = () => num(0, Number.MAX_VALUE);

const regime = strictObject({ sigma: num(1e-6, 100).describe("annual volatility of the regime") });

export const marketSchema = strictObject({
  stepsPerYear: num(1e-3, 1e8).describe("steps per year (365 for daily crypto)"),
  regimes: zArray(regime).min(1, "needs at least one regime").max(4, "at most 4 regimes"),
  transition: zArray(zArray(probability())).optional()
    .describe("per-step switch matrix, row r = P(next | r); rows sum to 1; omit for one regime"),
  initialRegime: int(0, 3).default(0),
  jumps: strictObject({
    enabled: zBoolean(),
    intensityPerYear: nonNegative(),
    meanLog: num(-10, 10),
    sdLog: num(0, 10),
  }).default({ enabled: false, intensityPerYear: 0, meanLog: 0, sdLog: 0 }),
  alpha: strictObject({
    mean: num(-100, 100).default(0).describe("long-run drift f̄, per year"),
    sd: num(0, 100).describe("stationary sd of the drift, per year"),
    timeConstantSteps: positive().describe("AR(1) time constant τ, steps"),
  }),
  ewmaDecay: num(0, 1).default(0.94).describe("λ_v of the EWMA variance estimate (1 freezes σ̂ at the initial regime's σ: targets then use the true σ)"),
  innovations: discriminatedUnion("kind", [
    strictObject({ kind: literal("normal") }),
    strictObject({
      kind: literal("student-t"),
      nu: zArray(num(2, 1e6, true)).min(1, "needs ν for every regime").max(4, "at most 4 regimes")
        .describe("ν of each regime's Student-t (> 2; the t is scaled to unit variance, so σ keeps its meaning)"),
    }),
  ], { error: 'unknown innovations kind — use "normal" or "student-t"' }).optional()
    .describe("the diffusion shock's law: normal (default) or Student-t per regime, scaled to unit variance; like jumps, unused when returns supplies the market paths"),
});

export const targetSchema = discriminatedUnion("kind", [
  strictObject({
    kind: literal("signal"),
    noiseSd: num(0, 1e3).describe("signal noise sd σ_n, per year"),
    riskAversion: num(1e-6, 1e6).describe("γ in L* = g/(γ·σ̂²)"),
    maxLeverage: num(0, 1e3, true),
  }),
  strictObject({ kind: literal("constant"), leverage: num(-100, 100) }),
  strictObject({
    kind: literal("series"),
    values: zArray(num(-100, 100)).min(2).describe("L*_0 … L*_T, length horizonSteps + 1"),
  }),
  strictObject({
    kind: literal("vol-target"),
    sigmaTarget: num(0, 100, true).default(0.2).describe("σ_target in L* = min(cap, σ_target/σ̂), per √year (domain.md S1)"),
    cap: num(0, 1000, true).default(4).describe("leverage cap (the seeds: 2–4 for indices, 5–7 for FX)"),
  }),
  strictObject({
    kind: literal("trend"),
    timeConstantSteps: num(1, 1e6).default(60).describe("τ of the trend estimate m_t, steps (κ = 1 − e^{−1/τ}, domain.md S2)"),
    riskAversion: num(1e-6, 1e6).default(3).describe("γ in L* = m/(γ·σ̂²)"),
    maxLeverage: num(0, 1e3, true).default(3).describe("cap on |L*|"),
  }),
], { error: 'unknown target kind — use "signal", "constant", "series", "vol-target" or "trend"' });

const funding = strictObject({
  ratePerYear: num(0, 10).describe("r_f: charged r_f·dt·max(0, |P| − E) a step on the borrowed notional"),
}).optional().describe("funding of the borrowed notional (default: none)");

export const costSchema = discriminatedUnion("kind", [
  strictObject({ kind: literal("none"), thinning: num(0, 10).default(0), funding }),
  strictObject({
    kind: literal("transient"),
    depth: num(1e-6, 1e12).describe("κ₀: calm depth, equity units per unit relative price move"),
    thinning: num(0, 10).describe("α: depth = κ₀·E₀·(σ₀/σ_s)^α (a larger α empties the book in stress: depth underflows)"),
    resilience: num(0, 1).describe("ψ: per-step decay of the displacement"),
    spread: num(0, 1).describe("s₀: calm full spread, relative"),
    funding,
  }),
  strictObject({
    kind: literal("square-root"),
    impact: num(0, 1e3, true).describe("Y in Y·σ·√(Q/V)"),
    volume: num(1e-12, 1e15).describe("V: calm traded value per step, units of E₀"),
    thinning: num(0, 10).default(2),
    spread: num(0, 1).default(0),
    funding,
  }),
], { error: 'unknown cost kind — use "none", "transient" or "square-root"' });

const leg = strictObject({
  name: zString().min(1, "must be a non-empty name"),
  sigma: num(0, 20, true).describe("annual volatility of the leg in the calm regime"),
  drift: num(-10, 10).default(0).describe("annual drift μ of the leg"),
  weight: num(0, 1e12, true).describe("basket weight (G1): units of the leg in its basket"),
  side: zEnum(["base", "quote"], { error: 'must be "base" (in A) or "quote" (in B)' }),
  price: num(0, 1e15, true).describe("initial price of the leg"),
});

export const returnsSchema = discriminatedUnion("kind", [
  strictObject({
    kind: literal("correlated-legs"),
    legs: zArray(leg).min(1, "needs at least one leg").max(16, "at most 16 legs"),
    correlation: zArray(zArray(num(-1, 1))).describe("k×k correlation matrix of the legs' shocks"),
    regimes: zEnum(["shared", "per-asset"]).default("shared"),
  }),
  strictObject({
    kind: zEnum(["bootstrap", "replay"]),
    returns: zArray(num(-10, 10)).min(2, "needs at least 2 returns").describe("per-step log-returns of a history"),
    regimes: zArray(int(0, 3)).optional().describe("regime label of each return"),
    meanBlock: num(1, 1e6).default(20).describe("mean block length of the stationary bootstrap, steps"),
  }),
], { error: 'unknown returns kind — use "correlated-legs" or "bootstrap"' });

const named = { name: zString().min(1, "must be a non-empty name") };
export const schemeSchema = discriminatedUnion("kind", [
  strictObject({ ...named, kind: literal("instant") }),
  strictObject({ ...named, kind: literal("rate"), eta: num(0, 1e3, true).describe("η: max |ΔL| per step") }),
  strictObject({ ...named, kind: literal("ema"), lambda: rate() }),
  strictObject({ ...named, kind: literal("vol"), c: rate(), beta: num(0, 1e6) }),
  strictObject({
    ...named, kind: literal("liquidity"), lambdaMax: rate(),
    observes: zEnum(["estimate", "regime"], { error: 'must be "estimate" (depth implied by σ̂, what a trader sees) or "regime" (the hidden regime\'s depth)' })
      .default("estimate").describe("the depth the rule reads: estimated from σ̂ (default) or the true regime's"),
  }),
  strictObject({ ...named, kind: literal("asymmetric"), lambdaUp: rate(), lambdaDown: rate() }),
  strictObject({
    ...named, kind: literal("gp"),
    riskAversion: num(1e-6, 1e6).optional().describe("γ of GP's objective (default: the target's riskAversion)"),
  }).describe("Gârleanu–Pedersen (domain.md O1): the fraction a/Λ of the gap to the aim a step, per regime (the hidden regime's σ and depth)"),
  strictObject({
    ...named, kind: literal("ac"),
    riskAversion: num(1e-6, 1e6).describe("λ of Almgren–Chriss, per unit of E₀ (AC(λ) = GP with γ = 2λ and no signal)"),
  }).describe("Almgren–Chriss (domain.md O2): the fraction 1 − e^{−κτ} of the gap to L* a step, per regime"),
  strictObject({
    ...named, kind: literal("jump-guard"),
    threshold: zNumber({ error: "must be a number > 0 (returns beyond θ·σ̂·√dt trigger the guard; 4 is typical)" })
      .refine((v) => Number.isFinite(v) && v > 0 && v <= 1e3, { message: "must be in (0, 1000] (returns beyond θ·σ̂·√dt trigger the guard; 4 is typical)" })
      .describe("θ: a step whose |log-return| exceeds θ·σ̂_{t−1}·√dt de-risks at once to sign(ℓ)·min(|ℓ|, |L*|)"),
    then: zString().min(1, "must name another scheme of the scenario").describe("the scheme (not a jump-guard) followed on every other step"),
  }).describe("a correction layered on another scheme: de-risks at once after a jump"),
], { error: 'unknown scheme kind — use one of "instant", "rate", "ema", "vol", "liquidity", "asymmetric", "gp", "ac", "jump-guard"' });

export const scenarioSchema = strictObject({
  name: zString().default("custom"),
  market: marketSchema,
  target: targetSchema,
  costs: costSchema,
  returns: returnsSchema.optional()
    .describe("supplied market paths (a ratio of correlated legs, or a bootstrap of a history) instead of the market's own"),
  schemes: zArray(schemeSchema).min(1, "needs at least one scheme").max(64, "at most 64 schemes"),
  baseline: zString().optional().describe("scheme name that paired differences are taken against"),
  ruinBarrier: num(0, 1, false, true).describe("θ: ruined when equity ≤ θ·E₀"),
  initialEquity: num(1e-6, 1e15).default(1).describe("E₀, in account units"),
  horizonSteps: int(1, 100_000),
  paths: int(1, 100_000_000),
  seed: int(0, 4294967295),
});

export type Scenario = output<typeof scenarioSchema>;
export type ScenarioInput = input<typeof scenarioSchema>;
export type SchemeConfig = output<typeof schemeSchema>;

/** The JSON Schema of a scenario, for users writing configuration files. */
export function scenarioJsonSchema(): object {
  return toJSONSchema(scenarioSchema, { io: "input", unrepresentable: "any" });
}
