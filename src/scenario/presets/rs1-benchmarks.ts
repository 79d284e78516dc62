/**
 * RS-1 with benchmarks (issue 14; docs/optimal-pacing.md): RS-1's market, book, target and six
 * schemes (presets/rs1.ts), plus the optimal benchmarks and the jump correction:
 * - `gp`: Gârleanu–Pedersen with the target's γ = 3 (domain.md O1);
 * - `ac`: Almgren–Chriss with λ = γ/2 = 1.5, so that it trades at GP's rate (AC(λ) = GP(2λ), O2);
 * - `jump-guard`: RS-1's `ema` (λ = 0.2) that de-risks at once after a return beyond 4·σ̂·√dt.
 * Paired differences are taken against `gp`: how far each scheme is from the benchmark.
 */
import type { ScenarioInput } from "../scenario-schema.ts";
import { rs1Scenario } from "./rs1.ts";

/** γ of RS-1's target; ac's λ is half of it (docs/optimal-pacing.md, "AC and its equivalence with GP"). */
const GAMMA = 3;

export const rs1BenchmarksScenario: ScenarioInput = {
  ...rs1Scenario,
  name: "RS-1 with benchmarks",
  schemes: [
    ...rs1Scenario.schemes,
    { name: "gp", kind: "gp" },
    { name: "ac", kind: "ac", riskAversion: GAMMA / 2 },
    { name: "jump-guard", kind: "jump-guard", threshold: 4, then: "ema" },
  ],
  baseline: "gp",
};
