/**
 * Parameter grids per scheme kind for the pacing search: a coarse grid (~20 points per kind,
 * log-spaced rates so slow and fast regimes get equal attention) and a local refinement
 * around a chosen point (the geometric midpoints to its neighbours, per dimension).
 */
import type { SchemeConfig } from "../scenario/scenario-schema.ts";

export type SchemeKind = Exclude<SchemeConfig["kind"], "gp" | "ac" | "jump-guard">; // the heuristics the search tunes
export const SCHEME_KINDS: SchemeKind[] = ["instant", "rate", "ema", "vol", "liquidity", "asymmetric"];

/** n log-spaced values from a to b. */
export function logSpace(a: number, b: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => a * Math.pow(b / a, n === 1 ? 0 : i / (n - 1)));
}

const r4 = (v: number) => +v.toPrecision(4);

/** Per kind, the axes of its parameter grid (parameter name → coarse values). */
export const COARSE_AXES: Record<SchemeKind, Record<string, number[]>> = {
  instant: {},
  rate: { eta: logSpace(0.005, 2, 20).map(r4) },
  ema: { lambda: logSpace(0.005, 1, 20).map(r4) },
  vol: { c: logSpace(0.02, 1, 5).map(r4), beta: [0, 1, 3, 10] },
  liquidity: { lambdaMax: logSpace(0.005, 1, 20).map(r4) },
  asymmetric: { lambdaUp: logSpace(0.01, 1, 5).map(r4), lambdaDown: logSpace(0.03, 1, 4).map(r4) },
};

export type Params = Record<string, number>;

/** The scheme config named `kind@k=v,…`. */
export function schemeOf(kind: SchemeKind, params: Params): SchemeConfig {
  const name = kind + (Object.keys(params).length ? "@" + Object.entries(params).map(([k, v]) => `${k}=${+v.toPrecision(4)}`).join(",") : "");
  return { name, kind, ...params } as SchemeConfig;
}

/** Cartesian product of the axes. */
export function gridPoints(axes: Record<string, number[]>): Params[] {
  let out: Params[] = [{}];
  for (const [k, vals] of Object.entries(axes)) out = out.flatMap((p) => vals.map((v) => ({ ...p, [k]: v })));
  return out;
}

/**
 * Refinement axes around `at`: per parameter, the point and the midpoints to its coarse
 * neighbours (geometric for positive values, arithmetic next to 0); `points` per 1-D axis.
 * Rates stay in (0, 1]. `axes` defaults to the coarse grid (pass the extended one after an extension).
 */
export function refineAxes(kind: SchemeKind, at: Params, points1d = 7, axes: Record<string, number[]> = COARSE_AXES[kind]): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  const dims = Object.keys(axes).length;
  for (const [k, axis] of Object.entries(axes)) {
    const vals = [...axis].sort((a, b) => a - b);
    const i = vals.indexOf(at[k]);
    const lo = vals[Math.max(0, i - 1)], hi = vals[Math.min(vals.length - 1, i + 1)];
    const cap = k === "eta" || k === "beta" ? Infinity : 1;
    const mid = (a: number, b: number) => (a > 0 && b > 0 ? Math.sqrt(a * b) : (a + b) / 2);
    const pts = dims === 1 ? (lo > 0 ? logSpace(lo, hi, points1d) : [lo, hi]) : [mid(lo, at[k]), mid(at[k], hi)];
    // 4 significant digits: the scheme name shows them, so equal names mean equal values
    out[k] = [...new Set([...pts, at[k]].map((v) => +Math.min(cap, v).toPrecision(4)))].sort((a, b) => a - b);
  }
  return out;
}
