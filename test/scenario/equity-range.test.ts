/**
 * What the single-precision engine can hold (src/scenario/equity-range.ts): scenarios whose
 * equity or one-step return would overflow f32 are refused before the run, with the bound
 * and the field to change; results that are still not finite are an error, never null.
 */
import { describe, expect, it } from "vitest";
import { rs1Scenario } from "../../src/scenario/presets/rs1.ts";
import { validateScenario } from "../../src/scenario/validate-scenario.ts";
import { logGrowthBound, LOG_EQUITY_LIMIT } from "../../src/scenario/equity-range.ts";
import { checkFiniteResults } from "../../src/engine/check-finite-results.ts";

const rs1 = () => structuredClone(rs1Scenario) as any;
const withChange = (change: (s: any) => void) => { const s = rs1(); change(s); return () => validateScenario(s); };

describe("the log-growth bound", () => {
  it("is the levered GBM's 6-sd log growth, maximised over the leverage: a²/(2vY) at the interior optimum L = a/(vY)", () => {
    const mu = 0.1, v = 0.04, years = 10, a = mu * years + 6 * Math.sqrt(v * years);
    expect(logGrowthBound(20, mu, v, v, years)).toBeCloseTo((a * a) / (2 * v * years), 2);
  });

  it("at the cap when the optimum lies beyond it: L·a − L²vY/2", () => {
    const mu = 0.1, v = 0.04, years = 10, a = mu * years + 6 * Math.sqrt(v * years);
    expect(logGrowthBound(2, mu, v, v, years)).toBeCloseTo(2 * a - (4 * v * years) / 2, 12);
  });

  it("takes the worst variance in the regimes' range (every mix of them): never below either end alone", () => {
    const both = logGrowthBound(3, 0.2, 0.3025, 1.96, 5);
    expect(both).toBeGreaterThanOrEqual(logGrowthBound(3, 0.2, 0.3025, 0.3025, 5));
    expect(both).toBeGreaterThanOrEqual(logGrowthBound(3, 0.2, 1.96, 1.96, 5));
  });
});

describe("scenarios the engine cannot hold are refused before the run", () => {
  it("accepts RS-1, and RS-1 over 20 years", () => {
    expect(() => validateScenario(rs1())).not.toThrow();
    expect(withChange((s) => { s.horizonSteps = 7300; })).not.toThrow();
  });

  it("accepts the strategies' targets over 10 years and an FX book at 7× over 20 years", () => {
    expect(withChange((s) => { s.horizonSteps = 3650; s.target = { kind: "vol-target", sigmaTarget: 0.5, cap: 4 }; })).not.toThrow();
    expect(withChange((s) => { s.horizonSteps = 3650; s.target = { kind: "trend", timeConstantSteps: 60, riskAversion: 3, maxLeverage: 3 }; })).not.toThrow();
    expect(withChange((s) => { s.market.stepsPerYear = 252; s.horizonSteps = 5040; s.market.regimes = [{ sigma: 0.08 }, { sigma: 0.2 }]; s.target = { kind: "vol-target", sigmaTarget: 0.1, cap: 7 }; })).not.toThrow();
  });

  it("refuses 2× leverage over 100,000 steps with a drift (equity would pass e^80), naming horizonSteps", () => {
    expect(withChange((s) => { s.horizonSteps = 100_000; s.target = { kind: "constant", leverage: 2 }; s.market.alpha.mean = 0.5; }))
      .toThrow(new RegExp(`^scenario\\.horizonSteps: a path's equity can grow by e\\^\\d+\\.\\d over 274\\.0 years at leverage up to 2 \\(6 sd out\\), past the single-precision engine's e\\^${LOG_EQUITY_LIMIT}\\.0`));
  });

  it("refuses a drift of 10 a year at 3×", () => {
    expect(withChange((s) => { s.market.alpha.mean = 10; })).toThrow(/scenario\.horizonSteps: a path's equity can grow by e\^1\d\d\.\d over 5\.000 years at leverage up to 3/);
  });

  it("refuses steps a year ≤ 0.03 and jumps at the schema's bounds (one step's log-return past 40), naming the fields to change", () => {
    expect(withChange((s) => { s.market.stepsPerYear = 0.03; s.horizonSteps = 10; s.market.jumps.intensityPerYear = 0.01; }))
      .toThrow(/scenario\.market: one step's log-return can reach .* above the 40 the single-precision engine holds — use more stepsPerYear \(now 0\.03\)/);
    expect(withChange((s) => { s.market.jumps.meanLog = 10; s.market.jumps.sdLog = 10; })).toThrow(/one step's log-return can reach .* smaller jumps \(meanLog, sdLog\)/);
    // a jump 6 sd out, |μ_J| + 6σ_J = 40, alone past the limit (its compensator adds little here)
    expect(withChange((s) => { s.market.jumps.meanLog = -10; s.market.jumps.sdLog = 5; })).toThrow(/jump 40\), above the 40/);
    expect(withChange((s) => { s.market.jumps.meanLog = -10; s.market.jumps.sdLog = 4; })).not.toThrow();
  });

  it("a larger initial equity leaves less room (equity is held in account units)", () => {
    expect(withChange((s) => { s.market.alpha.mean = 2; })).not.toThrow();
    const big = withChange((s) => { s.market.alpha.mean = 2; s.initialEquity = 1e15; });
    expect(big).toThrow(/past the single-precision engine's e\^45\.5 \(ln 5\.5e34 less ln E₀\)/);
  });
});

describe("results that are not finite", () => {
  const est = (estimate: number | null, lo = estimate, hi = estimate) => ({ estimate, lo, hi });
  const growth = () => Float64Array.of(0.1, NaN, 0.2);

  it("are an error naming the scheme, the output and the first bad path — never written as null", () => {
    expect(() => checkFiniteResults({ ema: { slippage: est(0.1), turnover: est(NaN) } }, growth))
      .toThrow(/^pacingResults: scheme "ema" output turnover \(estimate\) is NaN, not a finite number; path 1's terminal log growth is NaN — the single-precision engine could not hold this scenario/);
    expect(() => checkFiniteResults({ rate: { opportunity_cost: est(0, 0, Infinity) } }, growth)).toThrow(/scheme "rate" output opportunity_cost \(hi\) is Infinity/);
  });

  it("except −∞ in the median log growth (RS-1's convention for a ruin equity ≤ 0), and null where undefined", () => {
    expect(() => checkFiniteResults({ instant: { terminal_log_growth_median: est(-Infinity), terminal_log_growth_mean_survivors: est(null) } }, growth)).not.toThrow();
    expect(() => checkFiniteResults({ instant: { terminal_log_growth_mean_survivors: est(-Infinity) } }, growth)).toThrow(/is -Infinity/);
  });
});
