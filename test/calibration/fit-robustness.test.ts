import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { robustChoice, worstDecile, spreadOf, robustRule, worstDecileConstraints } from "../../src/calibration/robust-choice.ts";
import { drawProfiles } from "../../src/calibration/profile-draws.ts";
import { fitRobustness, robustRecommendations, robustnessCandidates } from "../../src/calibration/fit-robustness.ts";
import { pacingSearch } from "../../src/calibration/pacing-search.ts";
import { recommendationDocument } from "../../src/calibration/recommendation-document.ts";
import { profileWithIntervals } from "./known-market.ts";

const ten = (v: number, worst: number, k = 2) => Array.from({ length: 10 }, (_, i) => (i < 10 - k ? v : worst));

describe("--robust picks the parameter best in the worst decile", () => {
  it("prefers a steady candidate to one that is best on most draws but bad on the worst ones", () => {
    const fragile = { objective: ten(1, 5), ruin: ten(0, 0) }, steady = { objective: ten(2, 2.2), ruin: ten(0, 0) };
    expect(worstDecile(fragile.objective)).toBeGreaterThan(worstDecile(steady.objective));
    expect(spreadOf(fragile.objective).q50).toBeLessThan(spreadOf(steady.objective).q50); // the nominal (median) choice would be fragile
    expect(robustChoice([fragile, steady], { maxRuin: 0.01 })).toBe(1);
  });

  it("drops a candidate whose worst-decile ruin breaks the cap, and with none feasible takes the least worst-decile ruin", () => {
    const risky = { objective: ten(0.5, 0.5), ruin: ten(0, 0.05) }, safe = { objective: ten(1, 1), ruin: ten(0, 0.005) };
    expect(robustChoice([risky, safe], { maxRuin: 0.01 })).toBe(1);
    const worse = { objective: ten(0.1, 0.1), ruin: ten(0.2, 0.3) }, lessBad = { objective: ten(9, 9), ruin: ten(0.2, 0.25) };
    expect(robustChoice([worse, lessBad], { maxRuin: 0.01 })).toBe(1);
  });

  it("under a maximised objective (growth) the worst decile is the 10th percentile, and the choice is the highest of it", () => {
    // steady: 1 on every draw; better: 2, or 1.5 on its two worst draws; gambler: 3, or −1 on its two worst draws
    const steady = { objective: ten(1, 1), ruin: ten(0, 0) }, better = { objective: ten(2, 1.5), ruin: ten(0, 0) }, gambler = { objective: ten(3, -1), ruin: ten(0, 0) };
    expect(worstDecile(better.objective, "max")).toBeCloseTo(1.5, 12);
    expect(worstDecile(gambler.objective, "max")).toBeLessThan(0);
    // ignoring the sense (least 90th percentile) would pick steady; the best decile (highest 90th) the gambler
    expect(robustChoice([steady, better, gambler], { maxRuin: 0.01 }, "max")).toBe(1);
    expect(robustChoice([steady, better, gambler], { maxRuin: 0.01 }, "min")).toBe(0);
    // a draw without an objective is the worst: −∞ for growth
    expect(spreadOf([1, null, 1, 1, 1, 1, 1, 1, 1, 1], "max").min).toBe(-Infinity);
    expect(robustChoice([{ objective: [2, null, 2, null, 2, 2, 2, 2, 2, 2], ruin: ten(0, 0) }, steady], { maxRuin: 0.01 }, "max")).toBe(1);
    expect(robustRule("max")).toMatch(/10th percentile of the objective/);
    expect(robustRule("min")).toMatch(/90th percentile of the objective/);
  });

  it("applies the search's drawdown cap too (--max-drawdown), judged like ruin on the worst decile (90th percentile) of the draws", () => {
    // deep: the best growth, and a median drawdown p95 within 0.3, but 0.45 on its two worst draws; shallow: less growth, within the cap on every draw
    const deep = { objective: ten(2, 2), ruin: ten(0, 0), maxDrawdown: ten(0.2, 0.45) }, shallow = { objective: ten(1, 1), ruin: ten(0, 0), maxDrawdown: ten(0.2, 0.25) };
    expect(robustChoice([deep, shallow], { maxRuin: 0.01 }, "max")).toBe(0);
    expect(robustChoice([deep, shallow], { maxRuin: 0.01, maxDrawdown: 0.3 }, "max")).toBe(1);
    expect(spreadOf(deep.maxDrawdown).q50).toBeLessThan(0.3); // a median rule would keep deep
    const status = worstDecileConstraints(deep, { maxRuin: 0.01, maxDrawdown: 0.3 });
    expect(status.max_drawdown_p95).toMatchObject({ cap: 0.3, holds: false });
    expect(status.max_drawdown_p95!.estimate).toBeCloseTo(0.45, 12);
    expect(status.feasible).toBe(false);
    // none feasible: the least excess over both caps (a: 0.01 + 0.2; b: 0.04 + 0), not the least ruin
    const a = { objective: ten(5, 5), ruin: ten(0.02, 0.02), maxDrawdown: ten(0.5, 0.5) }, b = { objective: ten(1, 1), ruin: ten(0.05, 0.05), maxDrawdown: ten(0.3, 0.3) };
    expect(robustChoice([a, b], { maxRuin: 0.01, maxDrawdown: 0.3 }, "max")).toBe(1);
    expect(robustChoice([a, b], { maxRuin: 0.01 }, "max")).toBe(0);
    // a candidate without drawdown values counts as the worst under a drawdown cap
    expect(robustChoice([{ objective: ten(9, 9), ruin: ten(0, 0) }, shallow], { maxRuin: 0.01, maxDrawdown: 0.3 }, "max")).toBe(1);
    expect(robustRule("max", true)).toMatch(/worst-decile max_drawdown_p95 ≤ d_max/);
    expect(robustRule("max", false)).not.toMatch(/drawdown/);
  });

  it("law: under both caps the choice meets them whenever some candidate does, with the best worst-decile objective among those", () => {
    const draws = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 10, maxLength: 10 });
    fc.assert(fc.property(fc.array(fc.record({ objective: draws, ruin: draws, maxDrawdown: draws }), { minLength: 1, maxLength: 8 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), (cs, cap, dd) => {
      const caps = { maxRuin: cap, maxDrawdown: dd };
      const i = robustChoice(cs, caps, "max");
      const meets = (c: (typeof cs)[number]) => worstDecile(c.ruin) <= cap && worstDecile(c.maxDrawdown) <= dd;
      if (!cs.some(meets)) return;
      expect(meets(cs[i])).toBe(true);
      for (const c of cs.filter(meets)) expect(worstDecile(cs[i].objective, "max")).toBeGreaterThanOrEqual(worstDecile(c.objective, "max"));
    }));
  });

  it("law: the choice's worst-decile objective is no worse than any feasible candidate's", () => {
    const draws = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 10, maxLength: 10 });
    fc.assert(fc.property(fc.array(fc.record({ objective: draws, ruin: draws }), { minLength: 1, maxLength: 8 }), fc.double({ min: 0, max: 1, noNaN: true }), (cs, cap) => {
      const i = robustChoice(cs, { maxRuin: cap });
      const feasible = cs.filter((c) => worstDecile(c.ruin) <= cap);
      if (feasible.length) {
        expect(worstDecile(cs[i].ruin)).toBeLessThanOrEqual(cap);
        for (const c of feasible) expect(worstDecile(cs[i].objective)).toBeLessThanOrEqual(worstDecile(c.objective));
      } else for (const c of cs) expect(worstDecile(cs[i].ruin)).toBeLessThanOrEqual(worstDecile(c.ruin));
    }));
  });
});


describe("draws of the fitted parameters", () => {
  it("follow each estimated interval (about 95% of draws inside it), hold weak or missing ones, and repeat with the seed", () => {
    const p = profileWithIntervals();
    const d = drawProfiles(p, 2000, 11);
    expect(d.drawn).toEqual(["sigma_annual[0]", "p01"]);
    expect(d.held_fixed.join("; ")).toMatch(/sigma_annual\[1\] \(interval weak\).*p10 \(no interval\)/);
    const s0 = d.profiles.map((q) => q.engine_market.regimes[0].sigma_annual);
    const inside = s0.filter((s) => s >= 0.16 && s <= 0.25).length / s0.length;
    expect(inside).toBeGreaterThan(0.93);
    expect(inside).toBeLessThan(0.97);
    expect(d.profiles.every((q) => q.engine_market.regimes[1].sigma_annual === 0.2)).toBe(true);
    const t = d.profiles[7].engine_market.transition;
    expect(t[0][0] + t[0][1]).toBeCloseTo(1, 15);
    expect(drawProfiles(p, 3, 11).profiles).toEqual(d.profiles.slice(0, 3));
    expect(drawProfiles(p, 3, 12).profiles[0]).not.toEqual(d.profiles[0]);
  });
});

describe("robustness of a recommendation to the fit", async () => {
  const profile = profileWithIntervals();
  const options = { coarsePaths: 96, refinePaths: 128, intervalPaths: 96, horizonYears: 1, workers: 1, seed: 2, extensionRounds: 1, refineSteps: 1, kinds: ["instant" as const, "ema" as const], objective: { maxRuin: 0.05 } };
  const search = await pacingSearch(profile, options);
  const doc = await fitRobustness(profile, search, { ...options, draws: 4, paths: 96 });

  it("evaluates each kind's recommendation and its axis neighbours on the fitted profile and every draw", () => {
    expect(doc.kinds.instant.candidates.map((c) => c.name)).toEqual(["instant"]);
    expect(doc.draws_skipped).toBeNull(); // a model strategy: every draw can move every kind
    expect(doc.kinds.ema.draws_skipped).toBe(false);
    const ema = doc.kinds.ema;
    expect(ema.recommended).toBe(`ema@lambda=${search.recommendations.ema.params.lambda}`);
    expect(ema.candidates.length).toBe(robustnessCandidates(search, "ema").length);
    expect(ema.candidates.length).toBeGreaterThanOrEqual(3);
    for (const c of ema.candidates) {
      expect(c.objective.q10).toBeLessThanOrEqual(c.objective.q50);
      expect(c.objective.q50).toBeLessThanOrEqual(c.objective.q90);
      expect(Number.isFinite(c.objective.fitted)).toBe(true);
    }
  });

  it("with --robust the recommendation is the robust choice, said so in recommendation.json", () => {
    const robust = robustRecommendations(search, doc);
    const rec = recommendationDocument(profile, robust, {}, { robustness: doc, robust: true });
    expect(rec.recommended_by).toMatch(/^robust/);
    // the default objective is growth: its worst decile is the 10th percentile, and the choice the highest of it
    expect(doc.objective_sense).toBe("max");
    expect(rec.recommended_by).toMatch(/highest 10th percentile/);
    const ema = doc.kinds.ema, chosen = ema.candidates.find((c) => c.name === ema.robust_choice)!;
    for (const c of ema.candidates.filter((x) => x.ruin_probability.q90 <= 0.05)) expect(chosen.objective.q10).toBeGreaterThanOrEqual(c.objective.q10);
    expect(`ema@lambda=${rec.schemes.ema.params.lambda}`).toBe(doc.kinds.ema.robust_choice);
    expect(rec.robustness?.draws).toBe(4);
  });

  it("with --max-drawdown the robust choice meets the drawdown cap on the worst decile of the draws", async () => {
    // a cap between the candidates' worst-decile drawdowns, below that of the choice made without it
    const q90 = (n: string) => doc.kinds.ema.candidates.find((c) => c.name === n)!.max_drawdown_p95.q90;
    const dds = doc.kinds.ema.candidates.map((c) => c.max_drawdown_p95.q90).sort((a, b) => a - b);
    const cap = (dds[0] + dds[1]) / 2;
    expect(q90(doc.kinds.ema.robust_choice)).toBeGreaterThan(cap);
    const capped = await fitRobustness(profile, search, { ...options, objective: { maxRuin: 0.05, maxDrawdown: cap }, draws: 4, paths: 96 });
    const ema = capped.kinds.ema, chosen = ema.candidates.find((c) => c.name === ema.robust_choice)!;
    expect(chosen.max_drawdown_p95.q90).toBeLessThanOrEqual(cap);
    expect(chosen.worst_decile_constraints.max_drawdown_p95).toMatchObject({ cap, holds: true });
    expect(ema.robust_choice).not.toBe(doc.kinds.ema.robust_choice);
    for (const c of ema.candidates.filter((x) => x.worst_decile_constraints.feasible)) expect(chosen.objective.q10).toBeGreaterThanOrEqual(c.objective.q10);
    expect(capped.rule).toMatch(/max_drawdown_p95 ≤ d_max/);
  });

  it("leaves out, and lists, a draw whose scenario the engine refuses", async () => {
    const wild = profileWithIntervals();
    // a strong signal whose persistence is barely known: over 5 years, draws of τ far above 40 steps let
    // equity grow past what single precision holds, and the engine refuses those scenarios
    Object.assign(wild.trend, { alpha_sd_annual: 2, interval: { lo: 10, hi: 5000 } });
    const r = await fitRobustness(wild, search, { ...options, horizonYears: 5, draws: 8, paths: 64 });
    expect(r.refused_draws.length).toBeGreaterThan(0);
    expect(r.refused_draws[0].reason).toMatch(/single-precision/);
    expect(r.draws_used).toBe(8 - r.refused_draws.length);
    expect(r.draws_used).toBeGreaterThan(0);
    expect(Number.isFinite(r.kinds.ema.candidates[0].objective.q90)).toBe(true);
  });
});
