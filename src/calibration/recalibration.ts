/**
 * Re-calibration on the later window, compared with the in-sample recommendation (issue 15,
 * item 5). The search runs again on the later window's own profile; per scheme kind, the
 * in-sample pace and the re-calibrated one are then run TOGETHER on each later-window market
 * (its parametric profile, the block bootstrap of its returns, its replay), so both see the
 * same paths — the same market draws, bootstrap blocks and signal noise (common random
 * numbers: one engine run, the re-calibrated scheme as baseline).
 *
 * Pairing: per path i of a later-window market, d_i = objective contribution of the in-sample
 * pace − that of the re-calibrated pace (likewise ruin); the paired 95% interval is the
 * interval of the mean of d_i (the objective through the search's PacingObjective). It is
 * reported as a loss, positive = worse: as is for ruin and a minimised objective
 * (oc-slippage), negated (re-calibrated − in-sample) for a maximised one (growth). This is the
 * degradation that pacing can be blamed for: what keeping the in-sample pace costs on the
 * later market against re-calibrating there.
 * It is biased towards the re-calibrated pace (it was chosen on the later profile), most for
 * `parametric`; bootstrap and replay were not searched on.
 */
import type { MarketProfile } from "./market-profile.ts";
import type { SearchOptions, SearchResult, KindSearch } from "./pacing-search.ts";
import { schemeOf, type Params } from "./scheme-grid.ts";
import { searchContext, asLoss } from "./search-context.ts";
import { runSchemes } from "./scheme-runner.ts";
import type { ScenarioInput, SchemeConfig } from "../scenario/scenario-schema.ts";
import type { Estimate } from "../metrics/intervals.ts";

/** The later-window comparisons, in report order. */
export const WAYS: readonly Way[] = ["parametric", "bootstrap", "replay"];
/** A later-window comparison: parametric (its profile), bootstrap (of its returns), replay (of its history). */
export type Way = "parametric" | "bootstrap" | "replay";

/** One later-window market: how to build its engine input for some schemes at some paths. */
export type WayMarket = (schemes: SchemeConfig[], paths: number) => ScenarioInput;

export interface PairedRegret {
  /** how much worse the in-sample pace's objective is than the re-calibrated pace's, same paths (paired 95% interval; positive = worse: in − re for a cost, re − in for growth) */ objective: Estimate;
  /** ruin of the in-sample pace − ruin of the re-calibrated pace, same paths (paired 95% interval) */ ruin_probability: Estimate;
  in_sample_pace: { objective: Estimate; ruin_probability: Estimate };
  recalibrated_pace: { objective: Estimate; ruin_probability: Estimate };
}

export interface PaceChoice { params: Params; reachable: boolean; at_domain_edge: boolean; parameter_interval: KindSearch["parameter_interval"] }

export interface KindRecalibration {
  kind: string; in_sample: PaceChoice; later_window: PaceChoice;
  /** the two searches chose the same parameters (every paired difference is then exactly 0) */ identical: boolean;
  paired: Record<Way, PairedRegret>;
}

export interface RecalibrationReport { pairing: string; paths: number; kinds: KindRecalibration[] }

export const PAIRING_NOTE = "per later-window market, the in-sample pace and the pace re-calibrated on the later window's profile run in one engine call on the same paths (same market draws, bootstrap blocks and signal noise); the interval is that of the mean per-path difference in-sample − re-calibrated, as a loss (negated for a maximised objective such as growth), so positive = keeping the in-sample pace is worse";

const choice = (s: SearchResult, kind: string): PaceChoice => {
  const r = s.recommendations[kind];
  return { params: r.params, reachable: r.reachable, at_domain_edge: r.search.at_domain_edge, parameter_interval: r.search.parameter_interval };
};

/**
 * @param early the search on the calibration window; `late` the same search on the later window's profile
 * @param markets per way, the later-window market; `paths` per run
 */
export async function recalibrationComparison(early: SearchResult, late: SearchResult, markets: Record<Way, WayMarket>, paths: number, options: SearchOptions = {}): Promise<RecalibrationReport> {
  const ctx = searchContext(early, options);
  const kinds: KindRecalibration[] = [];
  for (const kind of Object.keys(early.recommendations)) {
    if (!late.recommendations[kind]) continue;
    const a = choice(early, kind), b = choice(late, kind);
    const inCfg = { ...schemeOf(early.recommendations[kind].kind, a.params), name: `in-sample ${kind}` } as SchemeConfig;
    const reCfg = { ...schemeOf(late.recommendations[kind].kind, b.params), name: `re-calibrated ${kind}` } as SchemeConfig;
    const paired = {} as Record<Way, PairedRegret>;
    for (const way of WAYS) {
      const runs = await runSchemes((s) => markets[way](s, paths), [inCfg], { baseline: reCfg, workers: ctx.workers, label: `re-calibration ${way} scenario` });
      const i = runs.get(inCfg.name)!, r = runs.get(reCfg.name)!;
      const d = i.paired!;
      paired[way] = {
        objective: asLoss(ctx.sense, ctx.pairedObjective(i.outcome, r.outcome, d)),
        ruin_probability: { estimate: d.ruin_probability.estimate, lo: d.ruin_probability.paired.lo, hi: d.ruin_probability.paired.hi },
        in_sample_pace: { objective: ctx.objectiveOf(i.outcome), ruin_probability: i.outcome.result.ruin_probability },
        recalibrated_pace: { objective: ctx.objectiveOf(r.outcome), ruin_probability: r.outcome.result.ruin_probability },
      };
    }
    kinds.push({ kind, in_sample: a, later_window: b, identical: JSON.stringify(a.params) === JSON.stringify(b.params), paired });
  }
  return { pairing: PAIRING_NOTE, paths, kinds };
}

/** A later-window market from a profile (and, for bootstrap/replay, the returns that drive it). */
export function wayMarket(ctxOf: (profile: MarketProfile, paths: number) => (s: SchemeConfig[]) => ScenarioInput, profile: MarketProfile,
  returns?: { kind: "bootstrap" | "replay"; returns: number[]; meanBlock: number }): WayMarket {
  return (schemes, paths) => {
    const input = ctxOf(profile, paths)(schemes);
    if (!returns) return input;
    const horizon = returns.kind === "replay" ? Math.min(input.horizonSteps ?? Infinity, returns.returns.length) : input.horizonSteps;
    return { ...input, returns, horizonSteps: horizon };
  };
}
