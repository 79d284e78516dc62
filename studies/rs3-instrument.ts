/**
 * RS-3 for one instrument file (studies/instruments/*.json): loads and aligns its legs
 * (loadInstrumentLegs), runs the library's analysis (analyseInstrument) and maps it onto the
 * RS-3 result shape of reference-scenarios.md, with the per-window CSV and plot series.
 */
import type { Kernel } from "../src/wasm/kernel.ts";
import type { DataPolicy } from "../src/data/price-series.ts";
import type { Instrument } from "../src/synthetic/instrument-schema.ts";
import { loadInstrumentLegs } from "../src/synthetic/instrument-legs.ts";
import { setAsideRows, warningCounts, type SetAsideRow } from "../src/synthetic/leg-data-notes.ts";
import { analyseInstrument } from "../src/synthetic/analyse-instrument.ts";

export interface InstrumentResult {
  dates: number; first_date: string; last_date: string;
  set_aside: SetAsideRow[];
  last_window: {
    end_date: string; A: number; B: number; S: number; var_A: number; var_B: number; cov_AB: number;
    delta_vol: number; realised_vol: number; atr14: number; position: number; leverage: number; cap_binds: boolean;
  };
  cap_binding_share: number;
  windows: number;
  legs: { name: string; basket: "base" | "quote"; units: number; source: string }[];
  warnings: Record<string, Record<string, number>>;
  rebalance: Record<string, { target_weights: number[]; rebalances: number; max_weight_drift: number; max_drift_date: string }>;
  pyramiding: { adds: number; cuts: number; mean_position_vs_target: number };
  leg_correlation: { legs: string[]; matrix: number[]; returns: "daily log, common dates" };
}

/** Runs RS-3 for one instrument; returns the result entry, a windows CSV and plot series. */
export function runInstrument(kernel: Kernel, spec: Instrument, cfg: { dataDir: string; policy: DataPolicy; source?: string }) {
  const data = loadInstrumentLegs(spec, { dataDir: cfg.dataDir, policy: cfg.policy, source: cfg.source, minDates: spec.window + 1 });
  const x = analyseInstrument(kernel, spec, data, cfg.source);
  const { dates, A, B, S, roll, atr, sizes } = x;
  const m = roll.end.length, last = m - 1, e = roll.end[last], n = dates.length;
  const result: InstrumentResult = {
    dates: n, first_date: dates[0], last_date: dates[n - 1], set_aside: setAsideRows(data),
    last_window: {
      end_date: dates[e], A: A[e], B: B[e], S: S[e], var_A: roll.varA[last], var_B: roll.varB[last], cov_AB: roll.covAB[last],
      delta_vol: roll.deltaVol[last], realised_vol: roll.realisedVol[last], atr14: atr[last],
      position: sizes[last].position, leverage: sizes[last].leverage, cap_binds: sizes[last].capBinds,
    },
    cap_binding_share: x.capBindingShare, windows: m,
    legs: spec.legs.map((l) => ({ name: l.name, basket: l.side, units: l.weight, source: l.file ?? `constant ${l.constant}` })),
    warnings: warningCounts(data),
    rebalance: Object.fromEntries(Object.entries(x.rebalance ?? {}).filter(([, r]) => r).map(([k, r]) => [k, { target_weights: r!.targetWeights, rebalances: r!.rebalances, max_weight_drift: r!.maxDrift, max_drift_date: r!.maxDriftDate }])),
    pyramiding: { adds: x.pyramiding.adds, cuts: x.pyramiding.cuts, mean_position_vs_target: x.pyramiding.position.reduce((s, p, w) => s + p / sizes[w].position, 0) / m },
    leg_correlation: { ...x.legCorrelation, returns: "daily log, common dates" },
  };
  const header = "end_date,A,B,S,var_A,var_B,cov_AB,delta_vol,realised_vol,atr14,position,leverage,cap_binds,base_weight_drift";
  const rows = Array.from({ length: m }, (_, w) => {
    const t = roll.end[w];
    return [dates[t], A[t], B[t], S[t], roll.varA[w], roll.varB[w], roll.covAB[w], roll.deltaVol[w], roll.realisedVol[w], atr[w], sizes[w].position, sizes[w].leverage, sizes[w].capBinds ? 1 : 0, x.rebalance?.base.drift[t] ?? ""].join(",");
  });
  const plot = {
    dates, S: Array.from(S), windowDates: Array.from(roll.end, (t) => dates[t]), deltaVol: Array.from(roll.deltaVol), realisedVol: Array.from(roll.realisedVol),
    atr: Array.from(atr), leverage: sizes.map((s) => s.leverage), uncapped: sizes.map((s) => s.uncappedLeverage), cap: x.cap, corrLegs: x.legCorrelation.legs, corr: x.legCorrelation.matrix,
  };
  return { result, csv: header + "\n" + rows.join("\n") + "\n", plot };
}
