/**
 * The liquidity scheme (domain.md P4) reads by default the depth a trader can infer from the
 * volatility estimate, K̂/(κ₀E₀) = min(1, (σ₀/σ̂_t)^α); with "observes": "regime" the hidden
 * regime's depth, as RS-1's reference results are defined.
 */
import { describe, expect, it } from "vitest";
import * as L from "../../assembly/pacing/layout.ts";
import fc from "fast-check";
import { simulate, gbmMarket } from "./helpers.ts";
import { logSingle } from "../../src/math/log-single.ts";

const T = 400, sigma0 = 0.5, alpha = 1.5;
// a target that jumps between 2 and −1 every step, so every step trades a large gap g = L* − ℓ
const series = Array.from({ length: T + 1 }, (_, t) => (t % 2 ? 2 : -1));

/** The pacing rate each step used, read back from the trace: L_t = ℓ + λ_t·(L*_t − ℓ), ℓ = L_{t−1}(1 + R)/(1 + L_{t−1}R). */
function ratesOf(observes: "estimate" | "regime") {
  const run = simulate({
    market: { ...gbmMarket(0, sigma0), regimes: [{ sigma: sigma0 }] }, target: { kind: "series", values: series },
    costs: { kind: "none", thinning: alpha }, schemes: [{ name: "liq", kind: "liquidity", lambdaMax: 0.5, observes }],
    ruinBarrier: 0, horizonSteps: T, paths: 2, seed: 5,
  }, 2);
  const rows: { rate: number; sigmaHat: number }[] = [];
  for (let t = 2; t <= T; t++) {
    const row = run.traceRow(0, t), prev = run.traceRow(0, t - 1);
    const R = Math.expm1(row[3] - prev[3]), before = prev[L.TRACE_FIXED];
    const ell = (before * (1 + R)) / (1 + before * R);
    rows.push({ rate: (row[L.TRACE_FIXED] - ell) / (row[0] - ell), sigmaHat: row[2] });
  }
  return rows;
}

describe("liquidity scheme: what it observes", () => {
  it("by default paces at λ_max·min(1, (σ₀/σ̂_t)^α), with σ̂_t the estimate after the step's return", () => {
    const rows = ratesOf("estimate");
    let worst = 0, thin = 0;
    for (const { rate, sigmaHat } of rows) {
      const expected = 0.5 * Math.min(1, (sigma0 / sigmaHat) ** alpha);
      worst = Math.max(worst, Math.abs(rate - expected));
      if (expected < 0.45) thin++;
    }
    expect(worst).toBeLessThan(1e-4); // f32 engine
    expect(thin).toBeGreaterThan(20); // the estimate did thin the book on some steps
  });

  it('with "observes": "regime" paces at λ_max·min(1, K_regime/(κ₀E₀)) = λ_max in a market of one regime', () => {
    for (const { rate } of ratesOf("regime")) expect(Math.abs(rate - 0.5)).toBeLessThan(1e-4);
  });
});

describe("logSingle (the kernel's f32 ln, twin of assembly/math/log-lanes.ts)", () => {
  it("is within 2 f32 ulps of ln x over normal positive floats", () => {
    fc.assert(fc.property(fc.float({ min: Math.fround(1e-30), max: Math.fround(1e30), noNaN: true }), (x) => {
      const exact = Math.log(x), ulp = 2 ** (Math.floor(Math.log2(Math.max(Math.abs(exact), 2 ** -126))) - 23);
      return Math.abs(logSingle(x) - exact) <= 2 * ulp + 1e-45;
    }), { numRuns: 5000 });
    expect(logSingle(1)).toBe(0);
    expect(logSingle(Math.fround(Math.E))).toBeCloseTo(1, 6);
  });
});
