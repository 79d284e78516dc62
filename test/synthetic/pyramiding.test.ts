/**
 * The pyramiding rule (domain.md (G8)), one condition at a time: each test fails when the
 * condition it names is removed from pyramidingPolicy.
 */
import { describe, expect, it } from "vitest";
import { pyramidingPolicy } from "../../src/synthetic/pyramiding.ts";

const held = (target: number[], price: number[], vol: number[], o = {}) => Array.from(pyramidingPolicy(target, price, vol, o).position);

describe("pyramidingPolicy (G8)", () => {
  it("adds toward a larger target when in profit and volatility falls, at most step × target a day", () => {
    // target doubles; price rises, vol falls every day: 10 → +5 (0.25·20) → +5 → (target reached)
    expect(held([10, 20, 20, 20], [1, 2, 3, 4], [1, 0.9, 0.8, 0.7])).toEqual([10, 15, 20, 20]);
  });

  it("does not add when the trade is not in profit (price at or below the average entry)", () => {
    expect(held([10, 20, 20], [1, 1, 0.9], [1, 0.9, 0.8])).toEqual([10, 10, 10]);
  });

  it("does not add when volatility is not falling", () => {
    expect(held([10, 20, 20], [1, 2, 3], [1, 1, 1.1])).toEqual([10, 10, 10]);
  });

  it("does not add when the target is not above the held position (no add counted either)", () => {
    const p = pyramidingPolicy([10, 10, 10], [1, 2, 3], [1, 0.9, 0.8]);
    expect(p.adds).toBe(0);
    expect(p.cuts).toBe(0);
  });

  it("cuts to a smaller target at once, whatever price and volatility do (anti-pyramiding)", () => {
    const p = pyramidingPolicy([10, 4, 2], [1, 2, 3], [1, 0.5, 0.4]);
    expect(Array.from(p.position)).toEqual([10, 4, 2]);
    expect(p.cuts).toBe(2);
  });

  it("measures profit against the position-weighted average entry, not the first price", () => {
    // day 1 adds 5 at price 3: entry = (10·1 + 5·3)/15 = 5/3; day 2 at 1.5 is above 1 but below 5/3
    expect(held([10, 20, 20], [1, 3, 1.5], [1, 0.9, 0.8])).toEqual([10, 15, 15]);
    // the same day 2 at 1.7 (> 5/3) adds
    expect(held([10, 20, 20], [1, 3, 1.7], [1, 0.9, 0.8])).toEqual([10, 15, 20]);
  });

  it("minProfit: adds only when price exceeds entry by more than the threshold", () => {
    expect(held([10, 20], [1, 1.05], [1, 0.9], { minProfit: 0.1 })).toEqual([10, 10]);
    expect(held([10, 20], [1, 1.15], [1, 0.9], { minProfit: 0.1 })).toEqual([10, 15]);
  });

  it("minVolDrop: adds only when volatility falls by more than the threshold", () => {
    expect(held([10, 20], [1, 2], [1, 0.95], { minVolDrop: 0.1 })).toEqual([10, 10]);
    expect(held([10, 20], [1, 2], [1, 0.85], { minVolDrop: 0.1 })).toEqual([10, 15]);
  });

  it("step: the largest add is step × today's target", () => {
    expect(held([10, 100], [1, 2], [1, 0.9], { step: 0.5 })).toEqual([10, 60]);
    expect(held([10, 100], [1, 2], [1, 0.9], { step: 1 })).toEqual([10, 100]);
  });
});
