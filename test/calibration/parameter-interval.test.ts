import { describe, expect, it } from "vitest";
import { parameterIntervals } from "../../src/calibration/parameter-interval.ts";
import type { Evaluation } from "../../src/calibration/evaluate-schemes.ts";

const e = (lambda: number, diff: [number, number], feasible = true, ruinDiff: [number, number] = [0, 0], sense: "min" | "max" = "min"): Evaluation => ({
  kind: "ema", name: `ema@lambda=${lambda}`, params: { lambda }, stage: "interval", paths: 100,
  ruin_probability: { estimate: 0, lo: 0, hi: 0 }, opportunity_cost: { estimate: 0, lo: 0, hi: 0 }, slippage: { estimate: 0, lo: 0, hi: 0 },
  slippage_bps: { estimate: 0, lo: 0, hi: 0 }, turnover: { estimate: 0, lo: 0, hi: 0 }, terminal_log_growth_median: { estimate: 0, lo: 0, hi: 0 },
  funding: { estimate: 0, lo: 0, hi: 0 }, max_drawdown_p95: { estimate: 0, lo: 0, hi: 0 },
  objective: { estimate: 0, lo: 0, hi: 0 }, objective_sense: sense, feasible, feasible_confident: feasible,
  constraints: { ruin: { cap: 0.01, estimate: 0, hi: 0, holds: feasible, holds_confidently: feasible }, feasible, feasible_confident: feasible, excess: 0 },
  paired_to: { baseline: "best", objective: { estimate: (diff[0] + diff[1]) / 2, lo: diff[0], hi: diff[1] }, ruin_probability: { estimate: (ruinDiff[0] + ruinDiff[1]) / 2, lo: ruinDiff[0], hi: ruinDiff[1] } },
});

describe("the 95% interval of a parameter: evaluated values not significantly worse than the best", () => {
  const best = e(0.05, [0, 0]);
  it("keeps values whose paired difference interval reaches 0 and drops significantly worse or infeasible ones", () => {
    const iv = parameterIntervals(best, [e(0.01, [0.01, 0.03]), e(0.02, [-0.01, 0.02]), e(0.1, [-0.001, 0.004]), e(0.2, [-0.01, 0.01], false), e(0.5, [0.02, 0.05])]).lambda;
    expect([iv.lo, iv.hi]).toEqual([0.02, 0.1]);
    expect(iv.evaluated).toEqual([0.01, 0.5]);
    expect([iv.values_in_set, iv.values_evaluated, iv.flat]).toEqual([3, 6, false]);
  });
  it("reads a flat optimum as flat", () => {
    const iv = parameterIntervals(best, [e(0.01, [-0.01, 0.01]), e(0.5, [-0.02, 0.03])]).lambda;
    expect([iv.lo, iv.hi, iv.flat]).toEqual([0.01, 0.5, true]);
  });
  it("with an unreachable cap, compares ruin instead", () => {
    const infeasibleBest = { ...best, feasible: false };
    const iv = parameterIntervals(infeasibleBest, [e(0.01, [0.5, 0.6], false, [-0.01, 0.02]), e(0.5, [-0.5, -0.4], false, [0.01, 0.03])]).lambda;
    expect([iv.lo, iv.hi]).toEqual([0.01, 0.05]);
  });
  it("for a growth (maximised), a value belongs when its paired difference's upper bound reaches 0", () => {
    const g = (lambda: number, diff: [number, number]) => e(lambda, diff, true, [0, 0], "max");
    const iv = parameterIntervals(g(0.05, [0, 0]), [g(0.01, [-0.03, -0.01]), g(0.02, [-0.02, 0.01]), g(0.1, [-0.004, 0.001]), g(0.5, [-0.05, -0.02])]).lambda;
    expect([iv.lo, iv.hi]).toEqual([0.02, 0.1]);
  });
});
