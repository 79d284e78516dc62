/**
 * The pacing scenario of a synthetic instrument (the `--pace` of studies/synthetic-instrument.ts):
 * the instrument's history becomes the scenario's supplied market (`returns`), either
 * - `bootstrap`: a stationary block bootstrap of S's own daily log returns, or
 * - `correlated-legs`: its moving legs as correlated GBMs, each with the annualised sd of its
 *   daily log returns, their sample correlation and last price (drift 0; a quote basket of
 *   constants is dropped: it scales S and leaves its returns unchanged);
 * and the target is a volatility target at the instrument's cap (domain.md (S1)):
 * L* = min(cap, σ_target/σ̂) with σ_target = riskFraction·√stepsPerYear by default — the (G4)
 * budget, since Position·S/capital = riskFraction/(σ_S/S) per step — or, with target
 * "constant", the cap itself. The market's one regime has S's annualised volatility (it sets
 * the book's depth and spread); steps per year come from the dates (stepsPerYearOf).
 */
import { UsageError } from "../errors.ts";
import { rs1Scenario } from "../scenario/presets/rs1.ts";
import type { ScenarioInput } from "../scenario/scenario-schema.ts";
import { pacingSchema, type Instrument } from "./instrument-schema.ts";
import type { InstrumentLegs } from "./instrument-legs.ts";
import type { InstrumentAnalysis } from "./analyse-instrument.ts";

export type PaceTarget = "vol-target" | "constant";

export interface PaceOptions { target: PaceTarget; paths?: number; steps?: number; seed?: number; source?: string }

/** Annualised sd (divisor n − 1) of the daily log returns of a close series. */
function annualVol(close: ArrayLike<number>, stepsPerYear: number): number {
  const x = Array.from({ length: close.length - 1 }, (_, t) => Math.log(close[t + 1] / close[t]));
  const mean = x.reduce((s, v) => s + v, 0) / x.length;
  return Math.sqrt((x.reduce((s, v) => s + (v - mean) ** 2, 0) / (x.length - 1)) * stepsPerYear);
}

/**
 * Builds the scenario (validate it with validateScenario before running).
 * @throws UsageError when correlated legs cannot express the instrument (a negative weight, or a constant leg beside moving ones in a basket)
 */
export function paceScenario(instrument: Instrument, data: InstrumentLegs, x: InstrumentAnalysis, options: PaceOptions): ScenarioInput {
  const p = instrument.pacing ?? pacingSchema.parse({});
  const source = options.source ?? instrument.id, spy = x.stepsPerYear;
  const sigmaS = annualVol(x.S, spy);
  const sigmaTarget = p.sigmaTarget ?? instrument.sizing.riskFraction * Math.sqrt(spy);
  const target = options.target === "vol-target" ? { kind: "vol-target", sigmaTarget, cap: x.cap } : { kind: "constant", leverage: x.cap };
  const returns = p.returns.kind === "bootstrap"
    ? { kind: "bootstrap" as const, returns: Array.from({ length: x.S.length - 1 }, (_, t) => Math.log(x.S[t + 1] / x.S[t])), meanBlock: p.returns.meanBlock }
    : correlatedLegs(data, x, spy, source);
  const schemes = p.schemes ?? rs1Scenario.schemes;
  return {
    name: `${instrument.id}-paced`,
    market: { stepsPerYear: spy, regimes: [{ sigma: sigmaS }], alpha: { mean: 0, sd: 0, timeConstantSteps: 1 } },
    target: target as ScenarioInput["target"],
    costs: p.costs ?? rs1Scenario.costs,
    returns,
    schemes,
    baseline: schemes.some((s) => s.name === "instant") ? "instant" : schemes[0].name,
    ruinBarrier: p.ruinBarrier,
    horizonSteps: options.steps ?? p.horizonSteps,
    paths: options.paths ?? p.paths,
    seed: options.seed ?? p.seed,
  };
}

function correlatedLegs(data: InstrumentLegs, x: InstrumentAnalysis, spy: number, source: string) {
  const refuse = (why: string) => { throw new UsageError(`${source}: pacing.returns: correlated legs cannot express this instrument: ${why} — use {"kind": "bootstrap"}`); };
  const moving = data.legs.filter((l) => x.legCorrelation.legs.includes(l.name));
  if (moving.some((l) => l.weight < 0)) refuse("a leg has a negative weight");
  for (const side of ["base", "quote"] as const) {
    const legs = data.legs.filter((l) => l.side === side), still = legs.filter((l) => !moving.includes(l));
    if (still.length && (side === "base" || still.length < legs.length)) refuse(`the ${side} basket mixes constant and moving legs`);
  }
  const k = moving.length, m = x.legCorrelation.matrix;
  return {
    kind: "correlated-legs" as const, regimes: "shared" as const,
    legs: moving.map((l) => ({ name: l.name, sigma: annualVol(l.close, spy), drift: 0, weight: l.weight, side: l.side, price: l.close[l.close.length - 1] })),
    correlation: Array.from({ length: k }, (_, i) => m.slice(i * k, (i + 1) * k)),
  };
}
