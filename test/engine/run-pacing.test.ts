import { describe, expect, it } from "vitest";
import { rs1Scenario } from "../../src/scenario/presets/rs1.ts";
import { validateScenario } from "../../src/scenario/validate-scenario.ts";
import { runPacing } from "../../src/engine/run-pacing.ts";
import { pacingDocument } from "../../src/engine/pacing-document.ts";
import { toJson } from "../../src/io/write-atomic.ts";

const scenario = validateScenario({ ...rs1Scenario, paths: 1500, horizonSteps: 365 });
const ctx = { gitRevision: "test", date: "2026-01-01", blockPaths: 128 };

async function documentBytes(workers: number, engine: "wasm" | "reference" = "wasm"): Promise<string> {
  const run = await runPacing(scenario, { workers, engine, blockPaths: 128, tracePaths: 20 });
  const { timing: _timing, ...rest } = pacingDocument(scenario, run, ctx);
  return toJson(rest);
}

describe("runPacing", () => {
  it("gives byte-identical results for 1 and 2 worker threads (timing aside)", async () => {
    const one = await documentBytes(1);
    const two = await documentBytes(2);
    expect(two).toBe(one);
    expect(one).toContain('"ruin_probability"');
  });

  it("the TypeScript twin reproduces the WASM run's statistics", async () => {
    const wasm = JSON.parse(await documentBytes(1));
    const twin = JSON.parse(await documentBytes(1, "reference"));
    for (const [scheme, r] of Object.entries<Record<string, { estimate: number }>>(wasm.schemes)) {
      for (const [metric, e] of Object.entries(r)) {
        if (typeof e !== "object" || Array.isArray(e)) continue; // rate_per_step, aim_scale: constants, not estimates
        const t = twin.schemes[scheme][metric].estimate;
        if (e.estimate === null) expect(t).toBeNull();
        else expect(Math.abs(t - e.estimate)).toBeLessThanOrEqual(1e-10 * Math.max(1, Math.abs(e.estimate)));
      }
    }
  });

  it("rejects an impossible worker count with the flag's name and range", async () => {
    await expect(runPacing(scenario, { workers: 0 })).rejects.toThrow(/--workers: must be an integer in \[1, 256\]; got 0/);
  });
});
