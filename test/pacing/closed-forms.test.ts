import { describe, expect, it } from "vitest";
import cdf from "@stdlib/stats-base-dists-normal-cdf";
import * as L from "../../assembly/pacing/layout.ts";
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
});
