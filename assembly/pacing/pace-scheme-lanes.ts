import {
  J_COST_KIND, J_RESILIENCE, J_SQRT_Y, J_SQRT_VOLUME, J_RUIN_EQUITY, J_DT,
  COST_NONE, COST_TRANSIENT, SCHEME_INSTANT, SCHEME_RATE, SCHEME_EMA, SCHEME_VOL, SCHEME_LIQUIDITY,
  SCHEME_ASYMMETRIC,
} from "./layout";

/**
 * Per-scheme state arrays, f64[lanes] each, starting at the scheme's base:
 * 0 E, 1 P, 2 D (displacement), 3 alive (1/0), then the accumulated outputs in layout.ts
 * order: 4 ruin step, 5 opportunity, 6 slippage, 7 turnover, 8 traded, 9 cost.
 */
export const SCHEME_ARRAYS = 10;

/**
 * One step of one pacing scheme on every lane: RS-1 steps 4 (mark to market, opportunity
 * term (L*_{t−1} − P/E)·R, ruin when E⁻ ≤ θE₀), 8 (displacement decay D ← ψD) and 9 (pace,
 * trade n = L·E⁻ − P⁻, cost c = |n|·s/2 + n·D + n²/(2K), or the square-root law, or none).
 * Pacing rules: domain.md (P1) rate, (P2) ema, (P3) vol, (P4) liquidity, and asymmetric.
 * Two paths per f64x2 SIMD instruction, ruined lanes masked. The loop is specialised per
 * scheme kind (branches fold away when the @inline body gets a constant kind); the cost model
 * is one predictable branch inside it.
 */
export function paceSchemeLanes(
  job: usize, scheme: usize, st: usize, ret: usize, lstarPrev: usize, lstar: usize, sigHat: usize,
  liq: usize, spread: usize, sigma: usize, invDepth: usize, lanes: i32, t: f64,
): void {
  const kind = <i32>load<f64>(scheme);
  if (kind == SCHEME_INSTANT) paceLanes(SCHEME_INSTANT, job, scheme, st, ret, lstarPrev, lstar, sigHat, liq, spread, sigma, invDepth, lanes, t);
  else if (kind == SCHEME_RATE) paceLanes(SCHEME_RATE, job, scheme, st, ret, lstarPrev, lstar, sigHat, liq, spread, sigma, invDepth, lanes, t);
  else if (kind == SCHEME_EMA) paceLanes(SCHEME_EMA, job, scheme, st, ret, lstarPrev, lstar, sigHat, liq, spread, sigma, invDepth, lanes, t);
  else if (kind == SCHEME_VOL) paceLanes(SCHEME_VOL, job, scheme, st, ret, lstarPrev, lstar, sigHat, liq, spread, sigma, invDepth, lanes, t);
  else if (kind == SCHEME_LIQUIDITY) paceLanes(SCHEME_LIQUIDITY, job, scheme, st, ret, lstarPrev, lstar, sigHat, liq, spread, sigma, invDepth, lanes, t);
  else paceLanes(SCHEME_ASYMMETRIC, job, scheme, st, ret, lstarPrev, lstar, sigHat, liq, spread, sigma, invDepth, lanes, t);
}

// @ts-ignore: decorator
@inline function paceLanes(
  kind: i32, job: usize, scheme: usize, st: usize, ret: usize, lstarPrev: usize, lstar: usize,
  sigHat: usize, liq: usize, spread: usize, sigma: usize, invDepth: usize, lanes: i32, t: f64,
): void {
  const p1 = f64x2.splat(load<f64>(scheme, 8)), p2 = f64x2.splat(load<f64>(scheme, 16));
  const negP1 = f64x2.neg(p1);
  const psi = f64x2.splat(load<f64>(job + (J_RESILIENCE << 3)));
  const ruinEquity = f64x2.splat(load<f64>(job + (J_RUIN_EQUITY << 3)));
  const one = f64x2.splat(1.0), half = f64x2.splat(0.5), zero = f64x2.splat(0.0), tv = f64x2.splat(t);
  const costKind = <i32>load<f64>(job + (J_COST_KIND << 3));
  const sqrtY = f64x2.splat(load<f64>(job + (J_SQRT_Y << 3))), sqrtDt = f64x2.splat(Math.sqrt(load<f64>(job + (J_DT << 3))));
  const volume = f64x2.splat(load<f64>(job + (J_SQRT_VOLUME << 3)));
  const stride = <usize>lanes << 3;
  const pE = st, pP = pE + stride, pD = pP + stride, pAlive = pD + stride, pRuin = pAlive + stride;
  const pOc = pRuin + stride, pSlip = pOc + stride, pTurn = pSlip + stride, pTraded = pTurn + stride, pCost = pTraded + stride;

  for (let o: usize = 0; o < stride; o += 16) {
    const d = f64x2.mul(v128.load(pD + o), psi);
    const alive = v128.load(pAlive + o);
    const live = f64x2.ne(alive, zero);
    if (!v128.any_true(live)) { v128.store(pD + o, d); continue; }
    const r = v128.load(ret + o), e = v128.load(pE + o), pos = v128.load(pP + o);
    // 4. opportunity term, mark to market, ruin
    const oc = v128.load(pOc + o);
    // masked increments: a lane that is out adds +0 (its NaN or ∞ garbage is and-ed away), which leaves the sum as is
    v128.store(pOc + o, f64x2.add(oc, v128.and(f64x2.mul(f64x2.sub(v128.load(lstarPrev + o), f64x2.div(pos, e)), r), live)));
    const eMinus = f64x2.add(e, f64x2.mul(pos, r));
    const pMinus = f64x2.mul(pos, f64x2.add(one, r));
    const ruinNow = v128.and(live, f64x2.le(eMinus, ruinEquity));
    const trading = v128.andnot(live, ruinNow);
    // 9. pace
    const target = v128.load(lstar + o);
    const invE = f64x2.div(one, eMinus);
    const ell = f64x2.mul(pMinus, invE);
    let lev: v128;
    if (kind == SCHEME_INSTANT) lev = target;
    else if (kind == SCHEME_RATE) lev = f64x2.add(ell, f64x2.min(f64x2.max(f64x2.sub(target, ell), negP1), p1));
    else {
      let rate: v128;
      if (kind == SCHEME_EMA) rate = p1;
      else if (kind == SCHEME_VOL) rate = f64x2.div(p1, f64x2.add(one, f64x2.mul(p2, v128.load(sigHat + o))));
      else if (kind == SCHEME_LIQUIDITY) rate = f64x2.mul(p1, f64x2.min(one, v128.load(liq + o)));
      else rate = v128.bitselect(p2, p1, f64x2.lt(f64x2.abs(target), f64x2.abs(ell)));
      lev = f64x2.add(ell, f64x2.mul(rate, f64x2.sub(target, ell)));
    }
    // trade and its cost
    const n = f64x2.sub(f64x2.mul(lev, eMinus), pMinus);
    const absN = f64x2.abs(n);
    const halfSpread = f64x2.mul(half, v128.load(spread + o));
    let c = zero;
    if (costKind == COST_TRANSIENT) {
      const invK = v128.load(invDepth + o);
      c = f64x2.add(f64x2.add(f64x2.mul(absN, halfSpread), f64x2.mul(n, d)), f64x2.mul(f64x2.mul(f64x2.mul(half, n), n), invK));
      v128.store(pD + o, f64x2.add(d, v128.and(f64x2.mul(n, invK), trading)));
    } else {
      v128.store(pD + o, d);
      if (costKind != COST_NONE) {
        // square-root law: relative impact Y·σ_step·√(|n|/V), traded value thinned like depth
        const impact = f64x2.mul(f64x2.mul(f64x2.mul(absN, sqrtY), v128.load(sigma + o)), sqrtDt);
        c = f64x2.add(f64x2.mul(absN, halfSpread), f64x2.mul(impact, f64x2.sqrt(f64x2.div(absN, f64x2.mul(volume, v128.load(liq + o))))));
      }
    }
    // state: trading lanes trade; lanes ruined now keep the marked values; dead lanes stay
    v128.store(pE + o, v128.bitselect(f64x2.sub(eMinus, c), v128.bitselect(eMinus, e, ruinNow), trading));
    v128.store(pP + o, v128.bitselect(f64x2.add(pMinus, n), v128.bitselect(pMinus, pos, ruinNow), trading));
    v128.store(pAlive + o, v128.bitselect(zero, alive, ruinNow));
    v128.store(pRuin + o, v128.bitselect(tv, v128.load(pRuin + o), ruinNow));
    const slip = v128.load(pSlip + o), turn = v128.load(pTurn + o), traded = v128.load(pTraded + o), cost = v128.load(pCost + o);
    v128.store(pSlip + o, f64x2.add(slip, v128.and(f64x2.mul(c, invE), trading)));
    v128.store(pTurn + o, f64x2.add(turn, v128.and(f64x2.mul(absN, invE), trading)));
    v128.store(pTraded + o, f64x2.add(traded, v128.and(absN, trading)));
    v128.store(pCost + o, f64x2.add(cost, v128.and(c, trading)));
  }
}
