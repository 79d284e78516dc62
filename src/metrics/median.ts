/**
 * The sample median: the middle value, or the mean of the two middle values for an even
 * count. NaN for no values.
 */

/** Median of values already sorted ascending (not checked). */
export function medianOfSorted(sorted: ArrayLike<number>): number {
  const n = sorted.length, m = n >> 1;
  if (n === 0) return NaN;
  return n % 2 ? sorted[m] : 0.5 * (sorted[m - 1] + sorted[m]);
}

/** Median of any values (sorts a copy; the input is not changed). */
export function median(values: ArrayLike<number>): number {
  return medianOfSorted(Float64Array.from(values).sort());
}
