/**
 * The profile on hidden histories simulated from known parameters (issue 15 item 7–8): fat tails
 * without jumps are read as Student-t (not as dozens of jumps a year) and ν, the regime
 * volatilities and the switching probabilities lie inside the reported intervals; a history with
 * real jumps is read as jumps, with the jump intensity and mean inside theirs; neither shows a
 * trend. Simultaneous 95% coverage (interval-coverage.ts). Fixed seeds, ~10 years of daily steps.
 */
import { describe, it, expect } from "vitest";
import { estimateProfile } from "../../src/calibration/market-profile.ts";
import { regimeFit } from "../../src/calibration/regime-fit.ts";
import { chooseRegimeModel, SCORE_SPLIT } from "../../src/calibration/regime-model-choice.ts";
import { hamiltonFilter } from "../../src/calibration/hamilton-filter.ts";
import { profileToScenarioInput } from "../../src/calibration/profile-scenario.ts";
import { simulateReturns, seriesFromReturns, type SimulatedMarket } from "./simulated-market.ts";
import { inside, log, logit, linear, logNu } from "./interval-coverage.ts";

const base = { steps: 2500, stepsPerYear: 365, sigma: [0.3, 0.8], transition: [[0.99, 0.01], [0.04, 0.96]] } as const;
const market = (m: Partial<SimulatedMarket> & { seed: number }): SimulatedMarket =>
  ({ ...base, sigma: [...base.sigma], transition: [[...base.transition[0]], [...base.transition[1]]], ...m }) as SimulatedMarket;

function regimesInside(p: ReturnType<typeof estimateProfile>): void {
  inside(0.3, p.volatility.regimes[0].interval, log, "σ₀");
  inside(0.8, p.volatility.regimes[1].interval, log, "σ₁");
  inside(0.01, p.volatility.switch_intervals.p01, logit, "p₀₁");
  inside(0.04, p.volatility.switch_intervals.p10, logit, "p₁₀");
  for (const i of [p.volatility.regimes[0].interval, p.volatility.regimes[1].interval, p.volatility.switch_intervals.p01, p.volatility.switch_intervals.p10]) expect(i!.status).toBe("estimated");
}

describe("estimateProfile on simulated histories", () => {
  it("fat tails without jumps (t, ν = 4): chooses t, recovers ν, σ and the switching probabilities; no trend", () => {
    const p = estimateProfile(seriesFromReturns(simulateReturns(market({ seed: 3, nu: 4 }))), { stepsPerYear: 365 });
    expect(p.model_choice.chosen).toBe("t");
    const bic = Object.fromEntries(p.model_choice.candidates.map((c) => [c.model, c.bic]));
    expect(bic.t).toBeLessThan(bic["normal+jumps"]);
    expect(p.volatility.innovations.distribution).toBe("student-t");
    inside(4, p.volatility.innovations.nu_interval, logNu, "ν");
    regimesInside(p);
    expect(p.jumps.intensity_per_year).toBe(0);
    expect(p.trend.fit_quality.status).toBe("weak");
    expect(p.trend.lr_statistic).toBeLessThan(5.99);
    // the engine simulates the chosen t model itself: t innovations with the fitted ν, no jumps
    expect(p.engine_market.model).toBe("t");
    expect(p.engine_market.innovations).toEqual({ distribution: "student-t", nu: p.volatility.innovations.nu });
    const sc = profileToScenarioInput(p, [{ name: "i", kind: "instant" }]);
    expect(sc.market.innovations).toEqual({ kind: "student-t", nu: [p.volatility.innovations.nu, p.volatility.innovations.nu] });
    expect(sc.market.jumps?.enabled).toBe(false);
    expect(sc.market.regimes.map((r) => r.sigma)).toEqual(p.volatility.regimes.map((r) => r.sigma_annual));
  });

  it("normal innovations with real jumps: chooses normal+jumps and recovers the jumps; no trend", () => {
    const p = estimateProfile(seriesFromReturns(simulateReturns(market({ seed: 5, jumps: { perYear: 8, meanLog: -0.06, sdLog: 0.1 } }))), { stepsPerYear: 365 });
    expect(p.model_choice.chosen).toBe("normal+jumps");
    regimesInside(p);
    inside(8, p.jumps.intervals.intensity_per_year, log, "λ_J");
    inside(-0.06, p.jumps.intervals.mean_log, linear, "μ_J");
    expect(p.engine_market.note).toMatch(/the chosen model/);
    expect(p.trend.lr_statistic).toBeLessThan(5.99);
  });

  it("a t fit on normal data: ν runs to its cap, the fit still converges, and ν's interval is never labelled estimated", () => {
    for (const seed of [1, 2]) {
      const x = simulateReturns(market({ seed, steps: 1500 }));
      const fit = regimeFit(x, 365, { model: { student: true, jumps: false } });
      expect(fit.converged).toBe(true);
      expect(fit.params.nu).toBeGreaterThan(100);
      expect(fit.intervals.nu === null || fit.intervals.nu.status === "weak").toBe(true); // e.g. [3.4, 7e7]
      expect(fit.intervals.sd0?.status).toBe("estimated"); // the identified ones keep theirs
      expect(fit.intervals.sd1?.status).toBe("estimated");
    }
  });

  it("the predictive log score is out of sample: its parameters do not see the scored 40%", () => {
    const x = simulateReturns(market({ seed: 8, steps: 1200, nu: 5 }));
    const m = Math.floor(SCORE_SPLIT * x.length);
    const louder = x.map((v, t) => (t >= m ? 2 * v : v)); // the scored part changed, the fitted part not
    const a = chooseRegimeModel(x, 365).choice, b = chooseRegimeModel(louder, 365).choice;
    for (const [ca, cb] of a.candidates.map((c, i) => [c, b.candidates[i]])) {
      expect(ca.score_params).not.toBeNull();
      // (t+jumps on jump-free data has flat jump directions: its head fit may stop elsewhere on them)
      if (ca.model !== "t+jumps") expect(Math.abs(Math.log(cb.score_params!.sd[1] / ca.score_params!.sd[1]))).toBeLessThan(0.01);
      expect(hamiltonFilter(louder, cb.score_params!, undefined, m).logScore).toBeCloseTo(cb.log_score!, 9);
    }
    expect(a.score_window).toEqual({ first_step: m, steps: x.length - m });
  });
});
