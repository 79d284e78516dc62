/**
 * Pareto front (non-dominated set) of points to be minimised on every coordinate:
 * p dominates q when p ≤ q everywhere and p < q somewhere. O(n²), n ≤ a few hundred.
 */
export function paretoFront(points: number[][]): number[] {
  const keep: number[] = [];
  for (let i = 0; i < points.length; i++) {
    const q = points[i];
    const dominated = points.some((p, j) => j !== i && p.every((v, d) => v <= q[d]) && p.some((v, d) => v < q[d]));
    if (!dominated) keep.push(i);
  }
  return keep;
}
