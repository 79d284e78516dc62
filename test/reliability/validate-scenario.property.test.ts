/**
 * Fault catalogue — the scenario validator under random and mutated input: it never
 * crashes, it fails only with a UsageError whose every line names the field
 * (`scenario.<field>: <rule>; got <value>`), and whatever it accepts runs to results
 * without a NaN.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { validateScenario } from "../../src/scenario/validate-scenario.ts";
import { rs1Scenario } from "../../src/scenario/presets/rs1.ts";
import { runPacing } from "../../src/engine/run-pacing.ts";
import { pacingResults } from "../../src/engine/pacing-results.ts";
import { UsageError } from "../../src/errors.ts";
import { nanPaths } from "./helpers.ts";

/** Every line: `scenario…: …`, readable (no [object Object], no stack, no bare undefined). */
function expectReadable(e: unknown): void {
  expect(e).toBeInstanceOf(UsageError);
  const text = (e as Error).message;
  expect(text.length).toBeGreaterThan(0);
  for (const line of text.split("\n")) {
    expect(line).toMatch(/^scenario(\.|\[|:)/);
    expect(line).not.toMatch(/\[object Object\]|\bat .*\.ts:\d+|: undefined$/);
  }
}

/** Leaf paths of a JSON value. */
function leaves(v: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (v && typeof v === "object") return Object.entries(v).flatMap(([k, x]) => leaves(x, [...path, Array.isArray(v) ? Number(k) : k]));
  return [path];
}

function setAt(root: unknown, path: (string | number)[], value: unknown, remove: boolean): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let o = copy;
  for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (remove) delete o[last]; else o[last] = value;
  return copy;
}

const weird = fc.oneof(
  fc.double(), fc.integer(), fc.string({ maxLength: 8 }), fc.boolean(), fc.constant(null), fc.constant(undefined),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 1e308, -1, 1e-300, 2 ** 53), fc.array(fc.double(), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
);
const paths = leaves(rs1Scenario);


describe("validateScenario under random input", () => {
  it("never crashes on arbitrary values: it returns a scenario or throws a readable UsageError", () => {
    fc.assert(fc.property(fc.anything({ withNullPrototype: true, withDate: true, withMap: true, withTypedArray: true, withSparseArray: true }), (input) => {
      try { validateScenario(input); } catch (e) { expectReadable(e); }
    }), { numRuns: 500 });
  });

  it("mutated RS-1 configurations: a readable UsageError, or results without NaN", async () => {
    // mutation kinds: a number scaled by 0…50 (plausible), junk in a field, a field removed, an unknown key
    const kind = fc.constantFrom("scale", "scale", "junk", "remove", "extra");
    const cases = fc.sample(fc.record({
      kind, path: fc.constantFrom(...paths), value: weird, scale: fc.double({ min: 0, max: 50, noNaN: true }),
      extraKey: fc.string({ minLength: 1, maxLength: 6 }),
    }), { numRuns: 300, seed: 6 });
    let accepted = 0;
    const failures: string[] = [];
    for (const c of cases) {
      const base = { ...rs1Scenario, paths: 64, horizonSteps: 40 };
      const original = c.path.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], base);
      if (c.kind === "scale" && typeof original === "number") c.value = original * c.scale;
      let input = c.kind === "extra" ? base : setAt(base, c.path, c.value, c.kind === "remove");
      if (c.kind === "extra") input = { ...(input as object), [c.extraKey]: 1 };
      let scenario;
      try { scenario = validateScenario(input); } catch (e) { expectReadable(e); continue; }
      if (scenario.paths > 256 || scenario.horizonSteps > 200) scenario = { ...scenario, paths: Math.min(scenario.paths, 256), horizonSteps: Math.min(scenario.horizonSteps, 200) };
      if (scenario.target.kind === "series") continue; // its length is tied to the horizon
      const run = await runPacing(scenario, { workers: 1, blockPaths: 64 });
      const results = pacingResults(run.blocks, run.job.schemeNames, run.baseline, run.years);
      const nan = nanPaths(results);
      if (nan.length) failures.push(`${c.path.join(".")} = ${String(c.value)} → NaN at ${nan[0]} (+${nan.length - 1} more)`);
      accepted++;
    }
    expect(failures).toEqual([]);
    expect(accepted).toBeGreaterThan(10); // the mutations also reach the simulation
  });

  it("rejects a depth-thinning exponent, book depth or initial equity that would underflow the book", () => {
    // once accepted and NaN downstream: depth = κ₀·(σ₀/σ_s)^α underflows for a huge α; n²/(2K) and E/E₀ overflow for subnormal K, E₀
    expect(() => validateScenario({ ...rs1Scenario, costs: { ...rs1Scenario.costs, thinning: 1e6 } })).toThrow(/costs\.thinning: must be in \[0, 10\]; got 1000000/);
    expect(() => validateScenario({ ...rs1Scenario, initialEquity: 1e-323 })).toThrow(/initialEquity: must be in \[0\.000001, 1000000000000000\]; got 1e-323/);
    expect(() => validateScenario({ ...rs1Scenario, costs: { ...rs1Scenario.costs, depth: 1e-320 } })).toThrow(/costs\.depth: must be in \[0\.000001, 1000000000000\]/);
  });
});
