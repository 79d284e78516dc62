/**
 * Strategy pacing — RS-1's market, book and six schemes (presets/rs1.ts) with a user's strategy
 * as the target instead of RS-1's oracle signal: a volatility-targeting book (domain.md S1) or a
 * trend follower on realised returns (S2), or RS-1's signal for comparison. The liquidity scheme
 * reads the depth a trader can see (estimated from σ̂), not the hidden regime.
 */
import type { ScenarioInput } from "../scenario-schema.ts";
import { rs1Scenario } from "./rs1.ts";

export const STRATEGIES = ["vol-target", "trend", "signal"] as const;
export type Strategy = (typeof STRATEGIES)[number];

/**
 * The targets: a crypto vol-target book (σ_target = 50% a year: 0.9× in RS-1's calm regime, 0.36×
 * in stress, capped at 2×, the seeds' index cap), a trend follower (τ = 60 steps, γ = 3, |L*| ≤ 3),
 * and RS-1's signal.
 */
const TARGETS: Record<Strategy, ScenarioInput["target"]> = {
  "vol-target": { kind: "vol-target", sigmaTarget: 0.5, cap: 2 },
  trend: { kind: "trend", timeConstantSteps: 60, riskAversion: 3, maxLeverage: 3 },
  signal: rs1Scenario.target,
};

/** The scenario of one strategy (plain data; validate with validateScenario). */
export function strategyScenario(strategy: Strategy): ScenarioInput {
  return {
    ...rs1Scenario,
    name: `strategy-pacing-${strategy}`,
    target: TARGETS[strategy],
    schemes: rs1Scenario.schemes.map((s) => (s.kind === "liquidity" ? { name: s.name, kind: "liquidity", lambdaMax: s.lambdaMax } : s)),
  };
}
