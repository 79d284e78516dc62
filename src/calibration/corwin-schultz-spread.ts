/**
 * Bid–ask spread from daily highs and lows (Corwin & Schultz 2012, J. Finance 67(2), 719–760),
 * the paper's estimator:
 *
 *   overnight adjustment: if L_{t+1} > C_t, shift H_{t+1}, L_{t+1} down by L_{t+1} − C_t; if
 *   H_{t+1} < C_t, shift them up by C_t − H_{t+1} (a move while the market was closed is not spread);
 *   β = Σ_{j=0,1} ln²(H_{t+j}/L_{t+j}),  γ = ln²(max(H_t,H_{t+1}) / min(L_t,L_{t+1})),
 *   α = (√(2β) − √β)/(3 − 2√2) − √(γ/(3 − 2√2)),  S = 2(e^α − 1)/(1 + e^α),
 *
 * negative two-day estimates set to 0, then the mean (the paper averages the clipped two-day
 * estimates over a month; here over the selected days). Not informative when the mean of the
 * unclipped estimates is not above twice its standard error (×√2 for the overlap of
 * consecutive pairs), or when clipping more than doubles it: the high–low range is then
 * volatility, not spread, and the clipped mean is an upper bound shaped by the clipping.
 * Bars with O = H = L = C (close-only history) or missing H/L are skipped.
 * Units: full relative spread (0.001 = 10 bps).
 */

export interface CorwinSchultz {
  /** mean of the clipped two-day estimates */
  spread: number;
  pairs: number;
  /** share of two-day estimates below 0 (set to 0) */
  negative_share: number;
  /** mean of the unclipped estimates and its standard error (overlap-adjusted) */
  raw_mean: number; raw_se: number;
  informative: boolean;
}

/** @returns the estimate, or null below 20 usable two-day pairs */
export function corwinSchultzSpread(high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>, select?: (t: number) => boolean): CorwinSchultz | null {
  const k = 3 - 2 * Math.SQRT2;
  const raw: number[] = [];
  for (let t = 0; t + 1 < high.length; t++) {
    const h0 = high[t], l0 = low[t], c0 = close[t];
    let h1 = high[t + 1], l1 = low[t + 1];
    if (!(h0 > l0 && l0 > 0 && h1 > l1 && l1 > 0) || (select && !select(t))) continue;
    if (c0 > 0 && l1 > c0) { h1 -= l1 - c0; l1 = c0; }
    else if (c0 > 0 && h1 < c0) { l1 += c0 - h1; h1 = c0; }
    const beta = Math.log(h0 / l0) ** 2 + Math.log(h1 / l1) ** 2;
    const gamma = Math.log(Math.max(h0, h1) / Math.min(l0, l1)) ** 2;
    const alpha = (Math.sqrt(2 * beta) - Math.sqrt(beta)) / k - Math.sqrt(gamma / k);
    raw.push((2 * (Math.exp(alpha) - 1)) / (1 + Math.exp(alpha)));
  }
  const n = raw.length;
  if (n < 20) return null;
  const mean = raw.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(raw.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  const se = (sd / Math.sqrt(n)) * Math.SQRT2;
  const spread = raw.reduce((a, b) => a + Math.max(0, b), 0) / n;
  return {
    spread, pairs: n, negative_share: raw.filter((s) => s < 0).length / n, raw_mean: mean, raw_se: se,
    informative: mean > 2 * se && spread <= 2 * mean,
  };
}
