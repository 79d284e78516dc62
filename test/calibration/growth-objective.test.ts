import { describe, expect, it } from "vitest";
import { growthEstimate, pairedGrowthDifference, CE_GROWTH } from "../../src/calibration/growth-objective.ts";
import { DEFAULT_OBJECTIVE, objectiveByName, OC_SLIPPAGE } from "../../src/calibration/pacing-objective.ts";
import { constraintStatus, parseMaxDrawdown } from "../../src/calibration/constraint-status.ts";
import { Z95 } from "../../src/metrics/intervals.ts";

const o = { ...DEFAULT_OBJECTIVE }; // equity floor 0.001

describe("the economic objective: certainty-equivalent growth over all paths", () => {
  // four paths over 2 years: a survivor (+10%), a ruined path marked at 40% of E₀, a ruin with equity ≤ 0 (−∞) and one below the floor
  const logGrowth = Float64Array.from([Math.log(1.1), Math.log(0.4), -Infinity, Math.log(0.0005)]);
  const perPath = [Math.log(1.1) / 2, Math.log(0.4) / 2, Math.log(0.001) / 2, Math.log(0.001) / 2];
  const mean = perPath.reduce((a, b) => a + b) / 4;
  const sd = Math.sqrt(perPath.reduce((a, b) => a + (b - mean) ** 2, 0) / 3);

  it("is the mean of ln(E_T/E₀)/years, ruined paths at their marked equity, equity ≤ 0 and below the floor at the floor", () => {
    const g = growthEstimate(o, logGrowth, 2);
    expect(g.estimate).toBeCloseTo(mean, 12);
    expect(g.hi! - g.estimate!).toBeCloseTo(Z95 * sd / 2, 12);
    expect(g.estimate).toBeCloseTo((Math.log(1.1) + Math.log(0.4) + 2 * Math.log(0.001)) / 8, 12);
  });

  it("the floor is the objective's: a higher floor raises the mean by the floored paths only", () => {
    const g = growthEstimate({ ...o, equityFloor: 0.01 }, logGrowth, 2);
    expect(g.estimate).toBeCloseTo((Math.log(1.1) + Math.log(0.4) + 2 * Math.log(0.01)) / 8, 12);
  });

  it("pairs two schemes path by path: the mean difference, with the interval of the per-path differences", () => {
    const other = Float64Array.from([Math.log(1.2), Math.log(0.5), Math.log(0.3), Math.log(0.0001)]);
    const d = pairedGrowthDifference(o, other, logGrowth, 2);
    const diffs = [Math.log(1.2 / 1.1) / 2, Math.log(0.5 / 0.4) / 2, Math.log(0.3 / 0.001) / 2, 0];
    const m = diffs.reduce((a, b) => a + b) / 4, s = Math.sqrt(diffs.reduce((a, b) => a + (b - m) ** 2, 0) / 3);
    expect(d.estimate).toBeCloseTo(m, 12);
    expect(d.hi! - d.lo!).toBeCloseTo(2 * Z95 * s / 2, 12);
    expect(() => pairedGrowthDifference(o, other.subarray(1), logGrowth, 2)).toThrow(/same paths/);
  });

  it("is the default objective and is maximised; today's cost objective stays under --objective oc-slippage", () => {
    expect(objectiveByName("growth")).toBe(CE_GROWTH);
    expect(CE_GROWTH.sense).toBe("max");
    expect(objectiveByName("oc-slippage")).toBe(OC_SLIPPAGE);
    expect(OC_SLIPPAGE.sense).toBe("min");
    expect(() => objectiveByName("sharpe")).toThrow(/--objective: unknown objective "sharpe" — use growth or oc-slippage/);
  });
});

describe("the constraints: ruin ≤ --max-ruin and max_drawdown_p95 ≤ --max-drawdown", () => {
  const r = (ruin: number, dd: number) => ({ ruin_probability: { estimate: ruin, lo: 0, hi: ruin + 0.01 }, max_drawdown_p95: { estimate: dd, lo: dd - 0.02, hi: dd + 0.02 } });
  it("without a drawdown cap, only ruin counts", () => {
    expect(constraintStatus(o, r(0.005, 0.9)).feasible).toBe(true);
    expect(constraintStatus(o, r(0.005, 0.9)).max_drawdown_p95).toBeUndefined();
  });
  it("with a cap, a drawdown above it makes the point infeasible, by its excess", () => {
    const s = constraintStatus({ ...o, maxDrawdown: 0.3 }, r(0.005, 0.35));
    expect([s.feasible, s.ruin.holds, s.max_drawdown_p95!.holds]).toEqual([false, true, false]);
    expect(s.excess).toBeCloseTo(0.05, 12);
    const ok = constraintStatus({ ...o, maxDrawdown: 0.3 }, r(0.005, 0.29));
    expect([ok.feasible, ok.feasible_confident]).toEqual([true, false]); // 0.29 + 0.02 reaches above 0.3
  });
  it.each(["0", "1", "1.5", "-0.2", "abc", ""])("--max-drawdown %j outside (0, 1) is refused with the fix", (v) => {
    expect(() => parseMaxDrawdown(v)).toThrow(/--max-drawdown: must be a fraction of equity in \(0, 1\), e\.g\. 0\.3 for a 30% drawdown; got .* — give the largest/);
  });
  it("accepts a fraction and leaves the cap off when not given", () => {
    expect(parseMaxDrawdown("0.25")).toBe(0.25);
    expect(parseMaxDrawdown(undefined)).toBeUndefined();
  });
});
