/**
 * Weekly rebalancing of a basket to fixed target value weights (domain.md (G7)), recording
 * the weight drift between rebalances.
 *
 * Rule: target weights w* = the value weights of the nominal units on the first date. The
 * basket is held in units; on the first date of each ISO week the units are reset so value
 * weights equal w* again (total value unchanged). Drift_t = max_i |w_i,t − w*_i| before the reset.
 */
import { isoWeek } from "../data/returns.ts";
import type { BasketLeg } from "./basket.ts";

export interface RebalanceResult {
  targetWeights: number[];
  rebalances: number;
  /** Largest drift seen between rebalances, and the date it was seen. */ maxDrift: number; maxDriftDate: string;
  /** Drift on each date (0 on rebalance dates after the reset). */ drift: Float64Array;
  /** Value of the rebalanced basket, starting at the nominal basket's first value. */ value: Float64Array;
}

/** Simulates weekly rebalancing of `legs` over `dates`. Single-leg baskets never drift. */
export function weeklyRebalance(legs: readonly BasketLeg[], dates: readonly string[]): RebalanceResult {
  const n = dates.length;
  const v0 = legs.map((l) => l.units * l.close[0]);
  const total0 = v0.reduce((s, x) => s + x, 0);
  const target = v0.map((x) => x / total0);
  let units = legs.map((l) => l.units);
  const drift = new Float64Array(n), value = new Float64Array(n);
  let rebalances = 0, maxDrift = 0, maxDriftDate = dates[0] ?? "";
  for (let t = 0; t < n; t++) {
    const vals = legs.map((l, i) => units[i] * l.close[t]);
    const total = vals.reduce((s, x) => s + x, 0);
    value[t] = total;
    const d = Math.max(...vals.map((x, i) => Math.abs(x / total - target[i])));
    drift[t] = d;
    if (d > maxDrift) { maxDrift = d; maxDriftDate = dates[t]; }
    if (t > 0 && isoWeek(dates[t]) !== isoWeek(dates[t - 1])) {
      units = legs.map((l, i) => (target[i] * total) / l.close[t]);
      drift[t] = 0;
      rebalances++;
    }
  }
  return { targetWeights: target, rebalances, maxDrift, maxDriftDate, drift, value };
}
