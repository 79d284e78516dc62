/**
 * Targets computed from the path (domain.md S1, S2) see only what is known at step t: the
 * step's return x_t after its mark to market, σ̂_t after the volatility update — never a return
 * before the step that marks it.
 */
import { describe, expect, it } from "vitest";
import * as L from "../../assembly/pacing/layout.ts";
import { simulate, gbmMarket } from "./helpers.ts";
import { addMoment, emptyMoments, standardError } from "../../src/metrics/running-moments.ts";
import type { ScenarioInput } from "../../src/scenario/scenario-schema.ts";

const trend = { kind: "trend" as const, timeConstantSteps: 5, riskAversion: 1, maxLeverage: 3 };
const volTarget = { kind: "vol-target" as const, sigmaTarget: 0.3, cap: 3 };

/** A driftless GBM book without costs or ruin, traded at once to the target. */
function driftless(target: ScenarioInput["target"], paths: number, nTrace = 0) {
  return simulate({
    market: gbmMarket(0, 0.6), target, costs: { kind: "none" }, schemes: [{ name: "instant", kind: "instant" }],
    ruinBarrier: 0, horizonSteps: 252, paths, seed: 11,
  }, nTrace);
}

describe("path targets use no look-ahead", () => {
  // With zero drift the simple return has mean 0, so equity is a martingale for every strategy that
  // chooses its position before the return it earns: E[E_T] = E₀. A target that saw the step's return
  // before its mark to market (e.g. a trend with x_{t+1} in m_t) would earn it: about κ/γ ≈ 18% a step here.
  it.each([["trend", trend], ["vol-target", volTarget]] as const)("%s: equity is a martingale on a driftless market (E[E_T] = E₀)", (_name, target) => {
    const run = driftless(target, 4000);
    const m = emptyMoments();
    for (let p = 0; p < 4000; p++) addMoment(m, run.at(p, 0, L.O_EQUITY));
    const z = (m.mean - 1) / standardError(m);
    expect(Math.abs(z)).toBeLessThan(3.5);
    expect(standardError(m)).toBeLessThan(0.1); // and the test has power against a gain of that size
  });

  it("trend: the traced L*_t is the formula on returns up to x_t, and not up to x_{t+1}", () => {
    const run = driftless(trend, 4, 4);
    const dt = 1 / 252, kappa = 1 - Math.exp(-1 / trend.timeConstantSteps), decay = 0.94;
    const lag = (shift: number) => {
      let worst = 0;
      for (let p = 0; p < 4; p++) {
        const x = (t: number) => run.traceRow(p, t)[3] - (t > 1 ? run.traceRow(p, t - 1)[3] : 0);
        let m = 0, sig2 = 0.36;
        for (let t = 1; t + shift <= 252; t++) {
          const xt = x(t + shift); // shift = 1 is a look-ahead target
          m += kappa * (xt / dt - m);
          sig2 = decay * sig2 + ((1 - decay) * xt * xt) / dt;
          const expected = Math.min(Math.max(m / (trend.riskAversion * sig2), -3), 3);
          worst = Math.max(worst, Math.abs(run.traceRow(p, t)[0] - expected));
        }
      }
      return worst;
    };
    expect(lag(0)).toBeLessThan(2e-3); // f32 engine vs f64 recomputation from the traced log-price
    expect(lag(1)).toBeGreaterThan(0.1);
  });

  it("vol-target: the traced L*_t is min(cap, σ_target/σ̂_t) with σ̂_t the EWMA up to x_t", () => {
    const run = driftless(volTarget, 4, 4);
    const dt = 1 / 252, decay = 0.94;
    let worst = 0, sig2 = 0.36;
    for (let t = 1; t <= 252; t++) {
      const row = run.traceRow(0, t);
      const x = row[3] - (t > 1 ? run.traceRow(0, t - 1)[3] : 0);
      sig2 = decay * sig2 + ((1 - decay) * x * x) / dt;
      worst = Math.max(worst, Math.abs(row[0] - Math.min(3, 0.3 / Math.sqrt(sig2))) / row[0], Math.abs(row[2] - Math.sqrt(sig2)) / row[2]);
      expect(row[0]).toBeLessThanOrEqual(3);
    }
    expect(worst).toBeLessThan(1e-4);
  });
});

/**
 * The EWMA's Jensen factors: σ̂² = σ²·Y with Y = Σ_i w_i·z_i², w_i = (1 − λ)λ^i (z_i iid normal, the
 * start forgotten), so E[Y^{−1/2}] = (1/√π)∫₀^∞ s^{−1/2}·M(s) ds and E[1/Y] = ∫₀^∞ M(s) ds with
 * M(s) = E[e^{−sY}] = Π_i (1 + 2w_i·s)^{−1/2}; integrated on a log grid (s = e^u, trapezoid).
 */
function ewmaJensenFactors(lambda: number): { invSqrt: number; inv: number } {
  const w = Array.from({ length: 600 }, (_, i) => (1 - lambda) * lambda ** i);
  let invSqrt = 0, inv = 0;
  const du = 0.01;
  for (let u = -25; u <= 8; u += du) {
    const s = Math.exp(u);
    const m = Math.exp(-0.5 * w.reduce((a, wi) => a + Math.log1p(2 * wi * s), 0));
    invSqrt += (Math.sqrt(s) * m * du) / Math.sqrt(Math.PI);
    inv += s * m * du;
  }
  return { invSqrt, inv };
}

describe("vol-target on a GBM (domain.md S1)", () => {
  // With σ̂ replaced by the true σ the book holds L = σ_target/σ = 0.5 and its equity's volatility is
  // L·σ = σ_target. The EWMA (λ = 0.94) adds its Jensen factors (ewmaJensenFactors: E[Y^{−1/2}] ≈ 1.02,
  // √E[1/Y] ≈ 1.03): mean leverage (σ_target/σ)·E[Y^{−1/2}], equity volatility σ_target·√E[1/Y]. Both
  // are checked to ±0.6% (Monte Carlo error about 0.2%; the first 200 steps, where σ̂ still remembers
  // its exact start, are left out).
  const sigma = 0.4, target = 0.2, dt = 1 / 252, burnIn = 200;
  const jensen = ewmaJensenFactors(0.94);
  const run = simulate({
    market: gbmMarket(0, sigma), target: { kind: "vol-target", sigmaTarget: target, cap: 4 }, costs: { kind: "none" },
    schemes: [{ name: "instant", kind: "instant" }], ruinBarrier: 0, horizonSteps: 1008, paths: 300, seed: 21,
  }, 300);

  it("the EWMA's Jensen factors are what the delta method says to second order", () => {
    const v = 2 * (1 - 0.94) / (1 + 0.94);
    expect(jensen.invSqrt).toBeCloseTo(1 + (3 / 8) * v, 2);
    expect(jensen.inv).toBeGreaterThan(1 + v - 0.02);
    expect(jensen.inv).toBeLessThan(1 + v + 0.02);
  });

  it("holds σ_target/σ on average, times the EWMA's Jensen factor", () => {
    const held = emptyMoments();
    for (let p = 0; p < 300; p++) for (let t = burnIn; t <= 1008; t++) addMoment(held, run.traceRow(p, t)[L.TRACE_FIXED]);
    expect(Math.abs(held.mean / ((target / sigma) * jensen.invSqrt) - 1)).toBeLessThan(0.006);
  });

  it("gives the equity a volatility of σ_target, times the EWMA's Jensen factor", () => {
    const r = emptyMoments();
    for (let p = 0; p < 300; p++) {
      for (let t = burnIn + 1; t <= 1008; t++) addMoment(r, run.traceRow(p, t)[L.TRACE_FIXED + 1] / run.traceRow(p, t - 1)[L.TRACE_FIXED + 1] - 1);
    }
    const vol = Math.sqrt(r.m2 / (r.n - 1) / dt);
    expect(Math.abs(vol / (target * Math.sqrt(jensen.inv)) - 1)).toBeLessThan(0.006);
  });
});
