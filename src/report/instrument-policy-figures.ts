/**
 * Figures and notes of an instruments report for what the synthetic-instrument study adds to
 * the RS-3 shape: pyramiding against holding the (G4) target (P&L, volatility, drawdown with
 * their block-bootstrap intervals) and the rebalanced baskets (turnover and cost paid).
 */
import type { Figure } from "./plotly-html.ts";

type Instrument = Record<string, unknown>;
interface Est { estimate: number; lo: number; hi: number }

/** One chart per instrument with a `pyramiding.comparison`: three panels of paired bars with 95% intervals. */
export function pyramidingFigures(instruments: Record<string, Instrument>, ids: string[]): Figure[] {
  return ids.flatMap((id) => {
    const c = (instruments[id].pyramiding as { comparison?: Record<string, Record<string, Est>> | null } | undefined)?.comparison;
    if (!c || !c.no_pyramiding || !c.pyramiding) return [];
    const metrics = [["total", "total P&L"], ["volatility_annual", "P&L volatility / year"], ["max_drawdown", "max drawdown (share of peak)"]] as const;
    const bar = (policy: "no_pyramiding" | "pyramiding", name: string) => metrics.map(([k, label], i) => {
      const e = c[policy][k];
      return { type: "bar", name, showlegend: i === 0, legendgroup: policy, marker: { color: policy === "pyramiding" ? "#d62728" : "#1f77b4" }, x: [label], y: [e.estimate], xaxis: `x${i + 1}`, yaxis: `y${i + 1}`,
        error_y: { type: "data", symmetric: false, array: [e.hi - e.estimate], arrayminus: [e.estimate - e.lo] } };
    });
    return [{
      id: `${id.replace(/[^A-Za-z0-9_-]/g, "_")}-pyramiding`, title: `${id}: pyramiding (G8) vs holding the (G4) target, on the history`,
      data: [...bar("no_pyramiding", "hold the target"), ...bar("pyramiding", "pyramiding")],
      layout: { grid: { rows: 1, columns: 3, pattern: "independent" }, barmode: "group" },
      caption: "Whiskers: 95% intervals from a circular moving-block bootstrap of the days (results.json holds the paired difference and its interval).",
    }];
  });
}

/** One line per instrument and basket: rebalances, turnover, traded notional and cost paid. */
export function rebalanceNotes(instruments: Record<string, Instrument>, ids: string[]): string[] {
  return ids.flatMap((id) => {
    const r = instruments[id].rebalance as Record<string, unknown> | undefined;
    if (!r || r.kind !== "weekly") return [];
    return (["base", "quote"] as const).flatMap((side) => {
      const b = r[side] as Record<string, number> | null | undefined;
      if (!b || typeof b.turnover !== "number") return [];
      return [`${id}, ${side} basket: ${b.rebalances} weekly rebalances, largest weight drift ${(100 * b.max_weight_drift).toFixed(2)}%, turnover ${b.turnover_per_year.toFixed(3)} of value a year, cost at ${r.cost_bps} bps of traded notional ${b.cost_paid.toPrecision(4)} (${(100 * b.cost_share).toFixed(3)}% of value).`];
    });
  });
}
