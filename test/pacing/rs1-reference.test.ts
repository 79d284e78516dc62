import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { rs1Scenario } from "../../src/scenario/presets/rs1.ts";
import { validateScenario } from "../../src/scenario/validate-scenario.ts";
import { runPacing } from "../../src/engine/run-pacing.ts";
import { pacingResults, METRICS } from "../../src/engine/pacing-results.ts";

// Outputs of an independent implementation of RS-1 (10,000 paths), shared/spec/rs1-reference-results.json
const reference = JSON.parse(readFileSync(new URL("../../../shared/spec/rs1-reference-results.json", import.meta.url), "utf8"));

describe("RS-1 against an independent implementation", () => {
  it("every output of every scheme agrees within Monte Carlo error (|z| < 3.5 on both intervals)", async () => {
    const scenario = validateScenario(rs1Scenario);
    const run = await runPacing(scenario, { workers: 2 });
    const results = pacingResults(run.blocks, run.job.schemeNames, run.baseline, run.years);
    const failures: string[] = [];
    for (const scheme of Object.keys(reference.schemes)) {
      for (const metric of METRICS) {
        const ref = reference.schemes[scheme][metric], mine = results.schemes[scheme][metric];
        const se = Math.hypot((ref.hi - ref.lo) / 3.92, (mine.hi! - mine.lo!) / 3.92);
        const z = (mine.estimate! - ref.estimate) / se;
        if (!(Math.abs(z) < 3.5)) failures.push(`${scheme}.${metric}: ours ${mine.estimate} vs ${ref.estimate}, z = ${z.toFixed(2)}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
