/**
 * Order statistics without a full sort: the values of rank k₁ < k₂ < … (0-based) of a sample,
 * each what `sorted[k]` would be. Quickselect (Hoare's partition, median-of-three pivot) finds
 * the smallest rank in the whole array, then each next rank in the part to the right of the
 * previous one: expected O(n) per rank instead of O(n log n) for the sort. The equity fan asks
 * five quantiles of each of thousands of 200-path columns, where sorting each column took
 * most of the report's preparation.
 */

/**
 * The values of ranks `ranks` (0-based, non-decreasing, each in [0, n)) of `values`, as a full
 * ascending sort would place them. `values` is reordered in place (partially sorted).
 * A NaN is ranked last, as TypedArray sort ranks it (the values then are sorted outright);
 * −0 and +0 count as equal, so either may be returned for a rank where both occur.
 * @throws RangeError when the ranks are not non-decreasing integers in [0, n)
 */
export function orderStatistics(values: Float64Array, ranks: readonly number[]): number[] {
  const n = values.length;
  ranks.forEach((k, i) => {
    if (!Number.isInteger(k) || k < 0 || k >= n || (i > 0 && k < ranks[i - 1])) {
      throw new RangeError(`orderStatistics: ranks must be integers in [0, ${n}) in ascending order; got [${ranks.join(", ")}] — pass them smallest first`);
    }
  });
  if (values.some(Number.isNaN)) {
    values.sort();
    return ranks.map((k) => values[k]);
  }
  let left = 0;
  return ranks.map((k) => {
    if (k < left) return values[k]; // the rank just found again
    const v = select(values, left, n - 1, k);
    left = k + 1;
    return v;
  });
}

/**
 * The value of rank k within a[left..right] (no NaN), leaving a[left..k) ≤ a[k] ≤ a(k..right].
 */
function select(a: Float64Array, left: number, right: number, k: number): number {
  while (right > left) {
    const pivot = medianOfThree(a[left], a[(left + right) >> 1], a[right]);
    let i = left, j = right;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i]; a[i] = a[j]; a[j] = t;
        i++; j--;
      }
    }
    if (k <= j) right = j; // a[left..j] ≤ pivot ≤ a[i..right], and a(j..i) = pivot
    else if (k >= i) left = i;
    else return a[k];
  }
  return a[k];
}

function medianOfThree(x: number, y: number, z: number): number {
  return x < y ? (y < z ? y : x < z ? z : x) : (x < z ? x : y < z ? z : y);
}
