/**
 * Bad Student-t innovations are refused at the edge, every problem at once, each naming the field,
 * the value and the fix (UsageError: the commands exit with status 2).
 */
import { describe, expect, it } from "vitest";
import { rs1Scenario } from "../../src/scenario/presets/rs1.ts";
import { validateScenario } from "../../src/scenario/validate-scenario.ts";
import { UsageError } from "../../src/errors.ts";

const withInnovations = (innovations: unknown, change: object = {}) =>
  () => validateScenario({ ...rs1Scenario, market: { ...rs1Scenario.market, innovations }, ...change });

describe("market.innovations validation", () => {
  it("accepts normal, and one ν > 2 per regime", () => {
    expect(withInnovations({ kind: "normal" })).not.toThrow();
    expect(withInnovations({ kind: "student-t", nu: [2.5, 1e6] })).not.toThrow();
    expect(validateScenario(rs1Scenario).market.innovations).toBeUndefined(); // no default written into results.json
  });

  it("refuses ν ≤ 2 (no finite variance to scale to) or not a number, naming the regime", () => {
    expect(withInnovations({ kind: "student-t", nu: [4, 2] })).toThrow(/^scenario\.market\.innovations\.nu\[1\]: must be in \(2, 1000000\]; got 2$/);
    expect(withInnovations({ kind: "student-t", nu: [NaN, 4] })).toThrow(/scenario\.market\.innovations\.nu\[0\]: must be/);
    expect(withInnovations({ kind: "student-t", nu: [4, 2] })).toThrow(UsageError);
  });

  it("refuses a ν count that differs from the regimes', an unknown kind and a missing ν", () => {
    expect(withInnovations({ kind: "student-t", nu: [4] })).toThrow(/^scenario\.market\.innovations\.nu: must hold one ν per regime \(2\); got \[4\]$/);
    expect(withInnovations({ kind: "cauchy" })).toThrow(/scenario\.market\.innovations\.kind: unknown innovations kind — use "normal" or "student-t"; got/);
    expect(withInnovations({ kind: "student-t" })).toThrow(/scenario\.market\.innovations\.nu: .*; got missing/);
    expect(withInnovations({ kind: "student-t", nu: [4, 4], df: 3 })).toThrow(/unknown key "df"/);
  });

  it("holds the one-step bound with the t's own tail: a heavy t on coarse steps is refused, with ν among the fixes", () => {
    const monthly = (innovations?: unknown) => () => validateScenario({ ...rs1Scenario, market: { ...rs1Scenario.market, stepsPerYear: 12, innovations }, horizonSteps: 60 });
    expect(monthly()).not.toThrow(); // normal: 6σ√dt = 2.4
    expect(monthly({ kind: "student-t", nu: [10, 10] })).not.toThrow(); // 15.7 sd: 6.4
    expect(monthly({ kind: "student-t", nu: [2.5, 2.5] })) // 724 sd: 293
      .toThrow(/^scenario\.market: one step's log-return can reach [\d.]+ \(6 sd out: .* \+ the t's quantile [\d.]+ \+ jump .*\), above the 40 .* a larger ν \(market\.innovations\.nu\)/);
  });
});
