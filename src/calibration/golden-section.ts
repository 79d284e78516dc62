/**
 * Golden-section search on a bracket [a, b] of a 1-D parameter, in log space (rates span
 * decades), stepped one evaluation at a time so the caller can batch the steps of several
 * searches into one engine run. The caller compares the two interior points on common random
 * numbers (the paired objective), so the search's noise is the paired difference's, not the
 * two estimates' separate noise. Each step shrinks the bracket by 1/φ ≈ 0.618 (in log).
 */
export const INV_PHI = (Math.sqrt(5) - 1) / 2;

export interface GoldenBracket { a: number; b: number; c: number; d: number }

/** The bracket of log-values [ln lo, ln hi] with its two interior points. */
export function goldenStart(lo: number, hi: number): GoldenBracket {
  if (!(lo > 0 && hi >= lo)) throw new RangeError(`goldenStart: bracket must satisfy 0 < lo ≤ hi; got [${lo}, ${hi}]`);
  const a = Math.log(lo), b = Math.log(hi);
  return { a, b, c: b - INV_PHI * (b - a), d: a + INV_PHI * (b - a) };
}

/**
 * The next bracket after comparing the interior points: when c is better keep [a, d] (d ← c,
 * new c), else keep [c, b] (c ← d, new d). Returns it and the new point (in log) to evaluate.
 */
export function goldenStep(g: GoldenBracket, cBetter: boolean): { bracket: GoldenBracket; next: number } {
  if (cBetter) {
    const b = g.d, d = g.c, c = b - INV_PHI * (b - g.a);
    return { bracket: { a: g.a, b, c, d }, next: c };
  }
  const a = g.c, c = g.d, d = a + INV_PHI * (g.b - a);
  return { bracket: { a, b: g.b, c, d }, next: d };
}
