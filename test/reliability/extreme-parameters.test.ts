/**
 * Fault catalogue — extreme but valid parameters (volatility 5 a year, leverage cap 20, a
 * book 100× thinner, and all three at once): results stay finite (or null / −∞ where the
 * spec says so), ruin is counted, and no NaN appears anywhere in results.json.
 */
import { describe, expect, it } from "vitest";
import { rs1Scenario } from "../../src/scenario/presets/rs1.ts";
import { validateScenario } from "../../src/scenario/validate-scenario.ts";
import { runPacing } from "../../src/engine/run-pacing.ts";
import { pacingDocument } from "../../src/engine/pacing-document.ts";
import { nanPaths } from "./helpers.ts";

const base = { ...rs1Scenario, paths: 640, horizonSteps: 365 };
const market = rs1Scenario.market, costs = rs1Scenario.costs as { depth: number };
const cases: Record<string, object> = {
  "volatility 5": { market: { ...market, regimes: [{ sigma: 5 }, { sigma: 5 }] } },
  "leverage cap 20": { target: { ...rs1Scenario.target, maxLeverage: 20 } },
  "book 100× thinner": { costs: { ...rs1Scenario.costs, depth: costs.depth / 100 } },
  "all three": {
    market: { ...market, regimes: [{ sigma: 5 }, { sigma: 5 }] },
    target: { ...rs1Scenario.target, maxLeverage: 20 }, costs: { ...rs1Scenario.costs, depth: costs.depth / 100 },
  },
};

describe("extreme but valid parameters", () => {
  for (const [name, change] of Object.entries(cases)) {
    it(`${name}: finite results, ruin counted, no NaN`, async () => {
      const scenario = validateScenario({ ...base, ...change });
      const run = await runPacing(scenario, { workers: 1, blockPaths: 128, tracePaths: 10 });
      const doc = pacingDocument(scenario, run, { gitRevision: "test", date: "test", blockPaths: 128 });
      expect(nanPaths(doc)).toEqual([]);
      for (const [scheme, r] of Object.entries(doc.schemes)) {
        expect(r.ruined + r.survivors, scheme).toBeLessThanOrEqual(r.paths);
        expect(r.ruin_probability.estimate!).toBeGreaterThanOrEqual(0);
        expect(r.ruin_probability.estimate!).toBeLessThanOrEqual(1);
        for (const [metric, e] of Object.entries(r)) {
          if (typeof e !== "object" || Array.isArray(e)) continue; // rate_per_step, aim_scale: constants, not estimates
          for (const v of [e.estimate, e.lo, e.hi]) {
            const ok = v === null || Number.isFinite(v) || (metric === "terminal_log_growth_median" && v === -Infinity);
            expect(ok, `${scheme}.${metric} = ${v}`).toBe(true);
          }
        }
      }
    });
  }
});
