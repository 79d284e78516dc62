/**
 * Test helper: "the truth lies inside the estimator's own interval", simultaneously for a family.
 * Several separate 95% intervals miss at least one truth on a good share of seeds, so the tests
 * ask for simultaneous 95% coverage of six (Bonferroni): each interval at 1 − 0.05/6,
 * z = Φ⁻¹(1 − 0.025/6) = 2.638, by widening it in the scale regime-fit.ts builds it in (log,
 * logit or linear) by 2.638/1.96.
 */
import { expect } from "vitest";

const Z_FAMILY = 2.638;
export const log = { to: Math.log, from: Math.exp };
export const logit = { to: (p: number) => Math.log(p / (1 - p)), from: (v: number) => 1 / (1 + Math.exp(-v)) };
export const linear = { to: (v: number) => v, from: (v: number) => v };
/** ν = 2 + e^θ */
export const logNu = { to: (v: number) => Math.log(v - 2), from: (v: number) => 2 + Math.exp(v) };

export function inside(truth: number, i: { lo: number; hi: number } | null, scale: typeof log, what = "parameter"): void {
  expect(i, `${what}: interval must exist`).not.toBeNull();
  const a = scale.to(i!.lo), b = scale.to(i!.hi), half = ((b - a) / 2) * (Z_FAMILY / 1.96);
  const lo = scale.from((a + b) / 2 - half), hi = scale.from((a + b) / 2 + half);
  if (!(truth >= lo && truth <= hi)) throw new Error(`${what}: true ${truth} outside the simultaneous 95% interval [${lo}, ${hi}] (separate 95%: [${i!.lo}, ${i!.hi}])`);
}
