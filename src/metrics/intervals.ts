/**
 * 95% intervals for Monte Carlo estimates. Every estimate the toolkit reports is an
 * `Estimate`: the point value and its interval, in the units of the quantity.
 */
import type { Moments } from "./running-moments.ts";
import { standardError } from "./running-moments.ts";
import type { CoMoments } from "./co-moments.ts";
import { medianOfSorted } from "./median.ts";

export interface Estimate {
  estimate: number | null;
  lo: number | null;
  hi: number | null;
}

/** Two-sided 95% normal quantile. */
export const Z95 = 1.959963984540054;

/** Mean ± z·se, each value multiplied by `scale` (e.g. 1/years to annualise). */
export function meanInterval(m: Moments, scale = 1): Estimate {
  if (m.n === 0) return { estimate: null, lo: null, hi: null };
  const half = m.n > 1 ? Z95 * standardError(m) : NaN;
  return finite({ estimate: m.mean * scale, lo: (m.mean - half) * scale, hi: (m.mean + half) * scale });
}

/**
 * Wilson score interval of a proportion k/n (Wilson 1927): honest near 0 and 1,
 * where the normal interval is not.
 */
export function wilsonInterval(k: number, n: number): Estimate {
  if (n === 0) return { estimate: null, lo: null, hi: null };
  const p = k / n, z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z95 / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // the interval always holds p (exactly 0 at k = 0 and 1 at k = n); rounding alone could put
  // centre − half a few ulps above 0 when k = 0
  return { estimate: p, lo: Math.min(p, Math.max(0, centre - half)), hi: Math.max(p, Math.min(1, centre + half)) };
}

/**
 * Ratio of means ȳ/x̄ (= Σy/Σx) with a delta-method interval:
 * Var(R̂) ≈ (s_y² − 2R·s_xy + R²·s_x²) / (n·x̄²). Values multiplied by `scale`.
 */
export function ratioInterval(m: CoMoments, scale = 1): Estimate {
  if (m.n === 0 || m.meanX === 0) return { estimate: null, lo: null, hi: null };
  const r = m.meanY / m.meanX;
  const d = m.n - 1;
  const v = m.n > 1 ? (m.m2y / d - 2 * r * (m.cxy / d) + r * r * (m.m2x / d)) / (m.n * m.meanX * m.meanX) : NaN;
  const half = Z95 * Math.sqrt(Math.max(0, v));
  return finite({ estimate: r * scale, lo: (r - half) * scale, hi: (r + half) * scale });
}

/**
 * Median of `values` (sorted in place; −∞ allowed) with the distribution-free interval
 * from order statistics: ranks n/2 ∓ z·√n/2 (binomial, normal approximation).
 */
export function medianInterval(values: Float64Array, scale = 1): Estimate {
  const n = values.length;
  if (n === 0) return { estimate: null, lo: null, hi: null };
  values.sort();
  const median = medianOfSorted(values);
  const half = (Z95 * Math.sqrt(n)) / 2;
  const lo = values[Math.max(0, Math.floor(n / 2 - half) - 1)];
  const hi = values[Math.min(n - 1, Math.ceil(n / 2 + half) - 1)];
  return { estimate: median * scale, lo: lo * scale, hi: hi * scale };
}

/** An interval with unknown spread (one observation) keeps its estimate and drops the bounds. */
function finite(e: { estimate: number; lo: number; hi: number }): Estimate {
  return Number.isNaN(e.lo) || Number.isNaN(e.hi) ? { estimate: e.estimate, lo: null, hi: null } : e;
}
