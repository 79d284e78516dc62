/**
 * Non-dominated set with intervals (issue 15, item 4): points to be minimised on every
 * coordinate, each coordinate an estimate with a 95% half-width.
 *
 * Rule: p dominates q when p is at least as good as q on every coordinate by the estimates
 * (p_c ≤ q_c for all c, < for one: ordinary Pareto domination) AND p is significantly better on
 * at least one coordinate: the upper 95% bound of p_c − q_c is < 0. The bound's half-width is
 * the smaller of two valid (conservative) bounds on the difference's: the sum of the two
 * points' own half-widths (sd(X − Y) ≤ sd X + sd Y whatever their correlation), and, when both
 * were run against one baseline on common random numbers, the sum of their paired half-widths
 * to it (p − q = (p − b) − (q − b)). Consequences: a point is dropped only on evidence; the
 * relation is a sub-relation of Pareto domination, so it has no cycles and the front is never
 * empty; it contains the ordinary (estimate-only) Pareto front; with zero half-widths it is it.
 */

export interface FrontPoint {
  /** estimates, one per coordinate (smaller is better); null = not estimated */
  values: (number | null)[];
  /** 95% half-widths of the estimates (null or NaN = unknown) */
  half: (number | null)[];
  /** 95% half-widths of each coordinate's paired difference to a common baseline, when run against one */
  pairedHalf?: (number | null)[];
}

const width = (h: number | null | undefined) => (h === null || h === undefined || !Number.isFinite(h) ? Infinity : h);

/** The 95% half-width used for p_c − q_c (see the module comment). */
export function differenceHalfWidth(p: FrontPoint, q: FrontPoint, c: number): number {
  const own = width(p.half[c]) + width(q.half[c]);
  const paired = p.pairedHalf && q.pairedHalf ? width(p.pairedHalf[c]) + width(q.pairedHalf[c]) : Infinity;
  return Math.min(own, paired);
}

/** Does p dominate q under the rule above? (false when any estimate is missing) */
export function significantlyDominates(p: FrontPoint, q: FrontPoint): boolean {
  let strictly = false, significant = false;
  for (let c = 0; c < p.values.length; c++) {
    const a = p.values[c], b = q.values[c];
    if (a === null || b === null || !Number.isFinite(a) || !Number.isFinite(b)) return false;
    if (a > b) return false;
    if (a < b) strictly = true;
    if (a - b + differenceHalfWidth(p, q, c) < 0) significant = true;
  }
  return strictly && significant;
}

/** Indices of the points no other point dominates, and for each other point one that dominates it. */
export function significantFront(points: FrontPoint[]): { front: number[]; dominatedBy: (number | null)[] } {
  const dominatedBy = points.map((q, i) => {
    const j = points.findIndex((p, k) => k !== i && significantlyDominates(p, q));
    return j < 0 ? null : j;
  });
  return { front: dominatedBy.flatMap((d, i) => (d === null ? [i] : [])), dominatedBy };
}
