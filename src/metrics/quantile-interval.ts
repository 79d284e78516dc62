/**
 * Sample quantiles with distribution-free 95% intervals from order statistics, and the paired
 * interval of a difference of two quantiles taken on the same paths (common random numbers).
 */
import { Z95, type Estimate } from "./intervals.ts";

/** The p-quantile of sorted values, linear between order statistics (Hyndman–Fan type 7: h = (n − 1)·p). */
export function quantileOfSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p, lo = Math.floor(h);
  return h === lo ? sorted[lo] : sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
}

/**
 * The p-quantile of `sorted` with its order-statistic interval: the ranks n·p ∓ z·√(n·p·(1 − p))
 * (the count below the true quantile is binomial(n, p), normal approximation); at p = ½ the
 * ranks of medianInterval. Values multiplied by `scale`.
 */
export function quantileInterval(sorted: Float64Array, p: number, scale = 1): Estimate {
  const n = sorted.length;
  if (n === 0) return { estimate: null, lo: null, hi: null };
  const half = Z95 * Math.sqrt(n * p * (1 - p));
  const lo = sorted[Math.max(0, Math.floor(n * p - half) - 1)];
  const hi = sorted[Math.min(n - 1, Math.ceil(n * p + half) - 1)];
  return { estimate: quantileOfSorted(sorted, p) * scale, lo: lo * scale, hi: hi * scale };
}

/**
 * q̂_p(a) − q̂_p(b) for paired samples a_i, b_i (the same paths), with its paired and unpaired
 * 95% half-widths. By Bahadur's representation q̂ − q ≈ (p − F̂(q))/f(q), so
 * Var(q̂_a − q̂_b) = se_a² + se_b² − 2ρ·se_a·se_b, with ρ the correlation of the indicators
 * [a ≤ q_a] and [b ≤ q_b] (estimated from the pairs) and se = sqrt(p(1 − p)/n)/f(q) estimated from
 * the width of each quantile's order-statistic interval (hi − lo)/(2z), as in Siddiqui's estimate of 1/f.
 *
 * @param sortedA, sortedB a and b sorted ascending, when the caller has them (not checked), so they are not sorted again
 * @returns null when either sample is empty or the lengths differ
 */
export function pairedQuantileDifference(
  a: Float64Array, b: Float64Array, p: number,
  sortedA = Float64Array.from(a).sort(), sortedB = Float64Array.from(b).sort(),
): { estimate: number; paired: number; unpaired: number } | null {
  const n = a.length;
  if (n === 0 || b.length !== n) return null;
  const sa = sortedA, sb = sortedB;
  const ea = quantileInterval(sa, p), eb = quantileInterval(sb, p);
  const qa = ea.estimate!, qb = eb.estimate!;
  const seA = (ea.hi! - ea.lo!) / (2 * Z95), seB = (eb.hi! - eb.lo!) / (2 * Z95);
  let both = 0;
  for (let i = 0; i < n; i++) if (a[i] <= qa && b[i] <= qb) both++;
  const rho = Math.max(-1, Math.min(1, (both / n - p * p) / (p * (1 - p))));
  const variance = Math.max(0, seA * seA + seB * seB - 2 * rho * seA * seB);
  return { estimate: qa - qb, paired: Z95 * Math.sqrt(variance), unpaired: Z95 * Math.hypot(seA, seB) };
}
