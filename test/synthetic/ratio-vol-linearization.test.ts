import { describe, expect, it } from "vitest";
import { runGrid } from "../../studies/ratio-vol-linearization.ts";

describe("delta method vs exact ratio volatility (G3)", () => {
  const cells = runGrid({ out: "", paths: 2000, seed: 7, horizons: [1 / 252, 21 / 252, 1], sigmaA: [0.3], sigmaB: 0.15, rhos: [0.5] });

  it("converges to the exact and the log-ratio sd as the horizon shrinks", () => {
    const err = cells.map((c) => Math.abs(c.relErrExact));
    expect(err[0]).toBeLessThan(err[1]);
    expect(err[1]).toBeLessThan(err[2]);
    expect(err[0]).toBeLessThan(1e-3);
    expect(Math.abs(cells[0].relErrLog)).toBeLessThan(1e-3);
  });

  it("the exact sd lies within the run's own Monte Carlo interval (seeded)", () => {
    for (const c of cells) {
      const half = (c.mc.hi - c.mc.lo) / 2;
      expect(Math.abs(c.exact - c.mc.estimate)).toBeLessThan(2 * half); // ≈ 4 standard errors
    }
  });
});
