import { describe, expect, it } from "vitest";
import { pacingSearch } from "../../src/calibration/pacing-search.ts";
import { schemeFrontier, frontierCsv } from "../../src/calibration/scheme-frontier.ts";
import { frontierFigures } from "../../src/calibration/frontier-figures.ts";
import { OC_SLIPPAGE } from "../../src/calibration/pacing-objective.ts";
import { CE_GROWTH } from "../../src/calibration/growth-objective.ts";
import { knownMarketProfile } from "./known-market.ts";

const cheap = { coarsePaths: 128, refinePaths: 256, intervalPaths: 128, horizonYears: 1, workers: 1, seed: 3, extensionRounds: 1, refineSteps: 1 };

describe.each([CE_GROWTH, OC_SLIPPAGE])("one frontier across scheme kinds, objective $name", async (objectiveFunction) => {
  // costly trading and a noisy target: slow EMA rates beat fast ones, and instant pays the most slippage
  const profile = knownMarketProfile({ sigma: 0.2, alphaSd: 0.4, tauSteps: 40, depth: 30, spread: 0.002 });
  const options = { ...cheap, kinds: ["instant", "ema", "rate"] as const, objective: { maxRuin: 0.05 }, objectiveFunction };
  const search = await pacingSearch(profile, { ...options, kinds: [...options.kinds] });
  const doc = await schemeFrontier(profile, search, { ...options, kinds: [...options.kinds], frontierPaths: 256 });
  // every coordinate as a loss: the objective in its own sense (growth: larger is better), the rest smaller
  const loss = (c: string, v: number) => (c === "objective" && objectiveFunction.sense === "max" ? -v : v);

  it("holds every kind's grid, each recommendation and the GP benchmark, on one set of paths", () => {
    expect(doc.objective_sense).toBe(objectiveFunction.sense);
    expect(Object.keys(doc.curves).sort()).toEqual(["ac", "ema", "gp", "gp-ema", "instant", "rate"]);
    expect(doc.curves.ema.length).toBeGreaterThanOrEqual(20);
    for (const k of ["instant", "ema", "rate"]) expect(doc.points.some((p) => p.kind === k && p.recommended)).toBe(true);
    expect(doc.points.find((p) => p.name === "gp-ema")?.params.lambda).toBe(search.gp.rate);
    expect(doc.points.filter((p) => p.benchmark).map((p) => p.name).sort()).toEqual(["ac", "gp", "gp-ema"]);
    // curves run in parameter order
    const lambdas = doc.curves.ema.map((n) => doc.points.find((p) => p.name === n)!.params.lambda);
    expect(lambdas).toEqual([...lambdas].sort((a, b) => a - b));
  });

  it("keeps the points nothing dominates significantly, and names a dominator at least as good on every coordinate in its sense", () => {
    expect(doc.front.length).toBeGreaterThan(0);
    expect(doc.front.length).toBeLessThan(doc.points.length); // the fast, costly EMA rates fall
    for (const n of doc.front_by_estimate) expect(doc.front).toContain(n);
    for (const p of doc.points.filter((q) => !q.on_front)) {
      const d = doc.points.find((q) => q.name === p.dominated_by)!;
      for (const c of doc.coordinates) expect(loss(c, d[c].estimate!)).toBeLessThanOrEqual(loss(c, p[c].estimate!));
    }
    // instant pays the most slippage of all: under the cost objective a slower scheme beats it on every coordinate
    if (objectiveFunction === OC_SLIPPAGE) expect(doc.points.find((p) => p.kind === "instant")!.on_front).toBe(false);
    // the best objective in its sense is on the front by the estimates: nothing is at least as good on it and better elsewhere unless equal
    const best = doc.points.reduce((a, b) => (loss("objective", b.objective.estimate!) < loss("objective", a.objective.estimate!) ? b : a));
    expect(doc.front_by_estimate).toContain(best.name);
    // the baseline is the overall recommendation: the reachable kind with the best objective
    const recs = Object.values(search.recommendations).filter((r) => r.reachable);
    const top = recs.reduce((a, b) => (loss("objective", b.evaluation.objective.estimate!) < loss("objective", a.evaluation.objective.estimate!) ? b : a));
    expect(doc.baseline).toBe(top.evaluation.name);
  });

  it("is written as CSV (one row per point) and drawn as two figures", () => {
    const csv = frontierCsv(doc).trim().split("\n");
    expect(csv).toHaveLength(doc.points.length + 1);
    expect(csv[0]).toContain("objective_lo");
    const figs = frontierFigures(doc);
    expect(figs.map((f) => f.id)).toEqual(["frontier-ruin_probability", "frontier-max_drawdown_p95"]);
    expect(figs[0].data.length).toBe(6); // three kinds and the three benchmarks
    expect(JSON.stringify(figs[0].layout)).toContain(objectiveFunction.sense === "max" ? "larger is better" : "smaller is better");
  });
});
