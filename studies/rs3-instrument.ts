/**
 * RS-3 for one instrument: load legs (data policy), inner join, rolling (G3) vs realised
 * volatility, ATR(14), capped sizing, weekly rebalancing, pyramiding. Library calls only.
 */
import { join } from "node:path";
import type { Kernel } from "../src/wasm/kernel.ts";
import { loadPrices } from "../src/data/load-prices.ts";
import { alignInner } from "../src/data/align-calendars.ts";
import type { DataPolicy, PriceSeries } from "../src/data/price-series.ts";
import { returnsOf } from "../src/data/returns.ts";
import { sampleCorrelation } from "../src/covariance/correlation.ts";
import { basketValues, type BasketLeg } from "../src/synthetic/basket.ts";
import { ratioSeries } from "../src/synthetic/ratio-series.ts";
import { rollingRatioVol } from "../src/synthetic/rolling-ratio-vol.ts";
import { wilderAtrCloseToClose } from "../src/synthetic/wilder-atr.ts";
import { sizePosition } from "../src/synthetic/risk-parity-sizing.ts";
import { weeklyRebalance } from "../src/synthetic/weekly-rebalance.ts";
import { pyramidingPolicy } from "../src/synthetic/pyramiding.ts";

/** A leg: a daily *.clean.csv file (name without the suffix) or a constant (e.g. USD = 1). */
export interface LegSpec { name: string; units: number; file?: string; constant?: number }
export interface InstrumentSpec { id: string; base: LegSpec[]; quote: LegSpec[] }
interface Settings { dataDir: string; policy: DataPolicy; window: number; atrPeriod: number; capital: number; riskFraction: number; cap: number }

export interface InstrumentResult {
  dates: number; first_date: string; last_date: string;
  set_aside: { leg: string; date: string; reason: string; file: string; row: number; value: string }[];
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
export function runInstrument(kernel: Kernel, spec: InstrumentSpec, cfg: Settings) {
  const legs = [...spec.base.map((l) => ({ ...l, basket: "base" as const })), ...spec.quote.map((l) => ({ ...l, basket: "quote" as const }))];
  const loaded = new Map<string, ReturnType<typeof loadPrices>>();
  for (const l of legs) if (l.file && !loaded.has(l.file)) loaded.set(l.file, loadPrices(join(cfg.dataDir, `${l.file}.clean.csv`), { policy: cfg.policy }));
  const fileLegs = legs.filter((l) => l.file);
  const aligned = alignInner(fileLegs.map((l) => loaded.get(l.file!)!.series as PriceSeries), cfg.window + 1);
  const n = aligned.dates.length, dates = aligned.dates;
  const closeOf = (l: LegSpec) => (l.file ? aligned.closes[fileLegs.indexOf(l as (typeof fileLegs)[number])] : new Float64Array(n).fill(l.constant!));
  const closes = legs.map(closeOf);
  const basket = (which: "base" | "quote"): BasketLeg[] => legs.map((l, i) => ({ l, i })).filter(({ l }) => l.basket === which).map(({ l, i }) => ({ name: l.name, units: l.units, close: closes[i] }));
  const A = basketValues(`${spec.id}: base`, basket("base")), B = basketValues(`${spec.id}: quote`, basket("quote"));
  const S = ratioSeries(A, B, dates);
  const a = legs.map((l) => (l.basket === "base" ? l.units : 0)), b = legs.map((l) => (l.basket === "quote" ? l.units : 0));
  const roll = rollingRatioVol(kernel, closes, a, b, cfg.window);
  const atr = wilderAtrCloseToClose(S, cfg.atrPeriod);
  const m = roll.end.length;
  const sizes = Array.from({ length: m }, (_, w) => sizePosition({ capital: cfg.capital, riskFraction: cfg.riskFraction, unitRisk: roll.deltaVol[w], price: S[roll.end[w]], cap: cfg.cap }));
  const binds = sizes.filter((s) => s.capBinds).length;
  const reb = { base: weeklyRebalance(basket("base"), dates), quote: weeklyRebalance(basket("quote"), dates) };
  const pyr = pyramidingPolicy(sizes.map((s) => s.position), Array.from(roll.end, (e) => S[e]), roll.deltaVol);
  const corrLegs = fileLegs.map((l) => l.name);
  const rets = aligned.closes.map((c) => returnsOf(c, dates, "log").values);
  const x = new Float64Array((n - 1) * rets.length);
  rets.forEach((r, j) => r.forEach((v, t) => (x[t * rets.length + j] = v)));
  const corr = sampleCorrelation(kernel, x, n - 1, rets.length);

  const last = m - 1, e = roll.end[last];
  const setAside = fileLegs.flatMap((l) => {
    const r = loaded.get(l.file!)!;
    return r.repairs.filter((x) => x.action === "dropped row").map((x) => ({ leg: l.name, date: x.date, reason: r.diagnostics.find((d) => d.line === x.line && d.kind === x.kind)?.message ?? x.kind, file: `${l.file}.clean.csv`, row: x.line, value: x.value }));
  });
  const warnings: Record<string, Record<string, number>> = {};
  for (const l of fileLegs) {
    const c: Record<string, number> = {};
    for (const d of loaded.get(l.file!)!.diagnostics) if (d.severity !== "error") c[d.kind] = (c[d.kind] ?? 0) + 1;
    warnings[l.name] = c;
  }
  const result: InstrumentResult = {
    dates: n, first_date: dates[0], last_date: dates[n - 1], set_aside: setAside,
    last_window: {
      end_date: dates[e], A: A[e], B: B[e], S: S[e], var_A: roll.varA[last], var_B: roll.varB[last], cov_AB: roll.covAB[last],
      delta_vol: roll.deltaVol[last], realised_vol: roll.realisedVol[last], atr14: atr[e],
      position: sizes[last].position, leverage: sizes[last].leverage, cap_binds: sizes[last].capBinds,
    },
    cap_binding_share: binds / m, windows: m,
    legs: legs.map((l) => ({ name: l.name, basket: l.basket, units: l.units, source: l.file ? `${l.file}.clean.csv` : `constant ${l.constant}` })),
    warnings,
    rebalance: Object.fromEntries(Object.entries(reb).map(([k, r]) => [k, { target_weights: r.targetWeights, rebalances: r.rebalances, max_weight_drift: r.maxDrift, max_drift_date: r.maxDriftDate }])),
    pyramiding: { adds: pyr.adds, cuts: pyr.cuts, mean_position_vs_target: pyr.position.reduce((s, p, w) => s + p / sizes[w].position, 0) / m },
    leg_correlation: { legs: corrLegs, matrix: Array.from(corr), returns: "daily log, common dates" },
  };
  const header = "end_date,A,B,S,var_A,var_B,cov_AB,delta_vol,realised_vol,atr14,position,leverage,cap_binds,base_weight_drift";
  const rows = Array.from({ length: m }, (_, w) => {
    const t = roll.end[w];
    return [dates[t], A[t], B[t], S[t], roll.varA[w], roll.varB[w], roll.covAB[w], roll.deltaVol[w], roll.realisedVol[w], atr[t], sizes[w].position, sizes[w].leverage, sizes[w].capBinds ? 1 : 0, reb.base.drift[t]].join(",");
  });
  const plot = {
    dates, S: Array.from(S), windowDates: Array.from(roll.end, (t) => dates[t]), deltaVol: Array.from(roll.deltaVol), realisedVol: Array.from(roll.realisedVol),
    atr: Array.from(roll.end, (t) => atr[t]), leverage: sizes.map((s) => s.leverage), uncapped: sizes.map((s) => s.uncappedLeverage), cap: cfg.cap, corrLegs, corr: Array.from(corr),
  };
  return { result, csv: header + "\n" + rows.join("\n") + "\n", plot };
}
