import { describe, expect, it } from "vitest";
import { rs1Scenario } from "../../src/scenario/presets/rs1.ts";
import { validateScenario } from "../../src/scenario/validate-scenario.ts";
import { runPacing } from "../../src/engine/run-pacing.ts";
import { pacingResults } from "../../src/engine/pacing-results.ts";
import { BlockFold } from "../../src/engine/block-fold.ts";

describe("BlockFold", () => {
  it("folding blocks in any arrival order gives the bits of folding the ordered list", async () => {
    const scenario = validateScenario({ ...rs1Scenario, paths: 700, horizonSteps: 100 });
    const run = await runPacing(scenario, { workers: 1, blockPaths: 64, keepBlocks: true });
    expect(run.blocks).toHaveLength(11);
    const fold = new BlockFold(run.job.nSchemes, 0, 0, 700);
    for (const i of [3, 0, 10, 1, 2, 7, 5, 4, 9, 6, 8]) fold.add(run.blocks[i]);
    const viaFold = pacingResults([fold.result()], run.job.schemeNames, run.baseline, run.years);
    const viaList = pacingResults(run.blocks, run.job.schemeNames, run.baseline, run.years);
    expect(JSON.stringify(viaFold)).toBe(JSON.stringify(viaList));
  });

  it("refuses to finish while a block is missing", () => {
    const fold = new BlockFold(1, 0, 0, 10);
    fold.add({ blockIndex: 1, firstPath: 5, nPaths: 5, schemes: [], logGrowth: [new Float64Array(5)], maxDrawdown: [new Float64Array(0)], terminalReturn: [new Float64Array(5)] });
    expect(() => fold.result()).toThrow(/block 0 never arrived/);
  });
});
