/**
 * The zod rule every configuration file (scenario, instrument) uses for a number in a range.
 */
import { number as zNumber } from "zod";

/**
 * A finite number in [lo, hi] (either end open when asked); the message states the range,
 * e.g. `must be in (0, 1]`.
 */
export function boundedNumber(lo: number, hi: number, loOpen = false, hiOpen = false) {
  const range = `${loOpen ? "(" : "["}${lo}, ${hi}${hiOpen ? ")" : "]"}`;
  return zNumber({ error: `must be a number in ${range}` }).refine(
    (v) => Number.isFinite(v) && (loOpen ? v > lo : v >= lo) && (hiOpen ? v < hi : v <= hi),
    { message: `must be in ${range}` },
  );
}
