/**
 * Strategies as targets give the same results.json bytes for any worker count and any shard
 * split (through the shard file format, whose block summaries now carry the path-risk fields).
 */
import { describe, expect, it } from "vitest";
import { rs1Scenario } from "../../src/scenario/presets/rs1.ts";
import { validateScenario } from "../../src/scenario/validate-scenario.ts";
import { bytesAtAnySplit } from "../shard/helpers.ts";

const targets = [
  { kind: "vol-target", sigmaTarget: 0.6, cap: 4 },
  { kind: "trend", timeConstantSteps: 60, riskAversion: 3, maxLeverage: 3 },
] as const;

describe.each(targets)("$kind target: bit-identical for any worker or shard count", (target) => {
  const scenario = validateScenario({
    ...rs1Scenario, target, paths: 256, horizonSteps: 370, costs: { ...rs1Scenario.costs, funding: { ratePerYear: 0.05 } },
  });

  it("1 and 2 workers, and 3 shards merged (3 > 2 blocks: one empty), give the same bytes", async () => {
    const one = await bytesAtAnySplit(scenario);
    const doc = JSON.parse(one);
    expect(doc.schemes.ema.max_drawdown_p95.estimate).toBeGreaterThan(0);
    expect(doc.ruin_by_year.years).toHaveLength(2);
    expect(doc.paired_differences.schemes.ema.cvar5_terminal_return.paired.lo).not.toBeNull();
  });
});
