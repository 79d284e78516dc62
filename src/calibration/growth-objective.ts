/**
 * The economic objective of the pacing search (issue 15, item 2; docs/calibration.md): the
 * certainty-equivalent growth net of costs (log utility),
 *   G = (1/N) Σ_paths max(ln(E_T/E₀), ln f) / years,
 * over ALL paths: a ruined path counts at its marked ruin equity (the engine stops it there),
 * and a path whose equity falls to or below f·E₀ — a ruin equity ≤ 0 included, where the log
 * is −∞ — counts at the floor f (Objective.equityFloor, default 0.001: a 99.9% loss). Costs
 * are in E_T already (slippage, spread, funding), so G is net of them. Maximised. Its 95%
 * interval is the normal one of the mean; the paired difference of two schemes is the mean of
 * the per-path differences on common random numbers, with its own (paired) interval.
 */
import { addMoment, emptyMoments } from "../metrics/running-moments.ts";
import { meanInterval, type Estimate } from "../metrics/intervals.ts";
import type { Objective, PacingObjective } from "./pacing-objective.ts";

/** Per-path floored log growth per year (see the module comment). */
export function flooredGrowth(logGrowth: number, floor: number, years: number): number {
  return Math.max(logGrowth, Math.log(floor)) / years;
}

/** G of per-path ln(E_T/E₀), with its 95% interval. */
export function growthEstimate(o: Objective, logGrowth: Float64Array, years: number): Estimate {
  const m = emptyMoments();
  for (const g of logGrowth) addMoment(m, flooredGrowth(g, o.equityFloor, years));
  return meanInterval(m);
}

/** G(scheme) − G(baseline) on the same paths, with its paired 95% interval. */
export function pairedGrowthDifference(o: Objective, logGrowth: Float64Array, baseLogGrowth: Float64Array, years: number): Estimate {
  if (logGrowth.length !== baseLogGrowth.length) throw new Error(`pairedGrowthDifference: ${logGrowth.length} paths against ${baseLogGrowth.length} — run both on the same paths`);
  const m = emptyMoments();
  for (let p = 0; p < logGrowth.length; p++) addMoment(m, flooredGrowth(logGrowth[p], o.equityFloor, years) - flooredGrowth(baseLogGrowth[p], o.equityFloor, years));
  return meanInterval(m);
}

/** Certainty-equivalent growth net of costs (`growth`, the default objective), maximised. */
export const CE_GROWTH: PacingObjective = {
  name: "growth", sense: "max",
  estimate: (o, s) => growthEstimate(o, s.logGrowth, s.years),
  pairedDifference: (o, s, b) => pairedGrowthDifference(o, s.logGrowth, b.logGrowth, s.years),
};
