/**
 * Kim (1994) smoother: P(s_t = r | all data) and the expected transition counts
 * E[#(s_{t−1} = r, s_t = q) | all data], from a Hamilton filter pass.
 *
 *   ξ_{t|T} = ξ_{t|t} ⊙ P·(ξ_{t+1|T} ⊘ ξ_{t+1|t})
 *
 * Reference: Kim, C.-J. (1994), J. Econometrics 60, 1–22; Hamilton (1994) eq. 22.4.14.
 */
import type { RegimeParams } from "./regime-model.ts";
import type { FilterResult } from "./hamilton-filter.ts";

export interface SmootherResult {
  /** P(s_t = 1 | x_1..x_T) */
  smoothed1: Float64Array;
  /** expected transition counts n[r][q] over t = 2..T */
  transitions: [[number, number], [number, number]];
}

export function kimSmoother(filter: FilterResult, p: RegimeParams): SmootherResult {
  const { filtered1, predicted1 } = filter;
  const n = filtered1.length, P = p.transition;
  const smoothed1 = new Float64Array(n);
  const counts: [[number, number], [number, number]] = [[0, 0], [0, 0]];
  if (n === 0) return { smoothed1, transitions: counts };
  smoothed1[n - 1] = filtered1[n - 1];
  for (let t = n - 2; t >= 0; t--) {
    const ft = [1 - filtered1[t], filtered1[t]];
    const sNext = [1 - smoothed1[t + 1], smoothed1[t + 1]];
    const pNext = [Math.max(1e-300, 1 - predicted1[t + 1]), Math.max(1e-300, predicted1[t + 1])];
    let s1 = 0;
    for (let r = 0; r < 2; r++) {
      for (let q = 0; q < 2; q++) {
        const joint = (ft[r] * P[r][q] * sNext[q]) / pNext[q];
        counts[r][q] += joint;
        if (r === 1) s1 += joint;
      }
    }
    smoothed1[t] = Math.min(1, Math.max(0, s1));
  }
  return { smoothed1, transitions: counts };
}
