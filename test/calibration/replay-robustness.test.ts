/**
 * The robustness draws under a replayed leverage series (`--strategy series:FILE.csv`, issue 15
 * items 1 and 6): the market is the history itself, so a draw of the fitted parameters can move
 * only the kinds whose rule reads σ̂ or σ₀ (vol, liquidity), and only through σ₀ and the EWMA
 * decay (replay-invariance.ts). The other kinds' draws are not run, and the output says so; run
 * anyway, they give the fitted profile's values bit for bit.
 */
import { describe, expect, it } from "vitest";
import { pacingSearch } from "../../src/calibration/pacing-search.ts";
import { fitRobustness, robustnessCandidates } from "../../src/calibration/fit-robustness.ts";
import { drawProfiles } from "../../src/calibration/profile-draws.ts";
import { searchContext } from "../../src/calibration/search-context.ts";
import { runSchemes } from "../../src/calibration/scheme-runner.ts";
import { schemeOf } from "../../src/calibration/scheme-grid.ts";
import { replayInvariantKinds } from "../../src/calibration/replay-invariance.ts";
import { profileWithIntervals } from "./known-market.ts";


/** A seeded history of 300 daily log-returns (σ ≈ 20%/yr, two crashes) and a leverage file over it. */
function history(): { returns: number[]; leverage: number[] } {
  let s = 777;
  const u = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) + 0.5) / 4294967296;
  const returns = Array.from({ length: 300 }, (_, t) => 0.2 / Math.sqrt(252) * Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u()) + (t === 120 || t === 230 ? -0.12 : 0));
  const leverage = Array.from({ length: 301 }, (_, t) => (t < 100 ? 1 : t < 200 ? 2.5 : 0.5));
  return { returns, leverage };
}

describe("robustness draws under a replayed series strategy", async () => {
  const profile = profileWithIntervals();
  const options = { replay: history(), kinds: ["instant" as const, "ema" as const, "vol" as const], coarsePaths: 64, refinePaths: 64, intervalPaths: 64, workers: 1, seed: 3, extensionRounds: 1, refineSteps: 1, objective: { maxRuin: 0.05 } };
  const search = await pacingSearch(profile, options);
  const doc = await fitRobustness(profile, search, { ...options, draws: 5, paths: 64 });

  it("does not run the draws of the kinds no draw can change, and says so in the JSON", () => {
    expect(doc.drawn_parameters).toContain("sigma_annual[0]");
    expect(doc.draws_skipped?.kinds).toEqual(["instant", "ema"]);
    expect(doc.draws_skipped?.reason).toMatch(/replayed series.*cannot change these kinds' results.*sigma_annual\[0\]/);
    expect(doc.kinds.ema.draws_skipped).toBe(true);
    expect(doc.kinds.vol.draws_skipped).toBe(false);
    expect(doc.draws_used).toBe(5); // vol still runs on every draw
    for (const c of doc.kinds.ema.candidates) expect([c.objective.q10, c.objective.q90, c.ruin_probability.q90, c.max_drawdown_p95.q90]).toEqual([c.objective.fitted, c.objective.fitted, c.ruin_probability.fitted, c.max_drawdown_p95.fitted]);
  });

  it("is sound: run on every draw anyway, a skipped kind gives the fitted values bit for bit, while vol (it reads σ̂ from σ₀) moves", async () => {
    const ctx = searchContext(search, options);
    const drawn = drawProfiles(profile, 5, search.settings.seed);
    const all = Object.keys(search.recommendations).flatMap((k) => robustnessCandidates(search, k).map((c) => ({ k, c, scheme: schemeOf(search.recommendations[k].kind, c.params) })));
    const fitted = (k: string, name: string) => doc.kinds[k].candidates.find((c) => c.name === name)!;
    const moved = new Set<string>();
    for (const p of drawn.profiles) {
      const runs = await runSchemes(ctx.scenarioOf(p, 64), all.map((a) => a.scheme), { workers: 1 });
      for (const { k, c } of all) {
        const o = runs.get(c.name)!.outcome, f = fitted(k, c.name);
        const same = Object.is(ctx.objectiveOf(o).estimate, f.objective.fitted) && Object.is(o.result.ruin_probability.estimate, f.ruin_probability.fitted) && Object.is(o.result.max_drawdown_p95.estimate, f.max_drawdown_p95.fitted);
        if (!same) moved.add(k);
      }
    }
    expect([...moved]).toEqual(["vol"]);
    // a kind is skipped exactly when no draw moves it
    for (const k of Object.keys(doc.kinds)) expect(doc.draws_skipped!.kinds.includes(k)).toBe(!moved.has(k));
  });

  it("skips every kind when neither σ₀ nor the EWMA decay is drawn, and only vol and liquidity run when one is", () => {
    expect(replayInvariantKinds(["instant", "vol", "liquidity"], ["p01", "sigma_annual[1]"])?.kinds).toEqual(["instant", "vol", "liquidity"]);
    expect(replayInvariantKinds(["instant", "vol", "liquidity"], ["ewma_decay"])?.kinds).toEqual(["instant"]);
    expect(replayInvariantKinds(["vol", "liquidity"], ["sigma_annual[0]"])).toBeNull();
  });
});
