import {
  J_COST_KIND, J_DEPTH, J_RESILIENCE, J_SQRT_Y, J_SQRT_VOLUME, J_RUIN_EQUITY, J_DT,
  COST_NONE, COST_TRANSIENT, SCHEME_INSTANT, SCHEME_RATE, SCHEME_EMA, SCHEME_VOL, SCHEME_LIQUIDITY,
} from "./layout";

/**
 * Per-scheme state arrays, f64[lanes] each, starting at the scheme's base:
 * 0 E, 1 P, 2 D (displacement), 3 alive (1/0), then the accumulated outputs in layout.ts
 * order: 4 ruin step, 5 opportunity, 6 slippage, 7 turnover, 8 traded, 9 cost.
 */
export const SCHEME_ARRAYS = 10;
const A_E = 0, A_P = 1, A_D = 2, A_ALIVE = 3, A_RUIN = 4, A_OC = 5, A_SLIP = 6, A_TURN = 7, A_TRADED = 8, A_COST = 9;

// @ts-ignore: decorator
@inline function at(base: usize, array: i32, l: i32, lanes: i32): usize {
  return base + ((<usize>(array * lanes + l)) << 3);
}

/**
 * One step of one pacing scheme on every lane: RS-1 steps 4 (mark to market, opportunity
 * term (L*_{t−1} − P/E)·R, ruin when E⁻ ≤ θE₀), 8 (displacement decay D ← ψD) and 9 (pace,
 * trade n = L·E⁻ − P⁻, cost c = |n|·s/2 + n·D + n²/(2K), or the square-root law, or none).
 * Pacing rules: domain.md (P1) rate, (P2) ema, (P3) vol, (P4) liquidity, and asymmetric.
 * The scheme's kind and parameters are read once, outside the lane loop.
 */
export function paceSchemeLanes(
  job: usize, scheme: usize, st: usize, ret: usize, lstarPrev: usize, lstar: usize, sigHat: usize,
  liq: usize, spread: usize, sigma: usize, lanes: i32, t: f64,
): void {
  const kind = <i32>load<f64>(scheme);
  const p1 = load<f64>(scheme, 8), p2 = load<f64>(scheme, 16);
  const costKind = <i32>load<f64>(job + (J_COST_KIND << 3));
  const depthCalm = load<f64>(job + (J_DEPTH << 3));
  const psi = load<f64>(job + (J_RESILIENCE << 3));
  const ruinEquity = load<f64>(job + (J_RUIN_EQUITY << 3));
  const sqrtY = load<f64>(job + (J_SQRT_Y << 3)), volume = load<f64>(job + (J_SQRT_VOLUME << 3));
  const sqrtDt = Math.sqrt(load<f64>(job + (J_DT << 3)));

  for (let l = 0; l < lanes; l++) {
    const d = load<f64>(at(st, A_D, l, lanes)) * psi;
    store<f64>(at(st, A_D, l, lanes), d);
    if (load<f64>(at(st, A_ALIVE, l, lanes)) == 0.0) continue;
    const r = load<f64>(ret + (<usize>l << 3));
    const e = load<f64>(at(st, A_E, l, lanes));
    const pos = load<f64>(at(st, A_P, l, lanes));
    store<f64>(at(st, A_OC, l, lanes), load<f64>(at(st, A_OC, l, lanes)) + (load<f64>(lstarPrev + (<usize>l << 3)) - pos / e) * r);
    const eMinus = e + pos * r;
    const pMinus = pos * (1.0 + r);
    if (eMinus <= ruinEquity) {
      store<f64>(at(st, A_E, l, lanes), eMinus);
      store<f64>(at(st, A_P, l, lanes), pMinus);
      store<f64>(at(st, A_ALIVE, l, lanes), 0.0);
      store<f64>(at(st, A_RUIN, l, lanes), t);
      continue;
    }
    const target = load<f64>(lstar + (<usize>l << 3));
    const liquidity = load<f64>(liq + (<usize>l << 3));
    const ell = pMinus / eMinus;
    let lev: f64;
    if (kind == SCHEME_INSTANT) lev = target;
    else if (kind == SCHEME_RATE) lev = ell + Math.min(Math.max(target - ell, -p1), p1);
    else {
      let rate: f64;
      if (kind == SCHEME_EMA) rate = p1;
      else if (kind == SCHEME_VOL) rate = p1 / (1.0 + p2 * load<f64>(sigHat + (<usize>l << 3)));
      else if (kind == SCHEME_LIQUIDITY) rate = p1 * Math.min(1.0, liquidity);
      else rate = Math.abs(target) < Math.abs(ell) ? p2 : p1; // asymmetric: λ_down when de-risking
      lev = ell + rate * (target - ell);
    }
    const n = lev * eMinus - pMinus;
    const absN = Math.abs(n);
    const halfSpread = 0.5 * load<f64>(spread + (<usize>l << 3));
    let cost = 0.0;
    if (costKind == COST_TRANSIENT) {
      const depth = depthCalm * liquidity;
      cost = absN * halfSpread + n * d + n * n / (2.0 * depth);
      store<f64>(at(st, A_D, l, lanes), d + n / depth);
    } else if (costKind != COST_NONE) {
      // square-root law: relative impact Y·σ_step·√(|n|/V), traded value thinned like depth
      cost = absN * halfSpread
        + absN * sqrtY * load<f64>(sigma + (<usize>l << 3)) * sqrtDt * Math.sqrt(absN / (volume * liquidity));
    }
    store<f64>(at(st, A_P, l, lanes), pMinus + n);
    store<f64>(at(st, A_E, l, lanes), eMinus - cost);
    store<f64>(at(st, A_SLIP, l, lanes), load<f64>(at(st, A_SLIP, l, lanes)) + cost / eMinus);
    store<f64>(at(st, A_TURN, l, lanes), load<f64>(at(st, A_TURN, l, lanes)) + absN / eMinus);
    store<f64>(at(st, A_TRADED, l, lanes), load<f64>(at(st, A_TRADED, l, lanes)) + absN);
    store<f64>(at(st, A_COST, l, lanes), load<f64>(at(st, A_COST, l, lanes)) + cost);
  }
}
