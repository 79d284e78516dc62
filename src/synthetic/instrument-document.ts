/**
 * The results entry of one analysed instrument (the RS-3 shape of reference-scenarios.md,
 * generalised: `atr` with its `atr_period`, the unit risk, the cap, the rebalancing cost and
 * the pyramiding comparison) and its per-window CSV. Units: docs/synthetic-instruments.md.
 */
import type { Instrument } from "./instrument-schema.ts";
import type { InstrumentLegs } from "./instrument-legs.ts";
import type { InstrumentAnalysis } from "./analyse-instrument.ts";
import type { RebalanceResult } from "./weekly-rebalance.ts";
import { setAsideRows, warningCounts } from "./leg-data-notes.ts";

/** The per-window CSV's columns, in order. */
export const WINDOW_COLUMNS = ["end_date", "A", "B", "S", "var_A", "var_B", "cov_AB", "delta_vol", "realised_vol", "atr", "unit_risk", "position", "leverage", "uncapped_leverage", "cap_binds", "pyramided_position", "base_weight_drift", "quote_weight_drift"] as const;

/**
 * The results entry of an instrument (JSON-serialisable).
 * @throws Error naming the field when a figure is not finite (never a silent NaN or null)
 */
export function instrumentEntry(instrument: Instrument, data: InstrumentLegs, x: InstrumentAnalysis) {
  return assertFinite(entryOf(instrument, data, x), `instruments.${instrument.id}`);
}

function assertFinite<T>(value: T, path: string): T {
  if (typeof value === "number" && !Number.isFinite(value)) throw new Error(`${path}: is ${value}, not a finite number — the instrument's data or settings leave it undefined; please report it with the instrument file`);
  if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) assertFinite(v, Array.isArray(value) ? `${path}[${k}]` : `${path}.${k}`);
  return value;
}

function entryOf(instrument: Instrument, data: InstrumentLegs, x: InstrumentAnalysis) {
  const { dates, A, B, S, roll, sizes } = x;
  const m = roll.end.length, last = m - 1, e = roll.end[last], n = dates.length;
  const years = (n - 1) / x.stepsPerYear;
  const basket = (r: RebalanceResult | null, side: "base" | "quote") => r && {
    target_weights: r.targetWeights, rebalances: r.rebalances, max_weight_drift: r.maxDrift, max_drift_date: r.maxDriftDate,
    traded_notional: r.tradedNotional, turnover: r.turnover, turnover_per_year: r.turnover / years, cost_paid: r.costPaid, cost_share: r.costShare,
    final_value: r.value[n - 1], nominal_final_value: side === "base" ? A[n - 1] : B[n - 1],
  };
  return {
    dates: n, first_date: dates[0], last_date: dates[n - 1], steps_per_year: x.stepsPerYear,
    set_aside: setAsideRows(data), warnings: warningCounts(data),
    legs: data.legs.map((l) => ({ name: l.name, side: l.side, weight: l.weight, source: l.source })),
    last_window: {
      end_date: dates[e], A: A[e], B: B[e], S: S[e], var_A: roll.varA[last], var_B: roll.varB[last], cov_AB: roll.covAB[last],
      delta_vol: roll.deltaVol[last], realised_vol: roll.realisedVol[last], atr: x.atr[last], atr_period: x.atrPeriod,
      unit_risk: x.unitRisk[last], position: sizes[last].position, leverage: sizes[last].leverage,
      uncapped_leverage: sizes[last].uncappedLeverage, cap_binds: sizes[last].capBinds,
    },
    windows: m, first_window_end: dates[roll.end[0]], cap: x.cap,
    cap_binding_share: x.capBindingShare, cap_binding_windows: sizes.filter((s) => s.capBinds).length,
    rebalance: instrument.rebalancing.kind === "weekly" && x.rebalance
      ? { kind: "weekly", cost_bps: instrument.rebalancing.costBps, base: basket(x.rebalance.base, "base"), quote: basket(x.rebalance.quote, "quote") }
      : { kind: "none" },
    pyramiding: {
      enabled: instrument.pyramiding.enabled, adds: x.pyramiding.adds, cuts: x.pyramiding.cuts,
      mean_position_vs_target: x.pyramiding.position.reduce((s, p, w) => s + p / sizes[w].position, 0) / m,
      comparison: x.comparison,
    },
    leg_correlation: { ...x.legCorrelation, returns: "daily log, common dates" },
  };
}

export type InstrumentEntry = ReturnType<typeof entryOf>;

/** One row per window (WINDOW_COLUMNS), full double precision; a header line first. */
export function instrumentWindowsCsv(x: InstrumentAnalysis): string {
  const { dates, A, B, S, roll, sizes } = x;
  const rows = Array.from(roll.end, (t, w) => [
    dates[t], A[t], B[t], S[t], roll.varA[w], roll.varB[w], roll.covAB[w], roll.deltaVol[w], roll.realisedVol[w], x.atr[w], x.unitRisk[w],
    sizes[w].position, sizes[w].leverage, sizes[w].uncappedLeverage, sizes[w].capBinds ? 1 : 0, x.pyramiding.position[w],
    x.rebalance?.base.drift[t] ?? "", x.rebalance?.quote?.drift[t] ?? "",
  ].join(","));
  return WINDOW_COLUMNS.join(",") + "\n" + rows.join("\n") + "\n";
}
