/**
 * The paired differences in the results against a recomputation from the kernel's per-path
 * outputs: each scheme minus the baseline, path by path.
 */
import { describe, expect, it } from "vitest";
import * as L from "../../assembly/pacing/layout.ts";
import { rs1Scenario } from "../../src/scenario/presets/rs1.ts";
import { runPacing } from "../../src/engine/run-pacing.ts";
import { pacingResults } from "../../src/engine/pacing-results.ts";
import { simulate } from "../pacing/helpers.ts";

const PATHS = 300, T = 730, Z95 = 1.959963984540054;
// baseline ema: a slower scheme, so paths where the other scheme is ruined first (or later) are common
const input = { ...rs1Scenario, baseline: "ema", paths: PATHS, horizonSteps: T, costs: { ...rs1Scenario.costs, funding: { ratePerYear: 0.04 } } } as typeof rs1Scenario;

function meanAndHalf(d: number[]) {
  const m = d.reduce((a, b) => a + b, 0) / d.length;
  const v = d.reduce((a, b) => a + (b - m) ** 2, 0) / (d.length - 1);
  return { m, half: Z95 * Math.sqrt(v / d.length) };
}
const quantile = (v: number[], p: number) => {
  const s = [...v].sort((a, b) => a - b), h = (s.length - 1) * p, lo = Math.floor(h);
  return s[lo] + (h - lo) * ((s[lo + 1] ?? s[lo]) - s[lo]);
};
const cvar5 = (v: number[]) => [...v].sort((a, b) => a - b).slice(0, 15).reduce((a, b) => a + b, 0) / 15; // 5% of 300

describe("paired differences against a recomputation from per-path outputs", async () => {
  const kernel = simulate(input);
  const run = await runPacing(kernel.scenario, { workers: 1 });
  const results = pacingResults(run.blocks, run.job.schemeNames, run.baseline, run.years);
  const years = T / 365, base = 2;
  const column = (s: number, m: number) => Array.from({ length: PATHS }, (_, p) => kernel.at(p, s, m));
  const near = (a: number | null, b: number) => expect(Math.abs(a! - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));

  it.each(kernel.job.schemeNames.map((n, i) => [n, i] as const).filter(([, i]) => i !== base))("%s − ema: every output, estimate and paired interval", (name, s) => {
    const d = results.paired_differences.schemes[name];
    const perPath = (m: number, f = (x: number) => x) => column(s, m).map((x, p) => f(x) - f(kernel.at(p, base, m)));
    const checks: [string, number[], number][] = [
      ["ruin_probability", perPath(L.O_RUIN_STEP, (x) => (x > 0 ? 1 : 0)), 1],
      ["opportunity_cost", perPath(L.O_OPPORTUNITY), 1 / years],
      ["slippage", perPath(L.O_SLIPPAGE), 1 / years],
      ["turnover", perPath(L.O_TURNOVER), 1 / years],
      ["time_under_water", perPath(L.O_UNDER_WATER, (x) => x / T), 1],
      ["funding", perPath(L.O_FUNDING), 1 / years],
    ];
    for (const [metric, diffs, scale] of checks) {
      const { m, half } = meanAndHalf(diffs);
      near(d[metric].estimate, m * scale);
      near(d[metric].paired.lo, (m - half) * scale);
      near(d[metric].paired.hi, (m + half) * scale);
    }
    const growth = (p: number, k: number) => Math.log(kernel.at(p, k, L.O_EQUITY));
    const logDiffs = Array.from({ length: PATHS }, (_, p) => growth(p, s) - growth(p, base)).filter(Number.isFinite);
    near(d.terminal_log_growth.estimate, meanAndHalf(logDiffs).m / years);
    near(d.max_drawdown_median.estimate, quantile(column(s, L.O_MAX_DRAWDOWN), 0.5) - quantile(column(base, L.O_MAX_DRAWDOWN), 0.5));
    near(d.max_drawdown_p95.estimate, quantile(column(s, L.O_MAX_DRAWDOWN), 0.95) - quantile(column(base, L.O_MAX_DRAWDOWN), 0.95));
    near(d.cvar5_terminal_return.estimate, cvar5(column(s, L.O_EQUITY).map((e) => e - 1)) - cvar5(column(base, L.O_EQUITY).map((e) => e - 1)));
    const ruinedBy = (k: number, end: number) => column(k, L.O_RUIN_STEP).map((t) => (t > 0 && t <= end ? 1 : 0));
    const byYear = meanAndHalf(ruinedBy(s, 365).map((x, p) => x - ruinedBy(base, 365)[p]));
    near(d.ruin_by_year_1.estimate, byYear.m);
    near(d.ruin_by_year_1.paired.hi, byYear.m + byYear.half);
    near(d[`ruin_by_year_${years}`].estimate, d.ruin_probability.estimate!);
  });
});
