import { medianOfSorted } from "../metrics/median.ts";

/**
 * Isolated-spike detector: a close whose log move in and out both exceed k robust standard
 * deviations, in opposite directions, and nearly cancel — a bad print, not a crash.
 *
 * Method: r_t = ln(c_t/c_{t−1}); local scale s_t = 1.4826·MAD of the returns in a centred
 * window of `window` returns; flag row t when |r_t| and |r_{t+1}| both exceed max(k·s_t, minMove),
 * sign r_t ≠ sign r_{t+1} and |r_t + r_{t+1}| < 0.2·min(|r_t|, |r_{t+1}|) (the price comes back).
 * Example: USDJPY 2008-12-08, 92.82 → 109.24 → 92.30 (+16%, −17%).
 * Kept: real crashes that do not reverse (BTC 2020-03-12, −37%), crash-and-partial-rebound
 * (N225 2024-08-05, −12% then +10%), and bid–ask bounce in minute bars (below minMove).
 *
 * @param close positive closes, ascending dates
 * @param minMove smallest |log move| that can be a spike (default 0.03)
 * @returns indices of flagged rows
 */
export function detectSpikes(close: ArrayLike<number>, k = 8, minMove = 0.03, window = 101): number[] {
  const n = close.length;
  if (n < 4) return [];
  const r = new Float64Array(n - 1);
  for (let t = 1; t < n; t++) r[t - 1] = Math.log(close[t] / close[t - 1]);
  const flagged: number[] = [];
  const half = Math.floor(window / 2);
  for (let i = 0; i + 1 < r.length; i++) {
    const a = r[i], b = r[i + 1];
    if (!(Math.sign(a) !== Math.sign(b) && Math.abs(a + b) < 0.2 * Math.min(Math.abs(a), Math.abs(b)))) continue;
    if (Math.abs(a) < minMove || Math.abs(b) < minMove) continue;
    const s = robustScale(r, Math.max(0, i - half), Math.min(r.length, i + half + 1));
    if (Math.abs(a) > k * s && Math.abs(b) > k * s) flagged.push(i + 1); // row of the bad close
  }
  return flagged;
}

/** 1.4826·median(|x − median x|) over x[lo, hi): a consistent σ estimate for normal data. */
export function robustScale(x: ArrayLike<number>, lo: number, hi: number): number {
  const v = Array.from({ length: hi - lo }, (_, i) => x[lo + i]).sort((p, q) => p - q);
  const med = medianOfSorted(v);
  const dev = v.map((u) => Math.abs(u - med)).sort((p, q) => p - q);
  return 1.4826 * medianOfSorted(dev);
}
