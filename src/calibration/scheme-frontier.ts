/**
 * One frontier across scheme kinds (issue 15, item 4). Each kind's parameter traces a curve
 * (its coarse and extended grid points, and its recommended point) in four coordinates: the
 * search's objective (maximised for growth, minimised for oc-slippage: `objective_sense`), ruin
 * probability, the 95th percentile of the maximum drawdown and slippage (equity per year), the
 * last three minimised. Domination reads the objective as a loss (negated when maximised), so
 * "better" is the objective's own sense. Every point of every kind, and the benchmark
 * points (BENCHMARKS), run in one engine call on common random numbers at `frontierPaths`,
 * paired against the overall recommendation (the reachable kind with the best objective),
 * and the non-dominated set over all of them is kept with the rule of significant-front.ts
 * (dominated only when Pareto-dominated by the estimates and significantly worse on one
 * coordinate). The estimate-only Pareto front is reported beside it.
 */
import type { MarketProfile } from "./market-profile.ts";
import type { SearchOptions, SearchResult } from "./pacing-search.ts";
import { schemeOf, type Params } from "./scheme-grid.ts";
import { searchContext, halfWidth, asLoss } from "./search-context.ts";
import { runSchemes } from "./scheme-runner.ts";
import { significantFront, type FrontPoint } from "./significant-front.ts";
import { paretoFront } from "./pareto-front.ts";
import type { SchemeConfig } from "../scenario/scenario-schema.ts";
import type { Estimate } from "../metrics/intervals.ts";

export const FRONTIER_COORDINATES = ["objective", "ruin_probability", "max_drawdown_p95", "slippage"] as const;
type Coordinate = (typeof FRONTIER_COORDINATES)[number];

/** A benchmark point on the frontier's axes: a label and the scheme that plays it. */
export interface Benchmark { kind: string; label: string; params: Params; scheme: SchemeConfig }

/**
 * The benchmarks drawn with the kinds, each one line: the GP rate as an EMA, and the engine's
 * own `gp` and `ac` schemes (domain.md O1, O2; AC(λ) is GP with γ = 2λ and no signal, so
 * λ = γ/2). γ is the strategy's: its target's riskAversion when it has one (signal, trend),
 * else the search's (RS-1's 3 by default) — the γ the search's GP rate used (pacing-search.ts).
 */
export const BENCHMARKS: ((search: SearchResult) => Benchmark)[] = [
  (s) => ({ kind: "gp-ema", label: "Gârleanu–Pedersen rate as an EMA (gp-rate.ts)", params: { lambda: s.gp.rate }, scheme: { name: "gp-ema", kind: "ema", lambda: Math.max(1e-6, s.gp.rate) } as SchemeConfig }),
  (s) => ({ kind: "gp", label: "Gârleanu–Pedersen, the engine's gp kind (per-regime rate and aim, γ of the strategy)", params: { riskAversion: gammaOf(s) }, scheme: { name: "gp", kind: "gp", riskAversion: gammaOf(s) } as SchemeConfig }),
  (s) => ({ kind: "ac", label: "Almgren–Chriss, the engine's ac kind, λ = γ/2 of the strategy", params: { riskAversion: gammaOf(s) / 2 }, scheme: { name: "ac", kind: "ac", riskAversion: gammaOf(s) / 2 } as SchemeConfig }),
];

/** The strategy's risk aversion γ: its target's when it has one, else the search's. */
function gammaOf(s: SearchResult): number {
  const t = s.settings.strategy.target;
  return "riskAversion" in t && typeof t.riskAversion === "number" ? t.riskAversion : s.settings.strategy.riskAversion;
}

export interface FrontierPoint extends Record<Coordinate, Estimate> {
  kind: string; name: string; params: Params; benchmark: boolean; recommended: boolean;
  /** point − baseline on common random numbers (paired 95% intervals); null for the baseline itself */
  paired_to_baseline: Record<Coordinate, Estimate> | null;
  on_front: boolean; on_front_by_estimate: boolean;
  /** a point that dominates this one under the rule (null on the front) */ dominated_by: string | null;
}

export interface FrontierDocument {
  coordinates: readonly Coordinate[];
  /** "max": a larger objective is better (growth), "min": smaller (oc-slippage); the other coordinates are minimised */ objective_sense: "max" | "min";
  rule: string; paths: number; seed: number; baseline: string;
  points: FrontierPoint[];
  /** per kind, its points' names in parameter order (the curve it traces) */ curves: Record<string, string[]>;
  front: string[]; front_by_estimate: string[];
}

export const FRONTIER_RULE = "a point is dominated when another is at least as good on every coordinate by the estimates and better on one (the objective in its own sense: larger growth, smaller cost; ruin, drawdown and slippage smaller), and significantly better on at least one: the 95% interval of the difference p − q (as a loss: the objective negated when maximised) lies below 0, its half-width the smaller of the two points' half-widths added and their paired half-widths to the common baseline added (both conservative)";

/** Evaluates every kind's curve and the benchmarks together and keeps the significant front. */
export async function schemeFrontier(profile: MarketProfile, search: SearchResult, options: SearchOptions & { frontierPaths?: number } = {}): Promise<FrontierDocument> {
  const ctx = searchContext(search, options);
  const paths = options.frontierPaths ?? Math.max(64, search.settings.interval_paths);
  const byName = new Map<string, { kind: string; params: Params; scheme: SchemeConfig; benchmark: boolean; recommended: boolean }>();
  const recNames = new Set(Object.values(search.recommendations).map((r) => schemeOf(r.kind, r.params).name));
  for (const e of search.evaluations) {
    if (e.kind === "gp-ema" || (e.stage !== "coarse" && e.stage !== "extend" && !recNames.has(e.name))) continue;
    if (!byName.has(e.name)) byName.set(e.name, { kind: e.kind, params: e.params, scheme: schemeOf(e.kind, e.params), benchmark: false, recommended: recNames.has(e.name) });
  }
  for (const b of BENCHMARKS.map((f) => f(search))) byName.set(b.scheme.name, { ...b, benchmark: true, recommended: false });
  const loss = (e: { estimate: number | null }) => (e.estimate === null ? Infinity : ctx.worseBy(0, e.estimate));
  const ranked = Object.values(search.recommendations).sort((a, b) => Number(b.reachable) - Number(a.reachable) || loss(a.evaluation.objective) - loss(b.evaluation.objective));
  const baseline = schemeOf(ranked[0].kind, ranked[0].params);
  const others = [...byName.values()].filter((c) => c.scheme.name !== baseline.name).map((c) => c.scheme);
  const runs = await runSchemes(ctx.scenarioOf(profile, paths), others, { baseline, workers: ctx.workers, label: "frontier scenario" });

  const entries = [...byName.entries()];
  const rows = entries.map(([name, c]) => {
    const { outcome, paired: d } = runs.get(name)!, r = outcome.result;
    const values: Record<Coordinate, Estimate> = { objective: ctx.objectiveOf(outcome), ruin_probability: r.ruin_probability, max_drawdown_p95: r.max_drawdown_p95, slippage: r.slippage };
    const diff = (x: { estimate: number | null; paired: { lo: number | null; hi: number | null } }): Estimate => ({ estimate: x.estimate, ...x.paired });
    const paired = d ? { objective: ctx.pairedObjective(outcome, runs.get(baseline.name)!.outcome, d), ruin_probability: diff(d.ruin_probability), max_drawdown_p95: diff(d.max_drawdown_p95), slippage: diff(d.slippage) } : null;
    return { name, c, values, paired };
  });
  // every coordinate as a loss (smaller is better): the objective negated when it is maximised
  const lossOf = (k: Coordinate, e: Estimate) => (k === "objective" ? asLoss(ctx.sense, e) : e);
  const points: FrontPoint[] = rows.map((r) => ({
    values: FRONTIER_COORDINATES.map((k) => lossOf(k, r.values[k]).estimate),
    half: FRONTIER_COORDINATES.map((k) => halfWidth(r.values[k])),
    pairedHalf: FRONTIER_COORDINATES.map((k) => (r.paired ? halfWidth(r.paired[k]) : 0)),
  }));
  const { front, dominatedBy } = significantFront(points);
  const byEstimate = new Set(paretoFront(points.map((p) => p.values.map((v) => v ?? Infinity))));
  const out: FrontierPoint[] = rows.map((r, i) => ({
    kind: r.c.kind, name: r.name, params: r.c.params, benchmark: r.c.benchmark, recommended: r.c.recommended, ...r.values,
    paired_to_baseline: r.paired, on_front: dominatedBy[i] === null, on_front_by_estimate: byEstimate.has(i),
    dominated_by: dominatedBy[i] === null ? null : rows[dominatedBy[i]!].name,
  }));
  const curves: Record<string, string[]> = {};
  for (const p of out) (curves[p.kind] ??= []).push(p.name);
  const order = (n: string) => Object.values(out.find((p) => p.name === n)!.params);
  for (const names of Object.values(curves)) names.sort((a, b) => compareTuples(order(a), order(b)));
  return {
    coordinates: FRONTIER_COORDINATES, objective_sense: ctx.sense, rule: FRONTIER_RULE, paths, seed: ctx.seed, baseline: baseline.name,
    points: out, curves, front: front.map((i) => rows[i].name), front_by_estimate: [...byEstimate].map((i) => rows[i].name),
  };
}

function compareTuples(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** frontier.csv: one row per point, each coordinate with its interval, front membership and who dominates it. */
export function frontierCsv(doc: FrontierDocument): string {
  const num = (v: number | null) => (v === null ? "" : String(v));
  const head = ["kind", "name", "params", "benchmark", "recommended", ...doc.coordinates.flatMap((c) => [c, `${c}_lo`, `${c}_hi`]), "on_front", "on_front_by_estimate", "dominated_by"];
  const rows = doc.points.map((p) => [p.kind, p.name, `"${JSON.stringify(p.params).replace(/"/g, "\"\"")}"`, String(p.benchmark), String(p.recommended),
    ...doc.coordinates.flatMap((c) => [num(p[c].estimate), num(p[c].lo), num(p[c].hi)]), String(p.on_front), String(p.on_front_by_estimate), p.dominated_by ?? ""].join(","));
  return [head.join(","), ...rows].join("\n") + "\n";
}
