/**
 * Expected shortfall (CVaR) of the lower tail: the mean of the worst share α of outcomes, with a
 * 95% interval from its influence function, and the paired interval of a difference of two.
 *
 * Estimator (Acerbi & Tasche 2002): with x_(1) ≤ … ≤ x_(n) and k = α·n,
 * ES = (Σ_{i ≤ ⌊k⌋} x_(i) + (k − ⌊k⌋)·x_(⌊k⌋+1)) / k.
 * Interval: ES is asymptotically normal with variance Var(φ(X))/n, where
 * φ(x) = q + min(x − q, 0)/α − ES is its influence function and q the α-quantile (VaR);
 * Var(φ) is estimated from the paths. For two samples on the same paths, φ_a − φ_b per path
 * gives the paired variance (delta method).
 */
import { Z95, type Estimate } from "./intervals.ts";
import { addMoment, emptyMoments, standardError } from "./running-moments.ts";

interface Shortfall { es: number; q: number; sorted: Float64Array }

function shortfall(values: Float64Array, alpha: number, sorted = Float64Array.from(values).sort()): Shortfall {
  const n = sorted.length;
  const k = alpha * n, whole = Math.floor(k);
  let sum = 0;
  for (let i = 0; i < whole; i++) sum += sorted[i];
  if (k > whole) sum += (k - whole) * sorted[whole];
  return { es: sum / k, q: sorted[Math.min(n - 1, Math.max(0, Math.ceil(k) - 1))], sorted };
}

/** φ(x) = q + min(x − q, 0)/α − ES, the influence function of the α expected shortfall. */
function influence(x: number, s: Shortfall, alpha: number): number {
  return s.q + Math.min(x - s.q, 0) / alpha - s.es;
}

/**
 * The α expected shortfall (lower tail) of `values` with its 95% interval.
 * @param alpha  tail share in (0, 1), e.g. 0.05
 * @param sorted `values` sorted ascending, when the caller has them (not checked), so they are not sorted again
 */
export function expectedShortfall(values: Float64Array, alpha: number, sorted?: Float64Array): Estimate {
  if (values.length < 2 || !(alpha * values.length >= 1)) return { estimate: null, lo: null, hi: null };
  const s = shortfall(values, alpha, sorted);
  const m = emptyMoments();
  for (let i = 0; i < values.length; i++) addMoment(m, influence(values[i], s, alpha));
  const half = Z95 * standardError(m);
  return { estimate: s.es, lo: s.es - half, hi: s.es + half };
}

/**
 * ES_α(a) − ES_α(b) on the same paths, with its paired and unpaired 95% half-widths; null when undefined.
 * `sortedA`, `sortedB`: a and b sorted ascending, when the caller has them (not checked).
 */
export function pairedShortfallDifference(a: Float64Array, b: Float64Array, alpha: number, sortedA?: Float64Array, sortedB?: Float64Array): { estimate: number; paired: number; unpaired: number } | null {
  const n = a.length;
  if (n < 2 || b.length !== n || !(alpha * n >= 1)) return null;
  const sa = shortfall(a, alpha, sortedA), sb = shortfall(b, alpha, sortedB);
  const ma = emptyMoments(), mb = emptyMoments(), md = emptyMoments();
  for (let i = 0; i < n; i++) {
    const fa = influence(a[i], sa, alpha), fb = influence(b[i], sb, alpha);
    addMoment(ma, fa); addMoment(mb, fb); addMoment(md, fa - fb);
  }
  return { estimate: sa.es - sb.es, paired: Z95 * standardError(md), unpaired: Z95 * Math.hypot(standardError(ma), standardError(mb)) };
}
