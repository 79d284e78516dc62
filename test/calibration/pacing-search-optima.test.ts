import { describe, expect, it } from "vitest";
import { pacingSearch } from "../../src/calibration/pacing-search.ts";
import { knownMarketProfile } from "./known-market.ts";
import { OC_SLIPPAGE } from "../../src/calibration/pacing-objective.ts";

// small path counts and a one-year horizon: each search runs in a few seconds
const cheap = { coarsePaths: 200, refinePaths: 400, intervalPaths: 200, horizonYears: 1, workers: 1, seed: 7, objectiveFunction: OC_SLIPPAGE };

describe("the pacing search finds known optima under the cost objective (--objective oc-slippage)", () => {
  it("with no costs and a signal without noise, the fastest pacing wins: EMA λ = 1 at its domain edge, instant at the least objective", async () => {
    const profile = knownMarketProfile({ sigma: 0.15, alphaSd: 0.4, tauSteps: 40, depth: 1e12, spread: 0 });
    const s = await pacingSearch(profile, { ...cheap, kinds: ["instant", "ema"], noiseSd: 0, objective: { maxRuin: 0.2 } });
    const ema = s.recommendations.ema;
    expect(ema.params.lambda).toBe(1);
    expect(ema.search.at_domain_edge).toBe(true);
    expect(ema.search.domain_edge_parameters).toEqual(["lambda"]);
    // instant re-levers to the target every step (EMA λ = 1 is the same scheme); nothing slower beats it
    const instant = s.recommendations.instant.evaluation.objective.estimate!;
    expect(ema.evaluation.objective.estimate).toBe(instant);
    const slower = s.evaluations.filter((e) => e.kind === "ema" && e.params.lambda < 1);
    expect(slower.length).toBeGreaterThan(5);
    for (const e of slower.filter((e) => e.stage === "refine")) expect(e.objective.estimate!).toBeGreaterThan(instant);
    // and the slower values are significantly worse on common random numbers
    expect(ema.search.parameter_interval.lambda.lo).toBeGreaterThan(0.5);
  });

  it("with a pure-noise target and costs, the slowest rate in the domain wins and at_domain_edge says so", async () => {
    const profile = knownMarketProfile({ sigma: 0.15, alphaSd: 0, tauSteps: 40, depth: 1e3, spread: 0.01 });
    const s = await pacingSearch(profile, { ...cheap, kinds: ["ema"], noiseSd: 0.5 });
    const ema = s.recommendations.ema;
    expect(ema.params.lambda).toBe(1e-4); // the domain's floor (search-domain.ts), below the coarse grid's 0.005
    expect(ema.search.at_domain_edge).toBe(true);
    expect(ema.search.at_grid_edge).toBe(false);
    expect(Math.min(...ema.search.extended.lambda)).toBe(1e-4);
    const iv = ema.search.parameter_interval.lambda;
    expect(iv.lo).toBe(1e-4);
    expect(iv.hi).toBeLessThan(1); // fast pacing is significantly worse
  });

  it("an interior optimum is refined by golden-section and its interval contains it", async () => {
    const profile = knownMarketProfile({ sigma: 0.15, alphaSd: 0.4, tauSteps: 40, depth: 50, spread: 0.002 });
    const s = await pacingSearch(profile, { ...cheap, kinds: ["ema"], noiseSd: 0.5 });
    const ema = s.recommendations.ema;
    expect(ema.search.refine_method).toBe("golden-section");
    const iv = ema.search.parameter_interval.lambda;
    expect(iv.lo).toBeLessThanOrEqual(ema.params.lambda);
    expect(iv.hi).toBeGreaterThanOrEqual(ema.params.lambda);
    expect(iv.values_in_set).toBeLessThanOrEqual(iv.values_evaluated);
  });
});
