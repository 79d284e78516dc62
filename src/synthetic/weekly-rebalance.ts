/**
 * Weekly rebalancing of a basket to fixed target value weights (domain.md (G7)), recording
 * the weight drift between rebalances.
 *
 * Rule: target weights w* = the value weights of the nominal units on the first date. The
 * basket is held in units; on the first date of each ISO week the units are reset so value
 * weights equal w* again. Drift_t = max_i |w_i,t − w*_i| before the reset.
 *
 * Cost (c = costBps/10⁴ of traded notional): at a rebalance on date t with pre-trade units uᵢ
 * and value V_t = Σ uᵢXᵢ,t, the trade to the target units ũᵢ = w*ᵢV_t/Xᵢ,t has notional
 * N_t = Σ |ũᵢ − uᵢ|·Xᵢ,t (both sides counted); the cost C_t = c·N_t is paid from the basket,
 * whose new units are uᵢ = w*ᵢ(V_t − C_t)/Xᵢ,t. With c = 0 the value is unchanged by a reset.
 * Units: N_t, C_t and values in the basket's currency; turnover Σ N_t/V_t (a share of value).
 */
import { isoWeek } from "../data/returns.ts";
import type { BasketLeg } from "./basket.ts";

export interface RebalanceResult {
  targetWeights: number[];
  rebalances: number;
  /** Largest drift seen between rebalances, and the date it was seen. */ maxDrift: number; maxDriftDate: string;
  /** Drift on each date (0 on rebalance dates after the reset). */ drift: Float64Array;
  /** Value of the rebalanced basket (after each rebalance's cost), starting at the nominal basket's first value. */ value: Float64Array;
  /** Σ N_t: traded notional over all rebalances, basket currency. */ tradedNotional: number;
  /** Σ N_t/V_t: two-sided turnover as a share of the basket's value, summed over rebalances. */ turnover: number;
  /** Σ C_t: cost paid, basket currency. */ costPaid: number;
  /** 1 − Π(1 − C_t/V_t): the share of value the costs took. */ costShare: number;
}

/**
 * Simulates weekly rebalancing of `legs` over `dates`. Single-leg baskets never drift or trade.
 * @param costBps cost in bps of traded notional (default 0)
 */
export function weeklyRebalance(legs: readonly BasketLeg[], dates: readonly string[], costBps = 0): RebalanceResult {
  const n = dates.length;
  const v0 = legs.map((l) => l.units * l.close[0]);
  const total0 = v0.reduce((s, x) => s + x, 0);
  const target = v0.map((x) => x / total0);
  let units = legs.map((l) => l.units);
  const drift = new Float64Array(n), value = new Float64Array(n);
  let rebalances = 0, maxDrift = 0, maxDriftDate = dates[0] ?? "";
  let tradedNotional = 0, turnover = 0, costPaid = 0, kept = 1;
  for (let t = 0; t < n; t++) {
    const vals = legs.map((l, i) => units[i] * l.close[t]);
    const total = vals.reduce((s, x) => s + x, 0);
    value[t] = total;
    const d = Math.max(...vals.map((x, i) => Math.abs(x / total - target[i])));
    drift[t] = d;
    if (d > maxDrift) { maxDrift = d; maxDriftDate = dates[t]; }
    if (t > 0 && isoWeek(dates[t]) !== isoWeek(dates[t - 1])) {
      const traded = legs.reduce((s, l, i) => s + Math.abs((target[i] * total) / l.close[t] - units[i]) * l.close[t], 0);
      const cost = (costBps / 1e4) * traded;
      units = legs.map((l, i) => (target[i] * (total - cost)) / l.close[t]);
      value[t] = total - cost;
      tradedNotional += traded; turnover += traded / total; costPaid += cost; kept *= 1 - cost / total;
      drift[t] = 0;
      rebalances++;
    }
  }
  return { targetWeights: target, rebalances, maxDrift, maxDriftDate, drift, value, tradedNotional, turnover, costPaid, costShare: 1 - kept };
}
