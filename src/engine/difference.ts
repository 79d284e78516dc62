/**
 * A difference scheme − baseline on common random numbers: the estimate, its paired 95%
 * interval and the interval independent runs would give (unpaired).
 */
import { standardError, type Moments } from "../metrics/running-moments.ts";
import { Z95 } from "../metrics/intervals.ts";

/** A scheme minus the baseline: the estimate, its paired 95% interval on common random numbers, and the unpaired interval independent runs would give. */
export interface Difference {
  estimate: number | null;
  paired: { lo: number | null; hi: number | null };
  unpaired: { lo: number | null; hi: number | null };
}

const NONE: Difference = { estimate: null, paired: { lo: null, hi: null }, unpaired: { lo: null, hi: null } };

/**
 * The difference from an estimate and its two 95% half-widths, each value multiplied by `scale`;
 * a bound that is not finite (unknown spread) is null.
 */
export function intervalDifference(estimate: number, pairedHalf: number, unpairedHalf: number, scale = 1): Difference {
  const bound = (x: number) => (Number.isFinite(x) ? x * scale : null);
  return {
    estimate: estimate * scale,
    paired: { lo: bound(estimate - pairedHalf), hi: bound(estimate + pairedHalf) },
    unpaired: { lo: bound(estimate - unpairedHalf), hi: bound(estimate + unpairedHalf) },
  };
}

/**
 * The mean of per-path differences (`paired`), its paired half-width z·se, and the unpaired one
 * z·√(se_a² + se_b²) from the two schemes' own standard errors.
 */
export function momentDifference(paired: Moments, seA: number, seB: number, scale: number): Difference {
  if (paired.n === 0) return NONE;
  const hp = paired.n > 1 ? Z95 * standardError(paired) : NaN;
  return intervalDifference(paired.mean, hp, Z95 * Math.sqrt(seA * seA + seB * seB), scale);
}

/** A difference that could not be formed (no paths). */
export function noDifference(): Difference {
  return structuredClone(NONE);
}
