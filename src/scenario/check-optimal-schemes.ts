/**
 * The cross-field rules of the optimal and corrective schemes (domain.md O1, O2; issue 14):
 * a jump-guard's `then` must name another scheme of the scenario that is not a jump-guard, and
 * a gp or ac scheme needs costs with a quadratic part and a risk aversion (the per-regime
 * constants of src/pacing/optimal-rates.ts must exist).
 */
import type { Scenario } from "./scenario-schema.ts";
import { optimalPacingConstants } from "../pacing/optimal-rates.ts";
import { UsageError } from "../errors.ts";

/**
 * Adds every problem to `problems` (through `at` for field rules; the optimal-rates errors as
 * they are, which name the cost model or the risk aversion the scheme needs, with `source` for
 * their "scenario" prefix and the scheme's index).
 */
export function checkOptimalSchemes(
  s: Scenario, source: string, at: (field: string, rule: string, value: unknown) => void, problems: string[],
): void {
  const names = s.schemes.map((x) => x.name);
  s.schemes.forEach((x, i) => {
    if (x.kind === "jump-guard") {
      const then = s.schemes.find((y) => y.name === x.then);
      if (!then) at(`schemes[${i}].then`, `must name a scheme of the scenario (${names.filter((n) => n !== x.name).join(", ")})`, x.then);
      else if (then.kind === "jump-guard") at(`schemes[${i}].then`, `must name a scheme that is not a jump-guard ("${then.name}" is one) — guard the scheme it guards instead`, x.then);
      return;
    }
    if (x.kind !== "gp" && x.kind !== "ac") return;
    try {
      optimalPacingConstants(s, x);
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      problems.push(`${e.message.replace(/^scenario\./, `${source}.`)} (schemes[${i}])`);
    }
  });
}
