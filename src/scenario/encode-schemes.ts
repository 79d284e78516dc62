/**
 * The schemes of a validated scenario in the kernel's layout (assembly/pacing/layout.ts,
 * "Schemes"), and the per-regime coefficients of GP's objective the kernel accumulates for every
 * scheme. The optimal schemes' per-regime constants come from src/pacing/optimal-rates.ts
 * (domain.md O1, O2), computed here once in f64; the kernel rounds them to f32.
 */
import * as L from "../../assembly/pacing/layout.ts";
import type { Scenario, SchemeConfig } from "./scenario-schema.ts";
import { optimalPacingConstants, quadraticCostLambda, regimeVariance } from "../pacing/optimal-rates.ts";

const KERNEL_KIND = {
  instant: L.SCHEME_INSTANT, rate: L.SCHEME_RATE, ema: L.SCHEME_EMA, vol: L.SCHEME_VOL,
  liquidity: L.SCHEME_LIQUIDITY, asymmetric: L.SCHEME_ASYMMETRIC, gp: L.SCHEME_GP, ac: L.SCHEME_AC,
} as const;

/**
 * nSchemes × SCHEME_WIDTH f64: [kind, p1, p2, guard, rate × 4, aim scale × 4, aim offset × 4].
 *
 * gp on a signal target g_t (AR(1) alpha plus noise): in regime r the aim leverage is
 * [m + (g − m)·s_r]/(γσ_r²) = A_r + B_r·g with s_r GP's aim scale, m the alpha's long-run mean,
 * σ_r² the regime's annual variance with the jump variance, γ the scheme's riskAversion or the
 * target's: B_r = s_r/(γσ_r²), A_r = m(1 − s_r)/(γσ_r²). gp on any other target has Φ = 0
 * (optimal-rates.ts: aim scale 1, the aim is the target), so it is encoded as the kernel's
 * per-regime rate toward L*, the ac rule, with GP's rates. A jump-guard is its `then` scheme's
 * row with the guard slot set to its threshold.
 * @throws UsageError from optimalPacingConstants (costs without a quadratic part, ψ = 1, no γ);
 *   validateScenario reports these first, with the scheme's name
 */
export function encodeSchemes(s: Scenario): Float64Array {
  const out = new Float64Array(s.schemes.length * L.SCHEME_WIDTH);
  s.schemes.forEach((x, i) => {
    const o = i * L.SCHEME_WIDTH;
    if (x.kind === "jump-guard") {
      const then = s.schemes.find((y) => y.name === x.then);
      if (!then || then.kind === "jump-guard") throw new Error(`encodeSchemes: jump-guard "${x.name}" follows "${x.then}", not a plain scheme — validateScenario refuses this; a bug`);
      encodeScheme(s, then, out, o);
      out[o + L.SP_GUARD] = x.threshold;
    } else encodeScheme(s, x, out, o);
  });
  return out;
}

function encodeScheme(s: Scenario, x: Exclude<SchemeConfig, { kind: "jump-guard" }>, out: Float64Array, o: number): void {
  out[o] = KERNEL_KIND[x.kind];
  if (x.kind === "rate") out[o + 1] = x.eta;
  if (x.kind === "ema") out[o + 1] = x.lambda;
  if (x.kind === "vol") { out[o + 1] = x.c; out[o + 2] = x.beta; }
  if (x.kind === "liquidity") {
    out[o + 1] = x.lambdaMax;
    out[o + 2] = x.observes === "regime" ? L.LIQUIDITY_OBSERVES_REGIME : L.LIQUIDITY_OBSERVES_ESTIMATE;
  }
  if (x.kind === "asymmetric") { out[o + 1] = x.lambdaUp; out[o + 2] = x.lambdaDown; }
  if (x.kind !== "gp" && x.kind !== "ac") return;
  const k = optimalPacingConstants(s, x);
  k.rate_per_step.forEach((r, i) => (out[o + L.SP_RATE + i] = r));
  if (x.kind === "gp" && s.target.kind === "signal") {
    const gamma = x.riskAversion ?? s.target.riskAversion, m = s.market.alpha.mean;
    k.aim_scale!.forEach((scale, i) => {
      const markowitz = 1 / (gamma * k.variance_annual[i]); // leverage per unit of signal, 1/(γσ_r²)
      out[o + L.SP_AIM_SCALE + i] = scale * markowitz;
      out[o + L.SP_AIM_OFFSET + i] = m * (1 - scale) * markowitz;
    });
  } else if (x.kind === "gp") out[o] = L.SCHEME_AC; // no signal to aim with: the rate toward L* (see above)
}

/**
 * GP's objective per step, in equity units, as the kernel accumulates it for every scheme
 * (layout.ts O_GP_OBJECTIVE): P·R − h_r·P⁺² − h_c·n², with per regime r
 * h_r = γσ_r²dt/(2E₀) (γ the target's riskAversion, 0 for targets without one; σ_r² the regime's
 * annual variance with the jump variance, as the optimal schemes use it) and h_c = Λ_r/(2E₀)
 * (Λ_r the scheme-independent quadratic cost coefficient per E₀ of optimal-rates.ts; 0 for costs
 * with no quadratic part or ψ = 1). Divided by E₀ this is GP's x·r − (γ/2)σ²dt·x² − ½Λn², x and n
 * in units of E₀.
 */
export function objectiveCoefficients(s: Scenario): { halfRisk: number[]; halfCost: number[]; gamma: number; variance: number[]; lambda: number[] } {
  const m = s.market, dt = 1 / m.stepsPerYear, e0 = s.initialEquity;
  const gamma = "riskAversion" in s.target ? s.target.riskAversion : 0;
  const quadratic = s.costs.kind === "transient" && s.costs.resilience < 1;
  const lambda = m.regimes.map((r) => (quadratic ? quadraticCostLambda(s.costs, r.sigma, m.regimes[0].sigma) : 0));
  const variance = m.regimes.map((r) => regimeVariance(r.sigma, m.jumps));
  return {
    gamma, variance, lambda,
    halfRisk: variance.map((v) => (gamma * v * dt) / (2 * e0)),
    halfCost: lambda.map((l) => l / (2 * e0)),
  };
}
