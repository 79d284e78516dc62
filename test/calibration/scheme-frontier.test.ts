import { describe, expect, it } from "vitest";
import { pacingSearch } from "../../src/calibration/pacing-search.ts";
import { schemeFrontier, frontierCsv } from "../../src/calibration/scheme-frontier.ts";
import { frontierFigures } from "../../src/calibration/frontier-figures.ts";
import { knownMarketProfile } from "./known-market.ts";

const cheap = { coarsePaths: 128, refinePaths: 256, intervalPaths: 128, horizonYears: 1, workers: 1, seed: 3, extensionRounds: 1, refineSteps: 1 };

describe("one frontier across scheme kinds", async () => {
  // costly trading and a noisy target: slow EMA rates beat fast ones, and instant pays the most slippage
  const profile = knownMarketProfile({ sigma: 0.2, alphaSd: 0.4, tauSteps: 40, depth: 30, spread: 0.002 });
  const options = { ...cheap, kinds: ["instant", "ema", "rate"] as const, objective: { maxRuin: 0.05 } };
  const search = await pacingSearch(profile, { ...options, kinds: [...options.kinds] });
  const doc = await schemeFrontier(profile, search, { ...options, kinds: [...options.kinds], frontierPaths: 256 });

  it("holds every kind's grid, each recommendation and the GP benchmark, on one set of paths", () => {
    expect(Object.keys(doc.curves).sort()).toEqual(["ac", "ema", "gp", "gp-ema", "instant", "rate"]);
    expect(doc.curves.ema.length).toBeGreaterThanOrEqual(20);
    for (const k of ["instant", "ema", "rate"]) expect(doc.points.some((p) => p.kind === k && p.recommended)).toBe(true);
    expect(doc.points.find((p) => p.name === "gp-ema")?.params.lambda).toBe(search.gp.rate);
    expect(doc.points.filter((p) => p.benchmark).map((p) => p.name).sort()).toEqual(["ac", "gp", "gp-ema"]);
    // curves run in parameter order
    const lambdas = doc.curves.ema.map((n) => doc.points.find((p) => p.name === n)!.params.lambda);
    expect(lambdas).toEqual([...lambdas].sort((a, b) => a - b));
  });

  it("keeps the points nothing dominates significantly, and names a dominator for each other", () => {
    expect(doc.front.length).toBeGreaterThan(0);
    expect(doc.front.length).toBeLessThan(doc.points.length); // the fast, costly EMA rates fall
    for (const n of doc.front_by_estimate) expect(doc.front).toContain(n);
    for (const p of doc.points.filter((q) => !q.on_front)) {
      const d = doc.points.find((q) => q.name === p.dominated_by)!;
      for (const c of doc.coordinates) expect(d[c].estimate!).toBeLessThanOrEqual(p[c].estimate!);
    }
    // instant pays the most slippage of all: it is dominated (a slower scheme is better on the objective)
    expect(doc.points.find((p) => p.kind === "instant")!.on_front).toBe(false);
  });

  it("is written as CSV (one row per point) and drawn as two figures", () => {
    const csv = frontierCsv(doc).trim().split("\n");
    expect(csv).toHaveLength(doc.points.length + 1);
    expect(csv[0]).toContain("objective_lo");
    const figs = frontierFigures(doc);
    expect(figs.map((f) => f.id)).toEqual(["frontier-ruin_probability", "frontier-max_drawdown_p95"]);
    expect(figs[0].data.length).toBe(6); // three kinds and the three benchmarks
  });
});
