/**
 * Book depth from traded value by the Amihud (2002) illiquidity ratio: the relative price
 * move per unit of currency traded, ILLIQ = median_t |r_t| / V_t, read as a Kyle-type price
 * impact, so depth (currency per unit relative move) = 1/ILLIQ, and in the engine's units
 * κ₀ = 1 / (ILLIQ · account value) (equity units per unit relative price move).
 *
 * The median over steps (not the mean) keeps a few near-zero-volume days from dominating.
 * Steps with unknown or zero volume are left out.
 * Reference: Amihud, Y. (2002), J. Financial Markets 5, 31–56; Kyle (1985).
 */
import { median } from "../metrics/median.ts";

export interface AmihudResult {
  /** median |r|/V over the used steps (per currency unit) */
  illiquidity: number;
  /** median traded value per step (currency) */
  medianValue: number;
  steps: number;
}

/**
 * @param r log-returns; r[t] is the move into row t+1 of `value`
 * @param value traded value per row (currency); NaN = unknown
 * @param select optional: use step t only when select(t)
 * @returns null when fewer than 20 steps have a positive traded value
 */
export function amihudDepth(r: ArrayLike<number>, value: ArrayLike<number>, select?: (t: number) => boolean): AmihudResult | null {
  const ratios: number[] = [], values: number[] = [];
  for (let t = 0; t < r.length; t++) {
    const v = value[t + 1];
    if (!(v > 0) || (select && !select(t))) continue;
    ratios.push(Math.abs(r[t]) / v);
    values.push(v);
  }
  if (ratios.length < 20) return null;
  return { illiquidity: median(ratios), medianValue: median(values), steps: ratios.length };
}

