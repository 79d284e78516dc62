import { describe, expect, it } from "vitest";
import { basketValues, convertLeg, valueWeights } from "../../src/synthetic/basket.ts";
import { ratioSeries } from "../../src/synthetic/ratio-series.ts";
import { sizePosition } from "../../src/synthetic/risk-parity-sizing.ts";
import { weeklyRebalance } from "../../src/synthetic/weekly-rebalance.ts";
import { pyramidingPolicy } from "../../src/synthetic/pyramiding.ts";

describe("baskets and the ratio (G1)", () => {
  it("A = Σ aᵢXᵢ, weights sum to 1, conversion multiplies by FX", () => {
    const legs = [{ name: "BTC", units: 1, close: [100, 110] }, { name: "NQ", units: 2, close: [50, 45] }];
    expect(Array.from(basketValues("A", legs))).toEqual([200, 200]);
    expect(valueWeights(legs, 1)).toEqual([0.55, 0.45]);
    expect(Array.from(convertLeg([2000], [150]))).toEqual([300000]);
  });

  it("rejects a wrong-length leg, non-finite units, and B at zero", () => {
    expect(() => basketValues("A", [{ name: "X", units: 1, close: [1, 2] }, { name: "Y", units: 1, close: [1] }])).toThrow(/A: leg Y: has 1 closes but leg X has 2 — align/);
    expect(() => basketValues("A", [{ name: "X", units: NaN, close: [1] }])).toThrow(/units must be finite; got NaN/);
    expect(() => ratioSeries([1, 2], [1, 0], ["d1", "d2"])).toThrow(/ratioSeries: B: quote basket is 0 on d2, at or near zero/);
  });
});

describe("sizing (G4) with the cap (G6)", () => {
  it("Position = R / unit risk; Leverage = Position·S/capital", () => {
    const s = sizePosition({ capital: 1e6, riskFraction: 0.01, unitRisk: 2000, price: 100000, cap: 4 });
    expect(s).toEqual({ position: 5, leverage: 0.5, capBinds: false, uncappedLeverage: 0.5 });
  });

  it("the cap shrinks the position to cap·capital/S", () => {
    const s = sizePosition({ capital: 1e6, riskFraction: 0.01, unitRisk: 0.1, price: 100, cap: 4 });
    expect(s.capBinds).toBe(true);
    expect(s.position).toBe(40000);
    expect(s.leverage).toBe(4);
    expect(() => sizePosition({ capital: 1e6, riskFraction: 0.01, unitRisk: 0, price: 1, cap: 4 })).toThrow(/unitRisk: must be a positive finite number; got 0/);
  });

  it("binds just above the cap and not at it", () => {
    // uncapped leverage = 0.01·S/unitRisk: 5 (binds at 4) and exactly 4 (does not)
    expect(sizePosition({ capital: 1e6, riskFraction: 0.01, unitRisk: 0.2, price: 100, cap: 4 })).toEqual({ position: 40000, leverage: 4, capBinds: true, uncappedLeverage: 5 });
    expect(sizePosition({ capital: 1e6, riskFraction: 0.01, unitRisk: 0.25, price: 100, cap: 4 }).capBinds).toBe(false);
  });
});

describe("weekly rebalancing (G7) and pyramiding (G8)", () => {
  it("resets value weights each ISO week and records the drift before the reset", () => {
    const dates = ["2024-01-01", "2024-01-02", "2024-01-08", "2024-01-09"]; // Mon, Tue, next Mon, Tue
    const r = weeklyRebalance([{ name: "X", units: 1, close: [100, 200, 200, 200] }, { name: "Y", units: 1, close: [100, 100, 100, 100] }], dates);
    expect(r.targetWeights).toEqual([0.5, 0.5]);
    expect(r.rebalances).toBe(1);
    expect(r.maxDrift).toBeCloseTo(2 / 3 - 0.5, 14);
    expect(r.drift[2]).toBe(0);
  });

  it("charges the cost in bps of traded notional at each rebalance (hand computation)", () => {
    // Mon: X = Y = 100, units 1 and 1, w* = (½, ½). Tue: X = 200. Next Mon (rebalance): V = 300,
    // target units (0.75, 1.5), traded |0.75 − 1|·200 + |1.5 − 1|·100 = 100, cost 10 bps = 0.1,
    // new units (½·299.9/200, ½·299.9/100) = (0.74975, 1.4995). Tue: X = Y = 100: V = 224.925.
    const dates = ["2024-01-01", "2024-01-02", "2024-01-08", "2024-01-09"];
    const r = weeklyRebalance([{ name: "X", units: 1, close: [100, 200, 200, 100] }, { name: "Y", units: 1, close: [100, 100, 100, 100] }], dates, 10);
    expect(r.tradedNotional).toBeCloseTo(100, 12);
    expect(r.costPaid).toBeCloseTo(0.1, 14);
    expect(r.turnover).toBeCloseTo(100 / 300, 14);
    expect(r.costShare).toBeCloseTo(0.1 / 300, 16);
    expect(Array.from(r.value)).toEqual([200, 300, expect.closeTo(299.9, 12), expect.closeTo(224.925, 12)]);
    const free = weeklyRebalance([{ name: "X", units: 1, close: [100, 200, 200, 100] }, { name: "Y", units: 1, close: [100, 100, 100, 100] }], dates);
    expect(free.costPaid).toBe(0);
    expect(free.value[3]).toBeCloseTo(225, 12);
  });

  it("adds only in profit with falling vol; cuts at once", () => {
    const p = pyramidingPolicy([10, 20, 20, 5], [1, 2, 3, 3], [1, 0.9, 1.1, 1.2], { step: 0.5 });
    expect(Array.from(p.position)).toEqual([10, 20, 20, 5]);
    expect(p.adds).toBe(1);
    expect(p.cuts).toBe(1);
  });
});
