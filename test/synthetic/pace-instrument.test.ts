/**
 * --pace: the instrument's history becomes a pacing scenario (bootstrap of S, or correlated
 * legs fitted from the data) with a target at the instrument's cap, run by the pacing engine.
 * The runs use the default target of `--pace`, `vol-target` at the instrument's cap (domain.md S1).
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runStudy } from "../../studies/synthetic-instrument.ts";
import { Kernel } from "../../src/wasm/kernel.ts";
import { loadKernelModule } from "../../src/wasm/load-kernel-module.ts";
import { validateInstrument } from "../../src/synthetic/validate-instrument.ts";
import { loadInstrumentLegs } from "../../src/synthetic/instrument-legs.ts";
import { analyseInstrument } from "../../src/synthetic/analyse-instrument.ts";
import { paceScenario } from "../../src/synthetic/pace-scenario.ts";
import { instrumentEntry } from "../../src/synthetic/instrument-document.ts";
import type { InstrumentInput } from "../../src/synthetic/instrument-schema.ts";
import { instrumentOf, randomWalk, tempDir, writeInstrument, writePrices } from "./fixtures.ts";

const dir = tempDir("pace-");
writePrices(dir, "x.csv", randomWalk(200, 100, 1.5, 4));
writePrices(dir, "y.csv", randomWalk(200, 80, 0.9, 5));
const legs: InstrumentInput["legs"] = [{ name: "X", side: "base", weight: 1, file: "x.csv" }, { name: "Y", side: "quote", weight: 1, file: "y.csv" }];
const small = { horizonSteps: 60, paths: 64, seed: 3 };

function scenarioOf(input: InstrumentInput, target: "vol-target" | "constant") {
  const instrument = validateInstrument(input);
  const data = loadInstrumentLegs(instrument, { dataDir: dir });
  return paceScenario(instrument, data, analyseInstrument(new Kernel(loadKernelModule()), instrument, data), { target });
}

describe("pacing a synthetic instrument", () => {
  it("writes pace/ as the RS-1 study does: six schemes with intervals, the scenario it ran", async () => {
    const out = join(dir, "out-bootstrap");
    const instrument = writeInstrument(dir, instrumentOf(legs, { sizing: { capital: 1e6, riskFraction: 0.01, cap: "fx" }, pacing: { returns: { kind: "bootstrap", meanBlock: 10 }, ...small } }), "boot.json");
    const r = await runStudy({ instrument, dataDir: dir, out, pace: { target: "vol-target", workers: 1, quiet: true } }) as { pacing: Record<string, any> };
    const doc = JSON.parse(readFileSync(join(out, "pace", "results.json"), "utf8"));
    expect(Object.keys(doc.schemes)).toEqual(["instant", "rate", "ema", "vol", "liquidity", "asymmetric"]);
    for (const s of Object.values(doc.schemes) as any[]) expect(s.ruin_probability.lo).toBeLessThanOrEqual(s.ruin_probability.estimate);
    const scenario = JSON.parse(readFileSync(join(out, "pace", "scenario.json"), "utf8"));
    expect(scenario.target).toMatchObject({ kind: "vol-target", cap: 7 });
    expect(scenario.returns.kind).toBe("bootstrap");
    expect(scenario.returns.returns).toHaveLength(199);
    expect(r.pacing.paths).toBe(64);
    expect(readFileSync(join(out, "pace", "report.html"), "utf8")).toContain("instant");
  });

  it("correlated legs: each leg's annual σ and last price, their correlation, from the data", async () => {
    const out = join(dir, "out-legs");
    const instrument = writeInstrument(dir, instrumentOf(legs, { pacing: { returns: { kind: "correlated-legs" }, ...small } }), "legs.json");
    await runStudy({ instrument, dataDir: dir, out, pace: { target: "vol-target", workers: 1, quiet: true } });
    const scenario = JSON.parse(readFileSync(join(out, "pace", "scenario.json"), "utf8"));
    expect(scenario.returns.legs.map((l: { name: string; side: string }) => [l.name, l.side])).toEqual([["X", "base"], ["Y", "quote"]]);
    const x = randomWalk(200, 100, 1.5, 4);
    expect(scenario.returns.legs[0].price).toBe(x[199]);
    const r = Array.from({ length: 199 }, (_, t) => Math.log(x[t + 1] / x[t])), m = r.reduce((s, v) => s + v, 0) / 199;
    const spy = scenario.market.stepsPerYear;
    expect(scenario.returns.legs[0].sigma).toBeCloseTo(Math.sqrt((r.reduce((s, v) => s + (v - m) ** 2, 0) / 198) * spy), 12);
    expect(scenario.returns.correlation[0][1]).toBe(scenario.returns.correlation[1][0]);
  });

  it("vol-target (the default): σ_target = riskFraction·√stepsPerYear, capped at the instrument's cap", () => {
    const s = scenarioOf(instrumentOf(legs, { sizing: { capital: 1e6, riskFraction: 0.02, cap: 3 } }), "vol-target");
    expect(s.target).toEqual({ kind: "vol-target", sigmaTarget: 0.02 * Math.sqrt(s.market.stepsPerYear), cap: 3 });
    // 200 weekdays from 2021-01-04: 199 changes over 277 calendar days
    expect(s.market.stepsPerYear).toBeCloseTo(199 / (277 / 365.25), 10);
  });

  it("refuses correlated legs for a basket with a negative weight, advising the bootstrap", () => {
    const short = instrumentOf([...legs, { name: "Z", side: "base", weight: -0.1, file: "y.csv" }], { pacing: { returns: { kind: "correlated-legs" } } });
    expect(() => scenarioOf(short, "constant")).toThrow(/pacing\.returns: correlated legs cannot express this instrument: a leg has a negative weight — use \{"kind": "bootstrap"\}/);
  });
});

describe("the results entry", () => {
  it("refuses a figure that is not finite, naming its field (never a silent null in results.json)", () => {
    const instrument = validateInstrument(instrumentOf(legs));
    const data = loadInstrumentLegs(instrument, { dataDir: dir });
    const x = analyseInstrument(new Kernel(loadKernelModule()), instrument, data);
    expect(instrumentEntry(instrument, data, x).last_window.delta_vol).toBeGreaterThan(0);
    x.roll.deltaVol[x.roll.deltaVol.length - 1] = NaN;
    expect(() => instrumentEntry(instrument, data, x)).toThrow(/instruments\.fixture\.last_window\.delta_vol: is NaN, not a finite number/);
  });
});
