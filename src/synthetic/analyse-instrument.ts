/**
 * Everything the toolkit says about one synthetic instrument on its history: S = A/B (G1),
 * rolling delta-method (G3) and realised volatility, Wilder's ATR (G5), risk-constant sizing
 * with the cap (G4, G6) and how often it binds, the rebalanced baskets with drift, turnover
 * and cost (G7), and pyramiding (G8) against holding the target. One function for the RS-3
 * study and the synthetic-instrument study. Definitions: docs/synthetic-instruments.md.
 */
import type { Kernel } from "../wasm/kernel.ts";
import { UsageError } from "../errors.ts";
import { sampleCorrelation } from "../covariance/correlation.ts";
import { basketValues, type BasketLeg } from "./basket.ts";
import { ratioSeries } from "./ratio-series.ts";
import { rollingRatioVol, type RollingRatioVol } from "./rolling-ratio-vol.ts";
import { wilderAtrCloseToClose } from "./wilder-atr.ts";
import { sizePosition, type Sizing } from "./risk-parity-sizing.ts";
import { weeklyRebalance, type RebalanceResult } from "./weekly-rebalance.ts";
import { pyramidingPolicy, type PyramidingResult } from "./pyramiding.ts";
import { comparePyramiding, type PyramidingComparison } from "./pyramiding-comparison.ts";
import { atrPeriodOf, capOf, type Instrument } from "./instrument-schema.ts";
import type { InstrumentLegs } from "./instrument-legs.ts";

export interface InstrumentAnalysis {
  dates: string[]; A: Float64Array; B: Float64Array; S: Float64Array;
  cap: number; atrPeriod: number; stepsPerYear: number;
  /** rolling windows (RollingRatioVol) from the first end ≥ max(window, atrPeriod) */ roll: RollingRatioVol;
  /** ATR of S at each window's end */ atr: Float64Array;
  /** the unit risk the sizing used at each window's end (delta_vol or ATR) */ unitRisk: Float64Array;
  sizes: Sizing[]; capBindingShare: number;
  rebalance: { base: RebalanceResult; quote: RebalanceResult | null } | null;
  pyramiding: PyramidingResult; comparison: PyramidingComparison | null;
  legCorrelation: { legs: string[]; matrix: number[] };
}

/**
 * Closes per year from the dates: (n − 1) changes over the calendar span in years of 365.25 days.
 * @throws RangeError when the dates span no time
 */
export function stepsPerYearOf(dates: readonly string[]): number {
  const years = (Date.parse(dates[dates.length - 1].slice(0, 10)) - Date.parse(dates[0].slice(0, 10))) / (365.25 * 86_400_000);
  if (!(years > 0)) throw new RangeError(`stepsPerYearOf: the dates ${dates[0]} … ${dates[dates.length - 1]} span no time — give a longer history`);
  return (dates.length - 1) / years;
}

/**
 * @param source the instrument file, named in messages
 * @throws UsageError when S is not positive on some date, B crosses zero, or the unit risk of a window is 0 (flat prices)
 */
export function analyseInstrument(kernel: Kernel, instrument: Instrument, data: InstrumentLegs, source = instrument.id): InstrumentAnalysis {
  const { dates, legs } = data;
  const basket = (side: "base" | "quote"): BasketLeg[] => legs.filter((l) => l.side === side).map((l) => ({ name: l.name, units: l.weight, close: l.close }));
  const A = basketValues(`${source}: base`, basket("base"));
  const B = basket("quote").length ? basketValues(`${source}: quote`, basket("quote")) : new Float64Array(dates.length).fill(1);
  let S: Float64Array;
  try { S = ratioSeries(A, B, dates); } catch (e) { throw new UsageError(`${source}: legs: ${(e as Error).message}`); }
  const bad = S.findIndex((s) => !(s > 0));
  if (bad >= 0) throw new UsageError(`${source}: legs: S = A/B is ${S[bad]} on ${dates[bad]}; a position can be sized only on a positive price — choose weights that keep A and B of one sign`);
  if (S.every((v) => v === S[0])) throw new UsageError(`${source}: legs: S = A/B is flat (${S[0]} on every date, ${dates[0]} … ${dates[dates.length - 1]}): it has no volatility to size by — check the legs' files (a flat price column?)`);
  const cap = capOf(instrument), atrPeriod = atrPeriodOf(instrument);
  const closes = legs.map((l) => l.close);
  const a = legs.map((l) => (l.side === "base" ? l.weight : 0)), b = legs.map((l) => (l.side === "quote" ? l.weight : 0));
  const window = instrument.window;
  if (dates.length < Math.max(window, atrPeriod) + 1) throw new UsageError(`${source}: ${dates.length} aligned dates are too few for a window of ${window} changes and ATR(${atrPeriod}) — need ${Math.max(window, atrPeriod) + 1}; use a shorter window or a longer history`);
  const full = rollingRatioVol(kernel, closes, a, b, window, instrument.covariance);
  const skip = Math.max(0, atrPeriod - window);
  const roll = skip === 0 ? full : sliceRoll(full, skip);
  const atrAll = wilderAtrCloseToClose(S, atrPeriod);
  const atr = Float64Array.from(roll.end, (e) => atrAll[e]);
  const unitRisk = instrument.unitRisk.kind === "atr" ? atr : roll.deltaVol;
  const flat = unitRisk.findIndex((u) => !(u > 0) || !Number.isFinite(u));
  if (flat >= 0) throw new UsageError(`${source}: the unit risk (${instrument.unitRisk.kind === "atr" ? `ATR(${atrPeriod})` : "delta-method σ"}) of S is ${unitRisk[flat]} in the window ending ${dates[roll.end[flat]]} (flat prices): it cannot be sized — use legs whose prices move there, or a longer window`);
  const { capital, riskFraction } = instrument.sizing;
  const sizes = Array.from(unitRisk, (u, w) => sizePosition({ capital, riskFraction, unitRisk: u, price: S[roll.end[w]], cap }));
  const m = sizes.length, capBindingShare = sizes.filter((s) => s.capBinds).length / m;
  const reb = instrument.rebalancing;
  const rebalance = reb.kind === "weekly"
    ? { base: weeklyRebalance(basket("base"), dates, reb.costBps), quote: basket("quote").length ? weeklyRebalance(basket("quote"), dates, reb.costBps) : null }
    : null;
  const target = sizes.map((s) => s.position), price = Array.from(roll.end, (e) => S[e]);
  const pyr = instrument.pyramiding;
  const pyramiding = pyramidingPolicy(target, price, unitRisk, pyr);
  const stepsPerYear = stepsPerYearOf(dates);
  const comparison = pyr.enabled && m >= 3
    ? comparePyramiding({ target, pyramided: pyramiding.position, price, capital, stepsPerYear, ...pyr.bootstrap })
    : null;
  return { dates, A, B, S, cap, atrPeriod, stepsPerYear, roll, atr, unitRisk, sizes, capBindingShare, rebalance, pyramiding, comparison, legCorrelation: legCorrelation(kernel, data) };
}

/** Correlation of the daily log returns of the legs whose price moves, on the common dates. */
function legCorrelation(kernel: Kernel, data: InstrumentLegs): { legs: string[]; matrix: number[] } {
  const moving = data.legs.filter((l) => l.close.some((v, t) => t > 0 && v !== l.close[t - 1]));
  const n = data.dates.length, k = moving.length;
  const x = new Float64Array((n - 1) * k);
  moving.forEach((l, j) => { for (let t = 1; t < n; t++) x[(t - 1) * k + j] = Math.log(l.close[t] / l.close[t - 1]); });
  return { legs: moving.map((l) => l.name), matrix: Array.from(sampleCorrelation(kernel, x, n - 1, k)) };
}

function sliceRoll(r: RollingRatioVol, from: number): RollingRatioVol {
  return { end: r.end.slice(from), varA: r.varA.slice(from), varB: r.varB.slice(from), covAB: r.covAB.slice(from), deltaVol: r.deltaVol.slice(from), realisedVol: r.realisedVol.slice(from) };
}
