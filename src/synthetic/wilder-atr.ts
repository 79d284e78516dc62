/**
 * Wilder's average true range (domain.md (G5)), convention pinned to the `technicalindicators`
 * npm package (its published ATR test vector is reproduced in test/synthetic/wilder-atr.test.ts):
 * - TR_t = max(H_t − L_t, |H_t − C_{t−1}|, |L_t − C_{t−1}|) for t ≥ 1 (no TR on the first bar);
 * - the first ATR, at bar `period`, is the mean of TR_1 … TR_period;
 * - then ATR_t = ((period − 1)·ATR_{t−1} + TR_t)/period.
 * Units: price units per bar. Bars before `period` are NaN.
 */
import { fail } from "../errors.ts";

/**
 * ATR from high/low/close bars.
 * @throws RangeError when lengths differ, period < 1, or there are fewer than period + 1 bars
 */
export function wilderAtr(high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>, period = 14): Float64Array {
  if (high.length !== low.length || low.length !== close.length) fail(RangeError, "wilderAtr", `high ${high.length}, low ${low.length}, close ${close.length} bars`, "pass equally long series");
  const tr = new Float64Array(close.length);
  for (let t = 1; t < close.length; t++) tr[t] = Math.max(high[t] - low[t], Math.abs(high[t] - close[t - 1]), Math.abs(low[t] - close[t - 1]));
  return smoothTrueRange(tr, period);
}

/**
 * ATR with close-to-close true range TR_t = |S_t − S_{t−1}| (RS-3: a ratio's intraday range
 * cannot be derived from its legs' bars).
 * @throws RangeError when period < 1 or there are fewer than period + 1 closes
 */
export function wilderAtrCloseToClose(close: ArrayLike<number>, period = 14): Float64Array {
  const tr = new Float64Array(close.length);
  for (let t = 1; t < close.length; t++) tr[t] = Math.abs(close[t] - close[t - 1]);
  return smoothTrueRange(tr, period);
}

function smoothTrueRange(tr: Float64Array, period: number): Float64Array {
  if (!Number.isInteger(period) || period < 1) fail(RangeError, "wilderAtr: period", `must be a positive integer; got ${period}`, "use 14 to 21 (domain.md (G5))");
  if (tr.length < period + 1) fail(RangeError, "wilderAtr", `needs ${period + 1} bars for period ${period}; got ${tr.length}`, "use a longer series or a shorter period");
  const atr = new Float64Array(tr.length).fill(NaN);
  let s = 0;
  for (let t = 1; t <= period; t++) s += tr[t];
  atr[period] = s / period;
  for (let t = period + 1; t < tr.length; t++) atr[t] = ((period - 1) * atr[t - 1] + tr[t]) / period;
  return atr;
}
