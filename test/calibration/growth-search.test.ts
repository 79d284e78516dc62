import { describe, expect, it } from "vitest";
import { pacingSearch } from "../../src/calibration/pacing-search.ts";
import { knownMarketProfile } from "./known-market.ts";

// small path counts and a one-year horizon: each search runs in a few seconds
const cheap = { coarsePaths: 200, refinePaths: 400, intervalPaths: 200, horizonYears: 1, workers: 1, seed: 7 };

describe("the pacing search under the economic objective (certainty-equivalent growth, the default)", () => {
  it("with no costs and a signal without noise, instant wins: EMA λ = 1 at its domain edge, slower rates significantly worse", async () => {
    const profile = knownMarketProfile({ sigma: 0.15, alphaSd: 0.4, tauSteps: 40, depth: 1e12, spread: 0 });
    const s = await pacingSearch(profile, { ...cheap, kinds: ["instant", "ema"], noiseSd: 0, objective: { maxRuin: 0.2 } });
    expect(s.settings.objective_function).toBe("growth");
    const ema = s.recommendations.ema;
    expect(ema.params.lambda).toBe(1);
    expect(ema.search.at_domain_edge).toBe(true);
    const instant = s.recommendations.instant.evaluation.objective.estimate!;
    expect(ema.evaluation.objective.estimate).toBe(instant);
    for (const e of s.evaluations.filter((e) => e.kind === "ema" && e.stage === "refine" && e.params.lambda < 1)) expect(e.objective.estimate!).toBeLessThan(instant);
    expect(ema.search.parameter_interval.lambda.lo).toBeGreaterThan(0.3);
  });

  it("with a pure-noise target and costs, the slowest rate in the domain wins and at_domain_edge says so", async () => {
    const profile = knownMarketProfile({ sigma: 0.15, alphaSd: 0, tauSteps: 40, depth: 1e3, spread: 0.01 });
    const s = await pacingSearch(profile, { ...cheap, kinds: ["ema"], noiseSd: 0.5 });
    const ema = s.recommendations.ema;
    expect(ema.params.lambda).toBe(1e-4);
    expect([ema.search.at_domain_edge, ema.search.at_grid_edge]).toEqual([true, false]);
    expect(ema.search.parameter_interval.lambda.lo).toBe(1e-4);
    expect(ema.search.parameter_interval.lambda.hi).toBeLessThan(1);
  });

  it("a binding --max-drawdown moves the optimum to a point whose drawdown p95 meets the cap", async () => {
    // a constant long book in a rising market: re-levering fast earns the drift sooner and carries a deeper drawdown
    const profile = knownMarketProfile({ sigma: 0.3, alphaSd: 0, tauSteps: 40, depth: 1e12, spread: 0 });
    const base = { ...cheap, kinds: ["ema" as const], target: { kind: "constant" as const, leverage: 2 }, drift: 0.3, objective: { maxRuin: 1 } };
    const free = await pacingSearch(profile, base);
    const fast = free.recommendations.ema;
    const dd = fast.evaluation.max_drawdown_p95.estimate!;
    const capped = await pacingSearch(profile, { ...base, objective: { maxRuin: 1, maxDrawdown: dd * 0.8 } });
    const slow = capped.recommendations.ema;
    expect(fast.evaluation.feasible).toBe(true);
    expect(slow.reachable).toBe(true);
    expect(slow.evaluation.max_drawdown_p95.estimate!).toBeLessThanOrEqual(dd * 0.8);
    expect(slow.params.lambda).toBeLessThan(fast.params.lambda);
    expect(slow.evaluation.objective.estimate!).toBeLessThan(fast.evaluation.objective.estimate!);
    expect(slow.evaluation.constraints.max_drawdown_p95!.cap).toBe(dd * 0.8);
    // the drawdown cap is reported in the settings and in every evaluation's constraint status
    expect(capped.settings.objective.maxDrawdown).toBe(dd * 0.8);
    expect(capped.evaluations.some((e) => !e.constraints.max_drawdown_p95!.holds)).toBe(true);
  });

  it("replays a leverage series on the history: instant with no costs earns the levered history's log growth", async () => {
    const profile = knownMarketProfile({ sigma: 0.15, alphaSd: 0, tauSteps: 40, depth: 1e12, spread: 0 });
    const returns = Array.from({ length: 300 }, (_, t) => 0.01 * Math.sin(t / 7) + 0.002);
    const leverage = Array.from({ length: 301 }, (_, t) => (t < 150 ? 1 : 2));
    const s = await pacingSearch(profile, { ...cheap, coarsePaths: 64, refinePaths: 64, intervalPaths: 64, kinds: ["instant", "ema"], replay: { returns, leverage }, objective: { maxRuin: 1 } });
    expect(s.settings.horizon_steps).toBe(300);
    expect(s.settings.strategy.target).toEqual({ kind: "series", steps: 300 });
    // the book starts flat (step 1 earns nothing) and instant holds L*_{t−1} through step t: ln E_T = Σ_{t≥2} ln(1 + L*_{t−1}·(e^{x_t} − 1))
    const lnE = returns.reduce((a, x, i) => a + (i === 0 ? 0 : Math.log1p(leverage[i] * Math.expm1(x))), 0);
    const g = s.recommendations.instant.evaluation.objective;
    expect(g.hi! - g.lo!).toBeLessThan(1e-9); // one history: every path is the same
    expect(g.estimate!).toBeCloseTo(lnE / (300 / 252), 4); // the kernel computes in f32
    expect(s.recommendations.ema.params.lambda).toBe(1);
  });
});
