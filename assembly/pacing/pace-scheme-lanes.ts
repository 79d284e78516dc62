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
 * With the transient-impact book (RS-1) the loop is specialised per scheme kind (branches
 * fold away when the @inline body gets a constant kind) and runs two paths per f64x2 SIMD
 * instruction, masking lanes that are ruined; other cost models take a scalar loop.
 */
export function paceSchemeLanes(
  job: usize, scheme: usize, st: usize, ret: usize, lstarPrev: usize, lstar: usize, sigHat: usize,
  liq: usize, spread: usize, sigma: usize, invDepth: usize, lanes: i32, t: f64,
): void {
  const kind = <i32>load<f64>(scheme);
  const cost = <i32>load<f64>(job + (J_COST_KIND << 3));
  if (cost == COST_TRANSIENT) {
    if (kind == SCHEME_INSTANT) paceLanesTransient(SCHEME_INSTANT, job, scheme, st, ret, lstarPrev, lstar, sigHat, liq, spread, sigma, invDepth, lanes, t);
    else if (kind == SCHEME_RATE) paceLanesTransient(SCHEME_RATE, job, scheme, st, ret, lstarPrev, lstar, sigHat, liq, spread, sigma, invDepth, lanes, t);
    else if (kind == SCHEME_EMA) paceLanesTransient(SCHEME_EMA, job, scheme, st, ret, lstarPrev, lstar, sigHat, liq, spread, sigma, invDepth, lanes, t);
    else if (kind == SCHEME_VOL) paceLanesTransient(SCHEME_VOL, job, scheme, st, ret, lstarPrev, lstar, sigHat, liq, spread, sigma, invDepth, lanes, t);
    else if (kind == SCHEME_LIQUIDITY) paceLanesTransient(SCHEME_LIQUIDITY, job, scheme, st, ret, lstarPrev, lstar, sigHat, liq, spread, sigma, invDepth, lanes, t);
    else paceLanesTransient(SCHEME_ASYMMETRIC, job, scheme, st, ret, lstarPrev, lstar, sigHat, liq, spread, sigma, invDepth, lanes, t);
  } else {
    // other cost models: one generic loop (not the hot RS-1 path)
    paceLanes(kind, cost, job, scheme, st, ret, lstarPrev, lstar, sigHat, liq, spread, sigma, invDepth, lanes, t);
  }
}

// @ts-ignore: decorator
@inline function paceLanes(
  kind: i32, costKind: i32, job: usize, scheme: usize, st: usize, ret: usize, lstarPrev: usize, lstar: usize,
  sigHat: usize, liq: usize, spread: usize, sigma: usize, invDepth: usize, lanes: i32, t: f64,
): void {
  const p1 = load<f64>(scheme, 8), p2 = load<f64>(scheme, 16);
  const psi = load<f64>(job + (J_RESILIENCE << 3));
  const ruinEquity = load<f64>(job + (J_RUIN_EQUITY << 3));
  const sqrtY = load<f64>(job + (J_SQRT_Y << 3)), volume = load<f64>(job + (J_SQRT_VOLUME << 3));
  const sqrtDt = Math.sqrt(load<f64>(job + (J_DT << 3)));
  const stride = <usize>lanes << 3;
  const pE = st, pP = pE + stride, pD = pP + stride, pAlive = pD + stride, pRuin = pAlive + stride;
  const pOc = pRuin + stride, pSlip = pOc + stride, pTurn = pSlip + stride, pTraded = pTurn + stride, pCost = pTraded + stride;
  const end = stride;

  for (let o: usize = 0; o < end; o += 8) {
    const d = load<f64>(pD + o) * psi;
    store<f64>(pD + o, d);
    if (load<f64>(pAlive + o) == 0.0) continue;
    const r = load<f64>(ret + o);
    const e = load<f64>(pE + o);
    const pos = load<f64>(pP + o);
    store<f64>(pOc + o, load<f64>(pOc + o) + (load<f64>(lstarPrev + o) - pos / e) * r);
    const eMinus = e + pos * r;
    const pMinus = pos * (1.0 + r);
    if (eMinus <= ruinEquity) {
      store<f64>(pE + o, eMinus);
      store<f64>(pP + o, pMinus);
      store<f64>(pAlive + o, 0.0);
      store<f64>(pRuin + o, t);
      continue;
    }
    const target = load<f64>(lstar + o);
    const liquidity = load<f64>(liq + o);
    const invE = 1.0 / eMinus; // one division, reused: ℓ, slippage and turnover are all per E⁻
    const ell = pMinus * invE;
    let lev: f64;
    if (kind == SCHEME_INSTANT) lev = target;
    else if (kind == SCHEME_RATE) lev = ell + Math.min(Math.max(target - ell, -p1), p1);
    else {
      let rate: f64;
      if (kind == SCHEME_EMA) rate = p1;
      else if (kind == SCHEME_VOL) rate = p1 / (1.0 + p2 * load<f64>(sigHat + o));
      else if (kind == SCHEME_LIQUIDITY) rate = p1 * Math.min(1.0, liquidity);
      else rate = Math.abs(target) < Math.abs(ell) ? p2 : p1; // asymmetric: λ_down when de-risking
      lev = ell + rate * (target - ell);
    }
    const n = lev * eMinus - pMinus;
    const absN = Math.abs(n);
    const halfSpread = 0.5 * load<f64>(spread + o);
    let c = 0.0;
    if (costKind == COST_TRANSIENT) {
      const invK = load<f64>(invDepth + o);
      c = absN * halfSpread + n * d + 0.5 * n * n * invK;
      store<f64>(pD + o, d + n * invK);
    } else if (costKind != COST_NONE) {
      // square-root law: relative impact Y·σ_step·√(|n|/V), traded value thinned like depth
      c = absN * halfSpread + absN * sqrtY * load<f64>(sigma + o) * sqrtDt * Math.sqrt(absN / (volume * liquidity));
    }
    store<f64>(pP + o, pMinus + n);
    store<f64>(pE + o, eMinus - c);
    store<f64>(pSlip + o, load<f64>(pSlip + o) + c * invE);
    store<f64>(pTurn + o, load<f64>(pTurn + o) + absN * invE);
    store<f64>(pTraded + o, load<f64>(pTraded + o) + absN);
    store<f64>(pCost + o, load<f64>(pCost + o) + c);
  }
}

// @ts-ignore: decorator
@inline function paceLanesTransient(
  kind: i32, job: usize, scheme: usize, st: usize, ret: usize, lstarPrev: usize, lstar: usize,
  sigHat: usize, liq: usize, spread: usize, sigma: usize, invDepth: usize, lanes: i32, t: f64,
): void {
  const p1 = f64x2.splat(load<f64>(scheme, 8)), p2 = f64x2.splat(load<f64>(scheme, 16));
  const negP1 = f64x2.neg(p1);
  const psi = f64x2.splat(load<f64>(job + (J_RESILIENCE << 3)));
  const ruinEquity = f64x2.splat(load<f64>(job + (J_RUIN_EQUITY << 3)));
  const one = f64x2.splat(1.0), half = f64x2.splat(0.5), zero = f64x2.splat(0.0), tv = f64x2.splat(t);
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
    // trade and its cost on the transient-impact book
    const n = f64x2.sub(f64x2.mul(lev, eMinus), pMinus);
    const absN = f64x2.abs(n);
    const invK = v128.load(invDepth + o);
    const halfSpread = f64x2.mul(half, v128.load(spread + o));
    const c = f64x2.add(f64x2.add(f64x2.mul(absN, halfSpread), f64x2.mul(n, d)), f64x2.mul(f64x2.mul(f64x2.mul(half, n), n), invK));
    v128.store(pD + o, f64x2.add(d, v128.and(f64x2.mul(n, invK), trading)));
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
