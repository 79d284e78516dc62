/**
 * Pyramiding / anti-pyramiding as a sizing policy (domain.md (G8)).
 *
 * Given the risk-constant target position of (G4) on each date, the held position:
 * - adds toward a larger target only while the trade is in profit (price above the average
 *   entry by more than `minProfit`, relative, for a long) and the effective volatility is
 *   falling (below the previous date's by more than `minVolDrop`, relative) — pyramiding —
 *   in steps of at most `step` × the target;
 * - cuts to a smaller target at once (anti-pyramiding: rising volatility lowers the (G4)
 *   target, so the position falls automatically).
 * The entry price is the position-weighted average of the prices paid; a cut keeps it.
 * Long-only; units of S.
 */
export interface PyramidingResult { position: Float64Array; adds: number; cuts: number }

/** The rule's thresholds (instrument-schema.ts `pyramiding`). */
export interface PyramidingOptions {
  /** largest add as a share of the target, (0, 1] (default 0.25) */ step: number;
  /** add only when price > entry·(1 + minProfit) (default 0) */ minProfit: number;
  /** add only when vol < previous vol·(1 − minVolDrop) (default 0) */ minVolDrop: number;
}

/**
 * @param target (G4) positions, units of S; @param price S; @param vol unit risk used for the target
 * @returns the held position on each date and the number of adds and cuts
 */
export function pyramidingPolicy(target: ArrayLike<number>, price: ArrayLike<number>, vol: ArrayLike<number>, options: Partial<PyramidingOptions> = {}): PyramidingResult {
  const { step = 0.25, minProfit = 0, minVolDrop = 0 } = options;
  const n = target.length;
  const position = new Float64Array(n);
  let held = target[0] ?? 0, entry = price[0] ?? 0, adds = 0, cuts = 0;
  for (let t = 0; t < n; t++) {
    if (t > 0) {
      if (target[t] < held) { held = target[t]; cuts++; }
      else if (target[t] > held && price[t] > entry * (1 + minProfit) && vol[t] < vol[t - 1] * (1 - minVolDrop)) {
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
