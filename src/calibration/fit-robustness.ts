/**
 * Robustness of the recommendation to the fit (issue 15, item 6): the recommended point of each
 * scheme kind and its neighbours on its parameter axes (the two evaluated values either side,
 * per parameter) are run on the fitted profile and on `draws` draws of its parameters
 * (profile-draws.ts), every run on the same seed and paths (common random numbers: the spread
 * over draws is the fit's, not the Monte Carlo's). Per candidate: the objective, ruin and
 * max_drawdown_p95 on the fitted profile and their quantiles over the draws, and the search's
 * constraints (ruin ≤ --max-ruin, drawdown p95 ≤ --max-drawdown when given) judged on the worst
 * decile (90th percentile) of ruin and drawdown over the draws (`worst_decile_constraints`); per
 * kind, the robust choice (robust-choice.ts: the best worst-decile objective among
 * worst-decile-feasible candidates, by the objective's sense: for growth the highest 10th
 * percentile, for oc-slippage the lowest 90th).
 * `robustRecommendations` swaps it in as the recommendation (`--robust`). A draw whose
 * scenario the engine refuses (validateScenario's range checks) is listed in `refused_draws`
 * and left out of the quantiles (`draws_used`). With a replayed series strategy, the kinds no
 * draw can change (replay-invariance.ts) are not run on the draws: `draws_skipped` names them,
 * and their spread is the fitted profile's value.
 * Cost: (draws + 1) × candidates × paths × horizon scheme-path-steps (defaults 21 × ≤ 9 per kind × 256).
 */
import type { MarketProfile } from "./market-profile.ts";
import type { SearchOptions, SearchResult, Evaluation } from "./pacing-search.ts";
import { schemeOf, type Params } from "./scheme-grid.ts";
import { searchContext } from "./search-context.ts";
import { runSchemes } from "./scheme-runner.ts";
import { drawProfiles } from "./profile-draws.ts";
import { robustChoice, robustRule, spreadOf, worstDecileConstraints, type DrawValues, type Spread } from "./robust-choice.ts";
import type { ConstraintStatus } from "./constraint-status.ts";
import { replayInvariantKinds, type SkippedDraws } from "./replay-invariance.ts";
import { UsageError } from "../errors.ts";
import type { SchemeConfig } from "../scenario/scenario-schema.ts";

export interface RobustnessOptions {
  /** draws of the fitted parameters (default 20) */ draws?: number;
  /** paths per run, common to every draw (default 256) */ paths?: number;
  /** seed of the draws (default: the search's) */ seed?: number;
  /** called after each draw with the draws done and the total */ onDraw?: (done: number, total: number) => void;
}

export interface CandidateRobustness {
  name: string; params: Params;
  objective: { fitted: number | null } & Spread; ruin_probability: { fitted: number | null } & Spread;
  max_drawdown_p95: { fitted: number | null } & Spread;
  /** the search's caps on the worst decile (90th percentile) of ruin and drawdown p95 over the draws (robust-choice.ts) */ worst_decile_constraints: ConstraintStatus;
}

export interface KindRobustness {
  recommended: string; robust_choice: string; robust_differs: boolean;
  /** true when no draw can change this kind (a replayed series; `draws_skipped` says why) and its draws were not run */ draws_skipped: boolean;
  candidates: CandidateRobustness[];
}

export interface RobustnessDocument {
  method: string; draws: number;
  /** the objective's sense: "max" (growth; its worst decile is the 10th percentile) or "min" (oc-slippage; the 90th) */ objective_sense: "max" | "min";
  /** draws the engine accepted (the quantiles are over these) */ draws_used: number;
  /** draws whose scenario the engine refused, with the first line of its reason */ refused_draws: { draw: number; reason: string }[];
  paths: number; seed: number; drawn_parameters: string[]; held_fixed: string[];
  rule: string; kinds: Record<string, KindRobustness>;
  /** kinds whose draws were not run because no draw can change them (replay-invariance.ts), or null */ draws_skipped: SkippedDraws | null;
  seconds: number;
}


/** The recommended point of kind `k` and up to two evaluated values either side of it on each of its axes. */
export function robustnessCandidates(search: SearchResult, k: string): { name: string; params: Params }[] {
  const best = search.recommendations[k].params, kind = search.recommendations[k].kind;
  const mine = search.evaluations.filter((e) => e.kind === k);
  const out = new Map([[schemeOf(kind, best).name, best]]);
  for (const n of Object.keys(best)) {
    const axis = [...new Set(mine.filter((e) => Object.keys(best).every((m) => m === n || e.params[m] === best[m])).map((e) => e.params[n]))].sort((a, b) => a - b);
    const i = axis.indexOf(best[n]);
    for (const v of axis.slice(Math.max(0, i - 2), i + 3)) { const p = { ...best, [n]: v }; out.set(schemeOf(kind, p).name, p); }
  }
  return [...out.entries()].map(([name, params]) => ({ name, params }));
}

/** Runs the candidates on the fitted profile and its draws (see the module comment). */
export async function fitRobustness(profile: MarketProfile, search: SearchResult, options: SearchOptions & RobustnessOptions = {}): Promise<RobustnessDocument> {
  const started = performance.now();
  const ctx = searchContext(search, options);
  const draws = options.draws ?? 20, paths = options.paths ?? 256, seed = options.seed ?? search.settings.seed;
  const perKind = Object.fromEntries(Object.keys(search.recommendations).map((k) => [k, robustnessCandidates(search, k)]));
  const drawn = drawProfiles(profile, draws, seed);
  const skipped = options.replay ? replayInvariantKinds(Object.keys(perKind), drawn.drawn) : null;
  const schemesOf = (kinds: string[]) => kinds.flatMap((k) => perKind[k].map((c) => schemeOf(search.recommendations[k].kind, c.params)));
  const values = async (p: MarketProfile, schemes: SchemeConfig[]) => {
    const runs = await runSchemes(ctx.scenarioOf(p, paths), schemes, { workers: ctx.workers, label: "robustness scenario" });
    const r = (n: string) => runs.get(n)!.outcome;
    return new Map([...runs.keys()].map((n) => [n, { objective: ctx.objectiveOf(r(n)).estimate, ruin: r(n).result.ruin_probability.estimate, maxDrawdown: r(n).result.max_drawdown_p95.estimate }]));
  };
  const fitted = await values(profile, schemesOf(Object.keys(perKind)));
  const drawnKinds = Object.keys(perKind).filter((k) => !skipped?.kinds.includes(k));
  const byDraw: typeof fitted[] = [], refused: { draw: number; reason: string }[] = [];
  if (drawnKinds.length) {
    for (const [i, p] of drawn.profiles.entries()) {
      // a draw the engine refuses (e.g. a σ whose growth range exceeds single precision) is listed, not used
      try { byDraw.push(await values(p, schemesOf(drawnKinds))); } catch (e) { if (!(e instanceof UsageError)) throw e; refused.push({ draw: i, reason: e.message.split("\n")[0] }); }
      options.onDraw?.(i + 1, draws);
    }
  }

  const kinds: Record<string, KindRobustness> = {};
  for (const [k, cs] of Object.entries(perKind)) {
    // a kind no draw can change: its one value on every draw is the fitted profile's
    const rows = skipped?.kinds.includes(k) ? [fitted] : byDraw;
    const series: DrawValues[] = cs.map((c) => ({ objective: rows.map((d) => d.get(c.name)!.objective), ruin: rows.map((d) => d.get(c.name)!.ruin), maxDrawdown: rows.map((d) => d.get(c.name)!.maxDrawdown) }));
    const pick = rows.length > 0 ? robustChoice(series, ctx.objective, ctx.sense) : 0;
    kinds[k] = {
      recommended: cs[0].name, robust_choice: cs[pick].name, robust_differs: pick !== 0, draws_skipped: rows !== byDraw,
      candidates: cs.map((c, i) => ({
        name: c.name, params: c.params,
        objective: { fitted: fitted.get(c.name)!.objective, ...spreadOf(series[i].objective, ctx.sense) },
        ruin_probability: { fitted: fitted.get(c.name)!.ruin, ...spreadOf(series[i].ruin) },
        max_drawdown_p95: { fitted: fitted.get(c.name)!.maxDrawdown, ...spreadOf(series[i].maxDrawdown!) },
        worst_decile_constraints: worstDecileConstraints(series[i], ctx.objective),
      })),
    };
  }
  return {
    method: drawn.method, draws, objective_sense: ctx.sense, draws_used: byDraw.length, refused_draws: refused, paths, seed, drawn_parameters: drawn.drawn, held_fixed: drawn.held_fixed,
    rule: robustRule(ctx.sense, ctx.objective.maxDrawdown !== undefined), kinds, draws_skipped: skipped,
    seconds: (performance.now() - started) / 1000,
  };
}

/** The search with each kind's recommendation replaced by its robust choice (`--robust`); its evaluation is the search's own of that point (most paths). */
export function robustRecommendations(search: SearchResult, doc: RobustnessDocument): SearchResult {
  const recommendations = { ...search.recommendations };
  for (const [k, r] of Object.entries(doc.kinds)) {
    if (!r.robust_differs) continue;
    const c = r.candidates.find((x) => x.name === r.robust_choice)!;
    const evaluation = search.evaluations.filter((e) => e.name === c.name).reduce<Evaluation | null>((a, e) => (!a || e.paths > a.paths ? e : a), null)!;
    const old = recommendations[k];
    recommendations[k] = {
      ...old, params: c.params, evaluation, reachable: evaluation.feasible,
      note: `robust: best worst-decile objective (${doc.objective_sense === "max" ? "highest 10th percentile" : "lowest 90th percentile"}) over ${doc.draws_used} draws of the fit among candidates meeting the search's caps there (the nominal optimum ${JSON.stringify(old.params)} is worse in the worst decile, or breaks a cap there); the parameter interval is the nominal optimum's`,
    };
  }
  return { ...search, recommendations };
}
