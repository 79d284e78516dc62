/**
 * The domain of every scheme parameter the pacing search tunes, and the log-step extension of
 * a grid axis whose best value sits on its edge (issue 15, item 3). Rates that are fractions
 * of the gap closed per step live in (0, 1]; the floor 1e-4 is a half-life of ~6,900 steps,
 * longer than any horizon the calibration runs (so slower is indistinguishable from frozen).
 * The rate cap η (leverage per step) is capped at 10 (beyond any target's one-step move at a
 * leverage cap ≤ 10); the volatility sensitivity β lives in [0, 100].
 */
export const PARAMETER_DOMAINS: Record<string, [number, number]> = {
  eta: [1e-4, 10], lambda: [1e-4, 1], lambdaMax: [1e-4, 1], c: [1e-4, 1],
  beta: [0, 100], lambdaUp: [1e-4, 1], lambdaDown: [1e-4, 1],
};

/** The domain of `name`; throws naming the parameter when it has none. */
export function domainOf(name: string): [number, number] {
  const d = PARAMETER_DOMAINS[name];
  if (!d) throw new Error(`search-domain: no domain for parameter '${name}' — add it to PARAMETER_DOMAINS`);
  return d;
}

/** True when `v` is at (or within 1e-9 relative of) an end of `name`'s domain. */
export function atDomainEdge(name: string, v: number): boolean {
  const [lo, hi] = domainOf(name);
  return Math.abs(v - lo) <= 1e-9 * Math.max(1, Math.abs(lo)) || Math.abs(v - hi) <= 1e-9 * Math.max(1, hi);
}

/**
 * The next value beyond `best` on an axis whose evaluated values are `values`, or null when
 * `best` is interior or already at the domain's edge. The step is twice the axis' log step at
 * that end (the ratio of its two outermost values, squared; ×10 next to 0), clamped to the
 * domain: repeated extensions double their step, so a few reach the domain's edge.
 */
export function extensionBeyond(name: string, values: number[], best: number): number | null {
  const [lo, hi] = domainOf(name);
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  const r4 = (v: number) => +v.toPrecision(4);
  if (sorted.length < 2) return null;
  if (best === sorted[0] && best > lo) {
    const ratio = sorted[1] > 0 && best > 0 ? (sorted[1] / best) ** 2 : 10;
    return best > 0 ? r4(Math.max(lo, best / ratio)) : null;
  }
  const n = sorted.length;
  if (best === sorted[n - 1] && best < hi) {
    const ratio = sorted[n - 2] > 0 ? (best / sorted[n - 2]) ** 2 : 10;
    return r4(Math.min(hi, best * ratio));
  }
  return null;
}
