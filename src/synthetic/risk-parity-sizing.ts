/**
 * Risk-constant sizing with a leverage cap (domain.md (G4), (G6)).
 */
import { fail } from "../errors.ts";

export interface SizingInput {
  /** Account capital, account currency. */ capital: number;
  /** Risk per unit of time as a fraction of capital (0.01 = 1%). */ riskFraction: number;
  /** Unit risk of one unit of S: Vol(S) or ATR(S), in S's price units per step. */ unitRisk: number;
  /** Price of S (account currency per unit). */ price: number;
  /** Leverage cap (G6: 2–4 recommended, 5–7 aggressive). */ cap: number;
}

export interface Sizing { position: number; leverage: number; capBinds: boolean; uncappedLeverage: number }

/**
 * R = capital·risk; Position = R / unitRisk (units of S); Leverage = Position·S / capital;
 * when Leverage > cap the position shrinks to cap·capital/S and `capBinds` is true.
 * @throws RangeError when capital, risk, price or cap is not positive, or unitRisk ≤ 0 / not finite
 */
export function sizePosition(x: SizingInput): Sizing {
  for (const [k, v] of Object.entries(x)) if (!(v > 0) || !Number.isFinite(v)) fail(RangeError, `sizePosition: ${k}`, `must be a positive finite number; got ${v}`, k === "unitRisk" ? "a zero volatility window cannot be sized; lengthen the window" : "pass a positive value");
  const position = (x.capital * x.riskFraction) / x.unitRisk;
  const leverage = (position * x.price) / x.capital;
  if (leverage > x.cap) return { position: (x.cap * x.capital) / x.price, leverage: x.cap, capBinds: true, uncappedLeverage: leverage };
  return { position, leverage, capBinds: false, uncappedLeverage: leverage };
}
