/**
 * The optimal and corrective schemes give the same results.json bytes for any worker count and
 * any shard split (through the shard file, whose block summaries carry gp_objective's moments).
 */
import { describe, expect, it } from "vitest";
import { rs1Scenario } from "../../src/scenario/presets/rs1.ts";
import { validateScenario } from "../../src/scenario/validate-scenario.ts";
import { bytesAtAnySplit } from "../shard/helpers.ts";

describe("gp, ac and jump-guard: bit-identical for any worker or shard count", () => {
  const scenario = validateScenario({
    ...rs1Scenario, paths: 256, horizonSteps: 370,
    schemes: [...rs1Scenario.schemes, { name: "gp", kind: "gp" }, { name: "ac", kind: "ac", riskAversion: 1.5 },
      { name: "gp-guarded", kind: "jump-guard", threshold: 3, then: "gp" }],
  });

  it("1 and 2 workers, and 3 shards merged, give the same bytes", async () => {
    const one = await bytesAtAnySplit(scenario);
    const doc = JSON.parse(one);
    expect(doc.schemes.gp.rate_per_step).toHaveLength(2);
    expect(doc.schemes.gp.aim_scale).toHaveLength(2);
    expect(doc.schemes.ac.rate_per_step).toHaveLength(2);
    expect(doc.schemes["gp-guarded"].max_drawdown_p95.estimate).toBeGreaterThan(0);
    expect(doc.paired_differences.schemes.gp.gp_objective.paired.lo).not.toBeNull();
  });
});
