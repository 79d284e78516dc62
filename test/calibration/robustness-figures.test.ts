import { describe, expect, it } from "vitest";
import { robustnessFigures } from "../../src/calibration/robustness-figures.ts";
import type { RobustnessDocument, CandidateRobustness } from "../../src/calibration/fit-robustness.ts";
import type { Figure } from "../../src/report/plotly-html.ts";

const spread = (q50: number) => ({ fitted: q50, q10: q50 - 0.01, q50, q90: q50 + 0.01, min: q50 - 0.02, max: q50 + 0.02 });
const candidate = (name: string, dd: number): CandidateRobustness => ({
  name, params: {} as CandidateRobustness["params"], objective: spread(0.05), ruin_probability: spread(0.01), max_drawdown_p95: spread(dd),
  worst_decile_constraints: { ruin: { cap: 0.05, estimate: 0.02, lo: 0.01, hi: 0.03, holds: true, holds_confidently: true }, feasible: true, feasible_confident: true, excess: 0 } as unknown as CandidateRobustness["worst_decile_constraints"],
});
const doc = {
  method: "test", draws: 20, objective_sense: "max", draws_used: 20, refused_draws: [], paths: 64, seed: 1, drawn_parameters: ["σ"], held_fixed: ["ν"],
  rule: "worst decile", draws_skipped: null, seconds: 0,
  kinds: { ema: { recommended: "ema 0.1", robust_choice: "ema 0.05", robust_differs: true, draws_skipped: false, candidates: [candidate("ema 0.1", 0.31), candidate("ema 0.05", 0.19)] } },
} as unknown as RobustnessDocument;

/** The y of each line a figure draws across its plot (a cap). */
const capLines = (f: Figure) => ((f.layout as { shapes: { y0: number }[] }).shapes).map((l) => l.y0);

describe("robustnessFigures", () => {
  it("draws each cap of the search on its own figure: ruin always, drawdown p95 when --max-drawdown is given", () => {
    const [objective, ruin, drawdown] = robustnessFigures(doc, { maxRuin: 0.05, maxDrawdown: 0.3 });
    expect(capLines(objective)).toEqual([]);
    expect(capLines(ruin)).toEqual([0.05]);
    expect(capLines(drawdown)).toEqual([0.3]);
    expect(drawdown.title).toMatch(/maximum drawdown, 95th percentile/);
    expect((drawdown.data[0] as { y: number[] }).y).toEqual([0.31, 0.19]);
    expect(capLines(robustnessFigures(doc, { maxRuin: 0.05 })[2])).toEqual([]);
  });
});
