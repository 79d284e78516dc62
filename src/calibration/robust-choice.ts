/**
 * The robust choice among a kind's candidate parameters (issue 15, item 6, `--robust`): each
 * candidate has its objective and ruin on every draw of the fitted parameters; its worst
 * decile is the 90th percentile over the draws of each (both are minimised; Hyndman–Fan type
 * 7). The choice is the candidate whose worst-decile objective is least among those whose
 * worst-decile ruin is ≤ p_max; when none is, the one with the least worst-decile ruin (ties:
 * least worst-decile objective). A missing value counts as the worst (+∞).
 */
import { quantileOfSorted } from "../metrics/quantile-interval.ts";

export interface Spread { q10: number; q50: number; q90: number; min: number; max: number }

/** Per-draw values of one candidate. */
export interface DrawValues { objective: (number | null)[]; ruin: (number | null)[] }

/** The quantiles of `values` over the draws (null counts as +∞). */
export function spreadOf(values: (number | null)[]): Spread {
  const sorted = Float64Array.from(values, (v) => (v === null || Number.isNaN(v) ? Infinity : v)).sort();
  return { q10: quantileOfSorted(sorted, 0.1), q50: quantileOfSorted(sorted, 0.5), q90: quantileOfSorted(sorted, 0.9), min: sorted[0] ?? NaN, max: sorted[sorted.length - 1] ?? NaN };
}

/** The 90th percentile over the draws: the value in the worst decile. */
export function worstDecile(values: (number | null)[]): number {
  return spreadOf(values).q90;
}

/** Index of the robust choice among `candidates` (see the module comment). */
export function robustChoice(candidates: DrawValues[], maxRuin: number): number {
  const scored = candidates.map((c, i) => ({ i, obj: worstDecile(c.objective), ruin: worstDecile(c.ruin) }));
  const feasible = scored.filter((s) => s.ruin <= maxRuin);
  const pool = feasible.length ? feasible : scored;
  const key = feasible.length ? (s: (typeof scored)[number]) => [s.obj, s.ruin] : (s: (typeof scored)[number]) => [s.ruin, s.obj];
  return pool.reduce((a, b) => {
    const ka = key(a), kb = key(b);
    return kb[0] < ka[0] || (kb[0] === ka[0] && kb[1] < ka[1]) ? b : a;
  }).i;
}
