/**
 * The named scenario presets, one place: what `--config NAME` of the RS-1 study and
 * `pacing run NAME` accept besides a scenario file.
 */
import type { ScenarioInput } from "../scenario-schema.ts";
import { rs1Scenario } from "./rs1.ts";
import { rs1BenchmarksScenario } from "./rs1-benchmarks.ts";

/** Preset scenarios by name (plain data; validate with validateScenario). */
export const PRESET_SCENARIOS: Record<string, ScenarioInput> = {
  rs1: rs1Scenario,
  "rs1-benchmarks": rs1BenchmarksScenario,
};

/** The preset called `name`, or undefined when there is none (then `name` is a file path). */
export function presetScenario(name: string): ScenarioInput | undefined {
  return Object.hasOwn(PRESET_SCENARIOS, name) ? PRESET_SCENARIOS[name] : undefined;
}
