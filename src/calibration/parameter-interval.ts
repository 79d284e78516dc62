/**
 * A 95% interval for a scheme's parameter (issue 15, item 3): the range of the evaluated values
 * that are not significantly worse than the best on common random numbers. With a feasible
 * best, a value belongs when it is feasible and the 95% interval of its paired objective
 * difference (value − best) reaches 0 from the worse side (lower bound ≤ 0 for a cost,
 * upper bound ≥ 0 for a growth); with an infeasible best (ruin cap unreachable), when the
 * lower bound of its paired ruin difference is ≤ 0. A flat optimum therefore reads as a wide
 * interval, and `flat` says when it spans every value evaluated.
 */
import type { Evaluation } from "./evaluate-schemes.ts";

export interface ParameterInterval {
  best: number; lo: number; hi: number;
  /** the range of values evaluated for this parameter */ evaluated: [number, number];
  values_in_set: number; values_evaluated: number;
  /** the set spans every evaluated value: the objective cannot tell them apart */ flat: boolean;
}

/**
 * @param best   the recommended point
 * @param paired evaluations of the other values, each with `paired_to` the best
 * @returns per parameter name its interval
 * @throws Error when an evaluation lacks its paired difference (a bug: run with the best as baseline)
 */
export function parameterIntervals(best: Evaluation, paired: Evaluation[]): Record<string, ParameterInterval> {
  const inSet = paired.filter((e) => {
    if (!e.paired_to) throw new Error(`parameterIntervals: ${e.name} has no paired difference to ${best.name}`);
    // value − best: "not worse" is a lower bound ≤ 0 for a cost (min), an upper bound ≥ 0 for a growth (max)
    const d = e.paired_to.objective, notWorse = e.objective_sense === "max" ? (d.hi ?? -Infinity) >= 0 : (d.lo ?? Infinity) <= 0;
    return best.feasible ? e.feasible && notWorse : (e.paired_to.ruin_probability.lo ?? Infinity) <= 0;
  });
  const out: Record<string, ParameterInterval> = {};
  for (const [name, v] of Object.entries(best.params)) {
    // on a 2-D grid, a value's significance is read along its axis through the best point
    const onAxis = (e: Evaluation) => Object.entries(best.params).every(([k, w]) => k === name || e.params[k] === w);
    const all = [v, ...paired.filter(onAxis).map((e) => e.params[name])];
    const set = [v, ...inSet.filter(onAxis).map((e) => e.params[name])];
    const lo = Math.min(...set), hi = Math.max(...set), eLo = Math.min(...all), eHi = Math.max(...all);
    out[name] = { best: v, lo, hi, evaluated: [eLo, eHi], values_in_set: set.length, values_evaluated: all.length, flat: all.length > 1 && lo === eLo && hi === eHi };
  }
  return out;
}
