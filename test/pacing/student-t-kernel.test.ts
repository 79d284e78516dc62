/**
 * Student-t innovations in the engine: the WASM kernel and its TypeScript twin agree bit for bit
 * with t on; the same seed gives the same bytes for any worker count and shard split; normal
 * innovations (explicit or by default) leave every draw of the normal engine unchanged, and so do
 * t innovations when the market paths are supplied.
 */
import { describe, expect, it } from "vitest";
import * as L from "../../assembly/pacing/layout.ts";
import { rs1Scenario } from "../../src/scenario/presets/rs1.ts";
import { validateScenario } from "../../src/scenario/validate-scenario.ts";
import { encodeJob } from "../../src/scenario/encode-job.ts";
import { createPacingRunner, runKeepingTrace } from "../../src/engine/pacing-block.ts";
import { loadKernelModule } from "../../src/wasm/load-kernel-module.ts";
import { bytesAtAnySplit } from "../shard/helpers.ts";
import type { ScenarioInput } from "../../src/scenario/scenario-schema.ts";

const withT = (nu: number[], market: ScenarioInput["market"] = rs1Scenario.market): ScenarioInput["market"] =>
  ({ ...market, innovations: { kind: "student-t", nu } });

const variants: [string, Partial<ScenarioInput>][] = [
  ["RS-1 with t in both regimes (ν 4 calm, 3 stressed) and jumps", { market: withT([4, 3]) }],
  ["three regimes, ν 30 / 5 / 3, a target series", {
    market: withT([30, 5, 3], { ...rs1Scenario.market, regimes: [{ sigma: 0.3 }, { sigma: 0.8 }, { sigma: 2 }],
      transition: [[0.98, 0.015, 0.005], [0.05, 0.9, 0.05], [0.02, 0.18, 0.8]] }),
    target: { kind: "series", values: Array.from({ length: 601 }, (_, t) => 2 * Math.sin(t / 17)) },
  }],
  ["one regime, ν = 10⁶ (the normal limit), a vol-target book", {
    market: withT([1e6], { stepsPerYear: 365, regimes: [{ sigma: 0.6 }], alpha: { mean: 0.1, sd: 0.2, timeConstantSteps: 30 } }),
    target: { kind: "vol-target", sigmaTarget: 0.4, cap: 4 },
  }],
];

function run(input: ScenarioInput, kind: "wasm" | "reference", nPaths = 70) {
  const job = encodeJob(validateScenario(input));
  return runKeepingTrace(createPacingRunner(kind, job, kind === "wasm" ? loadKernelModule() : undefined), job, { firstPath: 1000, nPaths, nTrace: 3 });
}

describe("Student-t innovations: WASM kernel vs its TypeScript twin", () => {
  it.each(variants)("agree bit for bit on every per-path output and trace value: %s", (_name, change) => {
    const input = { ...rs1Scenario, horizonSteps: 600, ...change, paths: 70 };
    const wasm = run(input, "wasm"), twin = run(input, "reference");
    expect(wasm.out.length).toBe(70 * input.schemes.length * L.OUT_WIDTH);
    for (let i = 0; i < wasm.out.length; i++) if (!Object.is(wasm.out[i], twin.out[i])) expect.fail(`out[${i}]: wasm ${wasm.out[i]} vs twin ${twin.out[i]}`);
    for (let i = 0; i < wasm.trace.length; i++) if (!Object.is(wasm.trace[i], twin.trace[i])) expect.fail(`trace[${i}]: wasm ${wasm.trace[i]} vs twin ${twin.trace[i]}`);
    expect(wasm.out[L.O_TRADED]).toBeGreaterThan(0); // not vacuous: the schemes traded
  });

  it("the t changes the market path (the draws are used), and normal innovations, explicit or by default, do not", () => {
    const base = { ...rs1Scenario, horizonSteps: 300, paths: 64 };
    const plain = run(base, "wasm", 64);
    const normal = run({ ...base, market: { ...rs1Scenario.market, innovations: { kind: "normal" } } }, "wasm", 64);
    const t = run({ ...base, market: withT([5, 5]) }, "wasm", 64);
    expect(Buffer.from(normal.out.buffer).equals(Buffer.from(plain.out.buffer))).toBe(true);
    expect(Buffer.from(normal.trace.buffer).equals(Buffer.from(plain.trace.buffer))).toBe(true);
    // ln S of the first traced path at step 1 (trace column 3) differs: its diffusion draw is a t now
    expect(t.trace[3]).not.toBe(plain.trace[3]);
  });
});

describe("Student-t innovations with supplied market paths", () => {
  it("are unused, like jumps: a bootstrap of a history gives the same bytes with and without them", () => {
    const returns = { kind: "bootstrap", returns: Array.from({ length: 400 }, (_, t) => 0.03 * Math.sin(t * 1.7)), meanBlock: 10 } as const;
    const base = { ...rs1Scenario, returns, horizonSteps: 200, paths: 64 };
    const plain = run(base, "wasm", 64), t = run({ ...base, market: withT([4, 3]) }, "wasm", 64), twin = run({ ...base, market: withT([4, 3]) }, "reference", 64);
    expect(Buffer.from(t.out.buffer).equals(Buffer.from(plain.out.buffer))).toBe(true);
    expect(Buffer.from(twin.out.buffer).equals(Buffer.from(plain.out.buffer))).toBe(true);
  });
});

describe("Student-t innovations: the same bytes for any worker or shard count", () => {
  const scenario = validateScenario({ ...rs1Scenario, market: withT([4, 3]), paths: 256, horizonSteps: 370 });

  it("1 and 2 workers, and 3 shards merged, give the same results.json bytes", async () => {
    const one = await bytesAtAnySplit(scenario);
    expect(JSON.parse(one).config.market.innovations).toEqual({ kind: "student-t", nu: [4, 3] });
  });
});
