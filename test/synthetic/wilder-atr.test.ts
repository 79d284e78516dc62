import { describe, expect, it } from "vitest";
import { ATR } from "technicalindicators";
import { wilderAtr, wilderAtrCloseToClose } from "../../src/synthetic/wilder-atr.ts";

// The ATR test vector published in the technicalindicators repository (test/directionalmovement/ATR.js).
const high = [48.70, 48.72, 48.90, 48.87, 48.82, 49.05, 49.20, 49.35, 49.92, 50.19, 50.12, 49.66, 49.88, 50.19, 50.36, 50.57, 50.65, 50.43, 49.63, 50.33, 50.29, 50.17, 49.32, 48.50, 48.32, 46.80, 47.80, 48.39, 48.66, 48.79];
const low = [47.79, 48.14, 48.39, 48.37, 48.24, 48.64, 48.94, 48.86, 49.50, 49.87, 49.20, 48.90, 49.43, 49.73, 49.26, 50.09, 50.30, 49.21, 48.98, 49.61, 49.20, 49.43, 48.08, 47.64, 41.55, 44.28, 47.31, 47.20, 47.90, 47.73];
const close = [48.16, 48.61, 48.75, 48.63, 48.74, 49.03, 49.07, 49.32, 49.91, 50.13, 49.53, 49.50, 49.75, 50.03, 50.31, 50.52, 50.41, 49.34, 49.37, 50.23, 49.24, 49.93, 48.43, 48.18, 46.57, 45.41, 47.77, 47.72, 48.62, 47.85];
const expected = [0.56786, 0.56158, 0.54647, 0.59458, 0.59854, 0.62436, 0.65762, 0.67707, 0.76085, 0.76794, 1.19665, 1.29118, 1.36967, 1.35683, 1.32706, 1.30798];

describe("wilderAtr (G5)", () => {
  it("reproduces the technicalindicators published ATR(14) vector (published to 5 decimals)", () => {
    const atr = wilderAtr(high, low, close, 14);
    expect(atr.slice(0, 14).every(Number.isNaN)).toBe(true);
    expect(atr.length - 14).toBe(expected.length);
    // Within one unit of the 5th decimal: the vector's 0.76794 is 0.7679344… in the package itself (3.1.0).
    expected.forEach((v, i) => expect(Math.abs(atr[14 + i] - v), `bar ${14 + i}: expected ${v}, actual ${atr[14 + i]}`).toBeLessThanOrEqual(1e-5));
  });

  it("equals the installed technicalindicators ATR (3.1.0) to a few ulps", () => {
    const theirs = ATR.calculate({ high, low, close, period: 14 });
    const ours = wilderAtr(high, low, close, 14).slice(14);
    expect(theirs.length).toBe(ours.length);
    theirs.forEach((v, i) => expect(Math.abs(ours[i] - v)).toBeLessThanOrEqual(4 * Number.EPSILON * Math.abs(v)));
  });

  it("close-to-close: first value is the mean of the first 14 |ΔS|, then (13·ATR + TR)/14 (RS-3)", () => {
    const S = Array.from({ length: 20 }, (_, t) => 100 + (t % 3) * (t % 2 ? 1 : -1));
    const atr = wilderAtrCloseToClose(S, 14);
    const tr = S.slice(1).map((s, t) => Math.abs(s - S[t]));
    const first = tr.slice(0, 14).reduce((a, b) => a + b) / 14;
    expect(atr[14]).toBeCloseTo(first, 14);
    expect(atr[15]).toBeCloseTo((13 * first + tr[14]) / 14, 14);
  });

  it("rejects a series shorter than the period", () => {
    expect(() => wilderAtrCloseToClose([1, 2, 3], 14)).toThrow(/wilderAtr: needs 15 bars for period 14; got 3/);
  });
});
