/**
 * Pyramiding / anti-pyramiding as a sizing policy (domain.md (G8)).
 *
 * Given the risk-constant target position of (G4) on each date, the held position:
 * - adds toward a larger target only while the trade is in profit (price above the average
 *   entry for a long) and the effective volatility is falling (pyramiding), in steps of at
 *   most `step` × the target;
 * - cuts to a smaller target at once (anti-pyramiding: rising volatility lowers the (G4)
 *   target, so the position falls automatically).
 * Long-only; units of S.
 */
export interface PyramidingResult { position: Float64Array; adds: number; cuts: number }

/** @param target (G4) positions; @param price S; @param vol unit risk used for the target */
export function pyramidingPolicy(target: ArrayLike<number>, price: ArrayLike<number>, vol: ArrayLike<number>, step = 0.25): PyramidingResult {
  const n = target.length;
  const position = new Float64Array(n);
  let held = target[0] ?? 0, entry = price[0] ?? 0, adds = 0, cuts = 0;
  for (let t = 0; t < n; t++) {
    if (t > 0) {
      if (target[t] < held) { held = target[t]; cuts++; }
      else if (target[t] > held && price[t] > entry && vol[t] < vol[t - 1]) {
        const add = Math.min(target[t] - held, step * target[t]);
        entry = (entry * held + price[t] * add) / (held + add);
        held += add;
        adds++;
      }
    }
    position[t] = held;
  }
  return { position, adds, cuts };
}
