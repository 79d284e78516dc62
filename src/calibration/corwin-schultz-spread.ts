/**
 * Bid–ask spread from daily highs and lows (Corwin & Schultz 2012, J. Finance 67(2), 719–760):
 *
 *   β = Σ_{j=0,1} ln²(H_{t+j}/L_{t+j}),  γ = ln²(max(H_t,H_{t+1}) / min(L_t,L_{t+1})),
 *   α = (√(2β) − √β)/(3 − 2√2) − √(γ/(3 − 2√2)),  S = 2(e^α − 1)/(1 + e^α),
 *
 * negative two-day estimates set to 0 (the authors' convention), then the median.
 * Bars with O = H = L = C (close-only history) or missing H/L are skipped.
 * Units: full relative spread (0.001 = 10 bps).
 */
import { median } from "../metrics/median.ts";

/** @returns the median spread and the number of two-day pairs used, or null below 20 pairs */
export function corwinSchultzSpread(high: ArrayLike<number>, low: ArrayLike<number>, select?: (t: number) => boolean): { spread: number; pairs: number } | null {
  const k = 3 - 2 * Math.SQRT2;
  const out: number[] = [];
  for (let t = 0; t + 1 < high.length; t++) {
    const h0 = high[t], l0 = low[t], h1 = high[t + 1], l1 = low[t + 1];
    if (!(h0 > l0 && l0 > 0 && h1 > l1 && l1 > 0) || (select && !select(t))) continue;
    const beta = Math.log(h0 / l0) ** 2 + Math.log(h1 / l1) ** 2;
    const gamma = Math.log(Math.max(h0, h1) / Math.min(l0, l1)) ** 2;
    const alpha = (Math.sqrt(2 * beta) - Math.sqrt(beta)) / k - Math.sqrt(gamma / k);
    const s = (2 * (Math.exp(alpha) - 1)) / (1 + Math.exp(alpha));
    out.push(Math.max(0, s));
  }
  return out.length >= 20 ? { spread: median(out), pairs: out.length } : null;
}
