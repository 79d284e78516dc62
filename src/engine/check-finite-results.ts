/**
 * The last guard before results are written: every figure is finite, or null where it is
 * undefined (no survivors, an interval of one path). A NaN or an infinity would be written as
 * `null` by JSON and read as "undefined", so it is an error naming the scheme, the output and
 * the first path whose terminal log growth is not a number. The one exception is RS-1's
 * convention: a ruin equity ≤ 0 is −∞ in the median log growth (reference-scenarios.md, RS-1).
 */
import type { Estimate } from "../metrics/intervals.ts";

/** Outputs that may be −∞ (their estimate or either end of their interval). */
const MAY_BE_MINUS_INFINITY = new Set(["terminal_log_growth_median"]);

/**
 * @param schemes per scheme, its outputs (Estimate-valued entries are checked, others ignored)
 * @param logGrowth per scheme, the per-path terminal log growths (to name the first bad path)
 * @throws Error naming the scheme, the output, the value and the first path whose log growth is NaN or +∞
 */
export function checkFiniteResults(schemes: Record<string, Record<string, unknown>>, logGrowth: (name: string) => Float64Array): void {
  for (const [name, outputs] of Object.entries(schemes)) {
    for (const [output, value] of Object.entries(outputs)) {
      if (!isEstimate(value)) continue;
      for (const field of ["estimate", "lo", "hi"] as const) {
        const v = value[field];
        if (v === null || Number.isFinite(v) || (v === -Infinity && MAY_BE_MINUS_INFINITY.has(output))) continue;
        const g = logGrowth(name), bad = g.findIndex((x) => Number.isNaN(x) || x === Infinity);
        throw new Error(`pacingResults: scheme "${name}" output ${output} (${field}) is ${v}, not a finite number`
          + (bad >= 0 ? `; path ${bad}'s terminal log growth is ${g[bad]}` : "")
          + " — the single-precision engine could not hold this scenario; shorten horizonSteps or lower the leverage cap, drift or volatility");
      }
    }
  }
}

function isEstimate(v: unknown): v is Estimate {
  return typeof v === "object" && v !== null && "estimate" in v && "lo" in v && "hi" in v;
}
