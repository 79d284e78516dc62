import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { rs1Scenario } from "../../src/scenario/presets/rs1.ts";
import { validateScenario } from "../../src/scenario/validate-scenario.ts";
import { scenarioJsonSchema } from "../../src/scenario/scenario-schema.ts";
import { UsageError } from "../../src/errors.ts";

const rs1 = structuredClone(rs1Scenario) as Record<string, any>;
function withChange(change: (s: Record<string, any>) => void) {
  const s = structuredClone(rs1);
  change(s);
  return s;
}
function errorOf(input: unknown): string {
  try {
    validateScenario(input);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error("expected validation to fail");
}

describe("scenario validation", () => {
  it("accepts RS-1 and fills defaults", () => {
    const s = validateScenario(rs1);
    expect(s.schemes).toHaveLength(6);
    expect(s.market.ewmaDecay).toBe(0.94);
  });

  it.each([
    ["an unknown key", (s: any) => (s.market.volatility = 1), /scenario\.market: unknown key "volatility"/],
    ["λ outside (0, 1]", (s: any) => (s.schemes[2].lambda = 1.5), /scenario\.schemes\[2\]\.lambda: must be in \(0, 1\]; got 1\.5/],
    ["λ = 0", (s: any) => (s.schemes[2].lambda = 0), /schemes\[2\]\.lambda: must be in \(0, 1\]; got 0/],
    ["η ≤ 0", (s: any) => (s.schemes[1].eta = -0.1), /schemes\[1\]\.eta: must be in \(0, .*\]; got -0\.1/],
    ["a negative volatility", (s: any) => (s.market.regimes[1].sigma = -1.4), /market\.regimes\[1\]\.sigma: must be in \[0\.000001, 100\]; got -1\.4/],
    ["a book depth the single-precision engine cannot hold", (s: any) => { s.market.regimes[1].sigma = 1e-6; s.costs.thinning = 10; },
      /costs\.thinning: depth thinning \(σ₀\/σ_s\)\^α = .* in regime 1 is outside what the single-precision engine holds/],
    ["a probability above 1", (s: any) => (s.market.transition[0][1] = 1.5), /market\.transition\[0\]\[1\]: must be in \[0, 1\]; got 1\.5/],
    ["θ ≥ 1", (s: any) => (s.ruinBarrier = 1), /ruinBarrier: must be in \[0, 1\); got 1/],
    ["paths < 1", (s: any) => (s.paths = 0), /paths: must be an integer in \[1, 100000000\]; got 0/],
    ["steps < 1", (s: any) => (s.horizonSteps = 0), /horizonSteps: must be an integer in \[1, 100000\]; got 0/],
    ["an unknown scheme kind", (s: any) => (s.schemes[0].kind = "turbo"), /schemes\[0\]\.kind: unknown scheme kind — use one of "instant", "rate"/],
    ["rows not summing to 1", (s: any) => (s.market.transition[1] = [0.5, 0.4]), /market\.transition\[1\]: row must sum to 1; got \[0\.5,0\.4\]/],
    ["duplicate scheme names", (s: any) => (s.schemes[1].name = "instant"), /schemes\[1\]\.name: must be unique; got "instant"/],
    ["a baseline that is no scheme", (s: any) => (s.baseline = "nope"), /baseline: must name a scheme/],
    ["a missing field", (s: any) => delete s.seed, /scenario\.seed: .*got missing/],
    ["a vol-target cap ≤ 0", (s: any) => (s.target = { kind: "vol-target", sigmaTarget: 0.2, cap: 0 }), /scenario\.target\.cap: must be in \(0, 1000\]; got 0/],
    ["a vol-target σ_target ≤ 0", (s: any) => (s.target = { kind: "vol-target", sigmaTarget: -0.2, cap: 4 }), /scenario\.target\.sigmaTarget: must be in \(0, 100\]; got -0\.2/],
    ["a trend time constant < 1", (s: any) => (s.target = { kind: "trend", timeConstantSteps: 0.5, riskAversion: 3, maxLeverage: 3 }), /scenario\.target\.timeConstantSteps: must be in \[1, 1000000\]; got 0\.5/],
    ["a negative funding rate", (s: any) => (s.costs.funding = { ratePerYear: -0.05 }), /scenario\.costs\.funding\.ratePerYear: must be in \[0, 10\]; got -0\.05/],
    ["an unknown observes value", (s: any) => (s.schemes[4].observes = "book"), /scenario\.schemes\[4\]\.observes: must be "estimate" \(depth implied by σ̂, what a trader sees\) or "regime" .*; got "book"/],
    ["an unknown target kind", (s: any) => (s.target = { kind: "momentum" }), /scenario\.target\.kind: unknown target kind — use "signal", "constant", "series", "vol-target" or "trend"/],
  ])("rejects %s, naming the field, the value and the allowed range", (_what, change, pattern) => {
    expect(errorOf(withChange(change))).toMatch(pattern);
  });

  it("fills the new defaults: liquidity observes the estimated depth unless told otherwise, no funding, RS-1 keeps the regime", () => {
    const s = validateScenario(withChange((x) => { delete x.schemes[4].observes; x.target = { kind: "trend" }; }));
    expect(s.schemes[4]).toMatchObject({ kind: "liquidity", observes: "estimate" });
    expect(s.target).toEqual({ kind: "trend", timeConstantSteps: 60, riskAversion: 3, maxLeverage: 3 });
    expect(s.costs).not.toHaveProperty("funding");
    expect(validateScenario(rs1).schemes[4]).toMatchObject({ observes: "regime" });
  });

  it("reports every problem at once", () => {
    const message = errorOf(withChange((s) => { s.paths = -1; s.seed = 1.5; }));
    expect(message.split("\n")).toHaveLength(2);
  });

  it("exports a JSON Schema users can validate against", () => {
    const schema = scenarioJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(["market", "target", "costs", "schemes", "paths", "seed"]));
    expect(schema.required).toContain("schemes");
  });

  it("the study CLI exits with status 2 and a one-line message, no stack trace, on bad input", () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", "studies/rs1-pacing-thin-book.ts", "--out", "out/never", "--paths", "0"], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^error: --paths: must be an integer in \[1, 100000000\]; got "0"\n$/);
  });
});
