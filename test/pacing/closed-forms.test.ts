import { describe, expect, it } from "vitest";
import cdf from "@stdlib/stats-base-dists-normal-cdf";
import * as L from "../../assembly/pacing/layout.ts";
import fc from "fast-check";
import { simulate, gbmMarket } from "./helpers.ts";
import { wilsonInterval, meanInterval } from "../../src/metrics/intervals.ts";
import { addMoment, emptyMoments } from "../../src/metrics/running-moments.ts";

const noSignal = { kind: "constant" as const, leverage: 1 };

function meanTerminalEquity(input: Parameters<typeof simulate>[0]) {
  const run = simulate(input);
  const m = emptyMoments();
  for (let p = 0; p < run.scenario.paths; p++) addMoment(m, run.at(p, 0, L.O_EQUITY));
  return meanInterval(m);
}

describe("closed forms", () => {
  it("GBM: mean terminal price equals e^{μT} within its 95% interval", () => {
    const mu = 0.08, years = 2;
    const est = meanTerminalEquity({
      market: gbmMarket(mu, 0.3), target: noSignal, costs: { kind: "none" },
      schemes: [{ name: "hold", kind: "instant" }], ruinBarrier: 0, horizonSteps: 252 * years, paths: 20_000, seed: 3,
    });
    const expected = Math.exp(mu * years); // closed form: E[S_T] = S₀·e^{μT}
    expect(est.lo!).toBeLessThan(expected);
    expect(est.hi!).toBeGreaterThan(expected);
    expect(est.hi! - est.lo!).toBeLessThan(0.02); // and the interval is tight enough to mean something
  });

  it("GBM with compensated jumps: the mean terminal price is still e^{μT}", () => {
    const mu = 0.05, years = 1;
    const est = meanTerminalEquity({
      market: gbmMarket(mu, 0.2, 252, { intensityPerYear: 20, meanLog: -0.04, sdLog: 0.06 }), target: noSignal,
      costs: { kind: "none" }, schemes: [{ name: "hold", kind: "instant" }], ruinBarrier: 0, horizonSteps: 252 * years,
      paths: 20_000, seed: 4,
    });
    const expected = Math.exp(mu * years);
    expect(est.lo!).toBeLessThan(expected);
    expect(est.hi!).toBeGreaterThan(expected);
  });

  it("ruin of a constant-leverage GBM matches the first-passage closed form with the discrete-monitoring correction", () => {
    const mu = 0.05, sigma = 0.4, lev = 2, theta = 0.6, stepsPerYear = 252, years = 2;
    const run = simulate({
      market: gbmMarket(mu, sigma, stepsPerYear), target: { kind: "constant", leverage: lev }, costs: { kind: "none" },
      schemes: [{ name: "levered", kind: "instant" }], ruinBarrier: theta, horizonSteps: stepsPerYear * years,
      paths: 20_000, seed: 5,
    });
    let ruined = 0;
    for (let p = 0; p < run.scenario.paths; p++) if (run.at(p, 0, L.O_RUIN_STEP) > 0) ruined++;
    const mc = wilsonInterval(ruined, run.scenario.paths);
    // ln(E_t/E₀) of a continuously rebalanced position is Brownian: drift ν = Lμ − L²σ²/2, volatility s = Lσ.
    const nu = lev * mu - (lev * sigma) ** 2 / 2, s = lev * sigma, T = years;
    // Broadie–Glasserman–Kou (1997): monitoring every dt moves the barrier out by β·s·√dt, β = −ζ(½)/√(2π) ≈ 0.5826
    const b = Math.log(theta) - 0.5826 * s * Math.sqrt(1 / stepsPerYear);
    const closed = cdf((b - nu * T) / (s * Math.sqrt(T)), 0, 1) + Math.exp((2 * nu * b) / (s * s)) * cdf((b + nu * T) / (s * Math.sqrt(T)), 0, 1);
    expect(closed).toBeGreaterThan(mc.lo!);
    expect(closed).toBeLessThan(mc.hi!);
    // without the correction the continuous formula is visibly off: the correction matters
    const b0 = Math.log(theta);
    const continuous = cdf((b0 - nu * T) / (s * Math.sqrt(T)), 0, 1) + Math.exp((2 * nu * b0) / (s * s)) * cdf((b0 + nu * T) / (s * Math.sqrt(T)), 0, 1);
    expect(continuous).toBeGreaterThan(mc.hi!);
  });

  it("square-root impact: one trade from flat costs |n|·s/2 + Y·σ·√dt·|n|·√(|n|/(V·(σ₀/σ_s)^α)) (closed form)", () => {
    fc.assert(fc.property(
      fc.double({ min: 0.1, max: 5, noNaN: true }), fc.double({ min: 0.5, max: 100, noNaN: true }),
      fc.double({ min: 0.1, max: 2, noNaN: true }), fc.constantFrom(0, 1),
      (lev, volume, impact, regime) => {
        const sigmas = [0.4, 1.2], thinning = 1.5, spread = 0.002, stepsPerYear = 252;
        const run = simulate({
          market: { ...gbmMarket(0, 0.4, stepsPerYear), regimes: sigmas.map((sigma) => ({ sigma })), transition: [[1, 0], [0, 1]], initialRegime: regime },
          target: { kind: "constant", leverage: lev }, costs: { kind: "square-root", impact, volume, thinning, spread },
          schemes: [{ name: "instant", kind: "instant" }], ruinBarrier: 0, horizonSteps: 1, paths: 1, seed: 2,
        });
        // step 1 starts flat (P = 0, E⁻ = E₀ = 1), so the trade is n = L*·E₀
        const n = lev, s = sigmas[regime], depthShare = (sigmas[0] / s) ** thinning;
        const expected = (n * spread * s) / sigmas[0] / 2 + impact * s * Math.sqrt(1 / stepsPerYear) * n * Math.sqrt(n / (volume * depthShare));
        return Math.abs(run.at(0, 0, L.O_COST) - expected) <= 1e-6 * expected;
      },
    ), { numRuns: 25 });
  });

  it("funding: a constant 2× book pays r_f·(L − 1) a year, and its log growth falls by r_f·(L − 1)·T", () => {
    const rate = 0.06, lev = 2, years = 2;
    const market = gbmMarket(0.05, 0.3);
    const book = (funding?: { ratePerYear: number }) => simulate({
      market, target: { kind: "constant", leverage: lev }, costs: { kind: "none", ...(funding ? { funding } : {}) } as never,
      schemes: [{ name: "levered", kind: "instant" }], ruinBarrier: 0, horizonSteps: 252 * years, paths: 500, seed: 8,
    });
    const paid = book({ ratePerYear: rate }), free = book();
    const share = emptyMoments(), growth = emptyMoments();
    for (let p = 0; p < 500; p++) {
      addMoment(share, paid.at(p, 0, L.O_FUNDING) / years);
      addMoment(growth, Math.log(paid.at(p, 0, L.O_EQUITY) / free.at(p, 0, L.O_EQUITY)));
      expect(free.at(p, 0, L.O_FUNDING)).toBe(0);
    }
    // the book starts flat (step 1 holds nothing); after that the held leverage is L* after every trade
    // (up to f32 rounding), so each of the other T − 1 steps pays the share r_f·dt·(L − 1) exactly
    const T = 252 * years, borrowedYears = (T - 1) / 252;
    expect(Math.abs(share.mean / ((rate * (lev - 1) * borrowedYears) / years) - 1)).toBeLessThan(1e-4);
    // ln E_T falls by Σ ln(1 − r_f·dt·(L − 1)/(1 + L·R_t)) ≈ −r_f(L − 1)·(T − 1)dt·(1 + O(L²σ²dt))
    expect(Math.abs(growth.mean / (-rate * (lev - 1) * borrowedYears) - 1)).toBeLessThan(0.01);
  });
});
