/**
 * Bad input and small identities of the calibration (tiny sizes, seconds).
 */
import { describe, it, expect } from "vitest";
import { estimateProfile, MIN_OBSERVATIONS } from "../../src/calibration/market-profile.ts";
import { gpRate } from "../../src/calibration/gp-rate.ts";
import { paretoFront } from "../../src/calibration/pareto-front.ts";
import { nelderMead } from "../../src/calibration/nelder-mead.ts";
import { refineAxes, COARSE_AXES, gridPoints, schemeOf } from "../../src/calibration/scheme-grid.ts";
import type { PriceSeries } from "../../src/data/price-series.ts";

/** A deterministic price series (no randomness: a fixed chaotic sequence of returns). */
function series(n: number, withVolume: boolean): PriceSeries {
  const dates: string[] = [], close = new Float64Array(n);
  let c = 100, u = 0.3;
  for (let t = 0; t < n; t++) {
    u = 3.99 * u * (1 - u); // logistic map: bounded, aperiodic, deterministic
    c *= Math.exp(0.02 * (u - 0.5) * (t % 400 < 100 ? 3 : 1));
    close[t] = c;
    dates.push(new Date(Date.UTC(2010, 0, 1) + t * 86_400_000).toISOString().slice(0, 10));
  }
  const nan = () => new Float64Array(n).fill(NaN);
  return { file: "synthetic.csv", format: "clean", dates, lines: dates.map((_, i) => i + 2), open: nan(), high: nan(), low: nan(), close, volume: withVolume ? new Float64Array(n).fill(1e6) : nan() };
}

describe("estimateProfile bad input", () => {
  it("too short a history names the count needed", () => {
    expect(() => estimateProfile(series(200, true))).toThrow(new RegExp(`199 returns .* needs at least ${MIN_OBSERVATIONS}`));
  });
  it("no volume: depth, thinning, spread fall back to named RS-1 defaults, with warnings", () => {
    const p = estimateProfile(series(1200, false), { allowFallback: true });
    expect(p.liquidity.fit_quality.depth).toBe("default");
    expect(p.liquidity.depth).toBe(200);
    expect(p.liquidity.fit_quality.spread).toBe("default");
    expect(p.warnings.some((w) => w.includes("no usable volume"))).toBe(true);
    // readable fields the issue names
    expect(p.steps_per_year).toBe(365);
    expect(p.volatility.regimes).toHaveLength(2);
    p.volatility.transition.forEach((row) => expect(Math.abs(row[0] + row[1] - 1)).toBeLessThan(1e-12));
    expect(p.window.observations).toBe(1199);
  });
  it("overrides win and are recorded", () => {
    const p = estimateProfile(series(1200, false), { allowFallback: true, overrides: { depth: 1234, resilience: 0.1 } });
    expect(p.liquidity.depth).toBe(1234);
    expect(p.liquidity.method.depth).toBe("override");
    expect(p.liquidity.resilience).toBe(0.1);
  });
});

describe("gpRate", () => {
  it("is 1 without costs, falls with cost and rises with risk", () => {
    expect(gpRate(1e-3, 3, 0)).toBe(1);
    expect(gpRate(1e-3, 3, 1e-2)).toBeLessThan(gpRate(1e-3, 3, 1e-3));
    expect(gpRate(2e-3, 3, 1e-2)).toBeGreaterThan(gpRate(1e-3, 3, 1e-2));
  });
  it("solves the Riccati fixed point r = k/(k+Λ), k² − γσ²k − γσ²Λ = 0", () => {
    const g = 3 * 1e-3, L = 0.01, r = gpRate(1e-3, 3, L);
    const k = (r * L) / (1 - r);
    expect(Math.abs(k * k - g * k - g * L)).toBeLessThan(1e-15);
  });
});

describe("search helpers", () => {
  it("paretoFront keeps exactly the non-dominated points", () => {
    expect(paretoFront([[1, 1, 1], [2, 2, 2], [0, 3, 1], [1, 1, 1]])).toEqual([0, 2, 3]);
  });
  it("nelderMead finds the minimum of a quadratic", () => {
    const r = nelderMead((x) => (x[0] - 1) ** 2 + 10 * (x[1] + 2) ** 2, [0, 0]);
    expect(r.converged).toBe(true);
    expect(Math.abs(r.x[0] - 1)).toBeLessThan(1e-3);
    expect(Math.abs(r.x[1] + 2)).toBeLessThan(1e-3);
  });
  it("grids give unique scheme names and refinement stays in range", () => {
    for (const kind of Object.keys(COARSE_AXES) as (keyof typeof COARSE_AXES)[]) {
      const pts = gridPoints(COARSE_AXES[kind]);
      const names = pts.map((p) => schemeOf(kind, p).name);
      expect(new Set(names).size).toBe(names.length);
      if (kind === "instant") continue;
      const ref = gridPoints(refineAxes(kind, pts[Math.floor(pts.length / 2)]));
      const rn = ref.map((p) => schemeOf(kind, p).name);
      expect(new Set(rn).size).toBe(rn.length);
      for (const p of ref) for (const [k, v] of Object.entries(p)) if (k !== "eta" && k !== "beta") expect(v).toBeLessThanOrEqual(1);
    }
  });
});
