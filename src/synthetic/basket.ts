/**
 * Weighted baskets (domain.md (G1)): A = Σ aᵢXᵢ, with legs in the basket's currency.
 */
import { fail, show } from "../errors.ts";

/** One leg: a label, its units in the basket, and its closes on the aligned dates. */
export interface BasketLeg { name: string; units: number; close: ArrayLike<number> }

/**
 * Basket value A_t = Σ aᵢ·Xᵢ,t on each aligned date (G1).
 * A leg quoted in another currency is converted first (e.g. gold in USD × USDJPY for JPY):
 * pass its converted closes. Units: the basket's currency.
 * @throws RangeError when legs are missing, have different lengths, or a unit is not finite
 */
export function basketValues(input: string, legs: readonly BasketLeg[]): Float64Array {
  if (legs.length === 0) fail(RangeError, input, "has no legs", "give at least one leg with units");
  const n = legs[0].close.length;
  for (const leg of legs) {
    if (!Number.isFinite(leg.units)) fail(RangeError, `${input}: leg ${leg.name}`, `units must be finite; got ${show(leg.units)}`, "pass a finite number of units");
    if (leg.close.length !== n) fail(RangeError, `${input}: leg ${leg.name}`, `has ${leg.close.length} closes but leg ${legs[0].name} has ${n}`, "align the legs' calendars first (alignInner)");
  }
  const out = new Float64Array(n);
  for (const leg of legs) for (let t = 0; t < n; t++) out[t] += leg.units * leg.close[t];
  return out;
}

/** Value weights wᵢ,t = aᵢXᵢ,t / A_t of each leg at row t (they sum to 1). */
export function valueWeights(legs: readonly BasketLeg[], t: number): number[] {
  const v = legs.map((l) => l.units * l.close[t]);
  const a = v.reduce((s, x) => s + x, 0);
  return v.map((x) => x / a);
}

/** A leg priced in another currency, converted: X_t·FX_t (e.g. USD gold × JPY per USD = JPY gold). */
export function convertLeg(close: ArrayLike<number>, fx: ArrayLike<number>): Float64Array {
  if (close.length !== fx.length) fail(RangeError, "convertLeg", `${close.length} closes vs ${fx.length} FX rates`, "align the leg and the FX series first");
  return Float64Array.from(close, (c, t) => c * fx[t]);
}
