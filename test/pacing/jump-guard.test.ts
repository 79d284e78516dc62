/**
 * The jump guard (issue 14): on a step whose log-return is beyond θ·σ̂_{t−1}·√dt it de-risks at once
 * to sign(ℓ)·min(|ℓ|, |L*|), then hands back to the scheme it guards; and the optimal schemes' bad input.
 */
import { describe, expect, it } from "vitest";
import * as L from "../../assembly/pacing/layout.ts";
import { simulate } from "./helpers.ts";
import { rs1Scenario } from "../../src/scenario/presets/rs1.ts";
import { validateScenario } from "../../src/scenario/validate-scenario.ts";
import type { ScenarioInput } from "../../src/scenario/scenario-schema.ts";

const T = 20, SHOCK = 10, LAMBDA = 0.3;
// a replayed history: small steady returns, and one −20% log-return at step SHOCK (σ̂_{t−1}·√dt ≈ 0.025 there, so θ = 4 fires)
const history = Array.from({ length: T }, (_, i) => (i + 1 === SHOCK ? -0.2 : 0.001));

/** A scenario whose target is `before` until the shock and `after` from it on, with ema and the guard over it. */
function shockScenario(before: number, after: number): ScenarioInput {
  return {
    market: { stepsPerYear: 252, regimes: [{ sigma: 0.5 }], alpha: { mean: 0, sd: 0, timeConstantSteps: 1 } },
    target: { kind: "series", values: Array.from({ length: T + 1 }, (_, t) => (t < SHOCK ? before : after)) },
    costs: { kind: "none" }, returns: { kind: "replay", returns: history },
    schemes: [{ name: "ema", kind: "ema", lambda: LAMBDA }, { name: "guarded", kind: "jump-guard", threshold: 4, then: "ema" }],
    ruinBarrier: 0, horizonSteps: T, paths: 1, seed: 1,
  };
}

/** ℓ after step t's return from the leverage L held after step t − 1's trade: L(1 + R)/(1 + L·R). */
const marked = (l: number, x: number) => (l * Math.exp(x)) / (1 + l * Math.expm1(x));

describe("jump-guard", () => {
  it.each([
    ["a long book whose target falls", 2, 0.5],
    ["a short book whose target rises toward zero", -2, -0.5],
    ["a long book whose target flips short (it keeps ℓ's sign)", 2, -0.5],
  ])("%s: de-risks in the shock's step to sign(ℓ)·min(|ℓ|, |L*|), then paces as the scheme it guards", (_name, before, after) => {
    const { traceRow } = simulate(shockScenario(before, after), 1);
    const lev = (t: number, s: number) => traceRow(0, t)[L.TRACE_FIXED + 2 * s];
    for (let t = 1; t < SHOCK; t++) expect(lev(t, 1)).toBe(lev(t, 0)); // no shock yet: exactly the ema
    const ell = marked(lev(SHOCK - 1, 1), history[SHOCK - 1]);
    expect(Math.abs(ell)).toBeGreaterThan(Math.abs(after));
    expect(lev(SHOCK, 1)).toBeCloseTo(Math.sign(ell) * Math.abs(after), 6);
    expect(Math.abs(lev(SHOCK, 0) - lev(SHOCK, 1))).toBeGreaterThan(0.3); // the ema alone moved only λ of the way
    for (let t = SHOCK + 1; t <= T; t++) {
      const l = marked(lev(t - 1, 1), history[t - 1]);
      expect(lev(t, 1)).toBeCloseTo(l + LAMBDA * (after - l), 6);
    }
  });

  it("adds no risk in the shock's step when the target asks for more (no trade), then paces again", () => {
    const { traceRow } = simulate(shockScenario(1, 3), 1);
    const lev = (t: number, s: number) => traceRow(0, t)[L.TRACE_FIXED + 2 * s];
    const ell = marked(lev(SHOCK - 1, 1), history[SHOCK - 1]);
    expect(lev(SHOCK, 1)).toBeCloseTo(ell, 6);
    expect(lev(SHOCK, 0)).toBeGreaterThan(ell + 0.3);
    const l = marked(lev(SHOCK, 1), history[SHOCK]);
    expect(lev(SHOCK + 1, 1)).toBeCloseTo(l + LAMBDA * (3 - l), 6);
  });

  it("reads σ̂ before the step's update: a return between θ·σ̂_{t−1}·√dt and θ·σ̂_t·√dt fires it", () => {
    // σ̂_{t−1}√dt ≈ 0.025 before the shock; x = −0.12 passes θ = 4 on it (0.10) but not on σ̂_t (x² inflates it to ≈ 0.039·4)
    const mild = history.map((x) => (x === -0.2 ? -0.12 : x));
    const input = { ...shockScenario(2, 0.5), returns: { kind: "replay" as const, returns: mild } };
    const { traceRow } = simulate(input, 1);
    expect(traceRow(0, SHOCK)[L.TRACE_FIXED + 2]).toBeCloseTo(0.5, 6);
  });
});

describe("bad input of the optimal and corrective schemes", () => {
  const withSchemes = (schemes: unknown[], extra: object = {}) => () => validateScenario({ ...rs1Scenario, schemes, baseline: undefined, ...extra });
  it.each([
    ["a threshold of 0", [{ name: "ema", kind: "ema", lambda: 0.2 }, { name: "g", kind: "jump-guard", threshold: 0, then: "ema" }], /schemes\[1\]\.threshold: must be in \(0, 1000\].*got 0/],
    ["a negative threshold", [{ name: "ema", kind: "ema", lambda: 0.2 }, { name: "g", kind: "jump-guard", threshold: -4, then: "ema" }], /schemes\[1\]\.threshold: must be in \(0, 1000\].*got -4/],
    ["a then naming no scheme", [{ name: "ema", kind: "ema", lambda: 0.2 }, { name: "g", kind: "jump-guard", threshold: 4, then: "emma" }], /schemes\[1\]\.then: must name a scheme of the scenario \(ema\); got "emma"/],
    ["a then naming another guard", [{ name: "ema", kind: "ema", lambda: 0.2 }, { name: "g", kind: "jump-guard", threshold: 4, then: "ema" },
      { name: "gg", kind: "jump-guard", threshold: 3, then: "g" }], /schemes\[2\]\.then: must name a scheme that is not a jump-guard/],
    ["a guard naming itself", [{ name: "g", kind: "jump-guard", threshold: 4, then: "g" }], /schemes\[0\]\.then: must name a scheme that is not a jump-guard/],
    ["ac without its risk aversion", [{ name: "ac", kind: "ac" }], /schemes\[0\]\.riskAversion: must be a number/],
  ])("%s: a clear error", (_name, schemes, message) => {
    expect(withSchemes(schemes)).toThrow(message);
  });

  it.each([
    ["gp", { kind: "none" }, /gp scheme "opt".* needs a quadratic trading cost.*"none".*use the transient book/],
    ["ac", { kind: "square-root", impact: 0.8, volume: 50 }, /ac scheme "opt".* needs a quadratic trading cost.*"square-root".*use the transient book/],
  ])("%s on costs without a quadratic part names the cost model it needs", (kind, costs, message) => {
    expect(withSchemes([{ name: "opt", kind, riskAversion: 1 }], { costs })).toThrow(message);
  });
});
