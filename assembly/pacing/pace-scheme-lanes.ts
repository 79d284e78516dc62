import {
  J_COST_KIND, J_RESILIENCE, J_SQRT_Y, J_SQRT_VOLUME, J_RUIN_EQUITY, J_DT,
  COST_NONE, COST_TRANSIENT, SCHEME_INSTANT, SCHEME_RATE, SCHEME_EMA, SCHEME_VOL, SCHEME_LIQUIDITY,
  SCHEME_ASYMMETRIC,
} from "./layout";
import {
  ARRAY_BYTES, M_RET, M_LSTAR_PREV, M_LSTAR, M_SIGHAT, M_LIQ, M_HALF_SPREAD, M_SIGMA, M_INV_DEPTH, M_HALF_INV_DEPTH,
  S_E, S_P, S_D, S_ALIVE, S_RUIN, S_OPPORTUNITY, S_SLIPPAGE, S_TURNOVER, S_TRADED, S_COST,
} from "./lane-block";
import { par } from "./job-param";

/** 1.0 in both lanes, in static memory: one load, where V8 rebuilds a splat constant in the loop with four instructions. */
const ONE = memory.data<f64>([1.0, 1.0]);

/**
 * One step of one pacing scheme on every lane of a block: RS-1 steps 4 (mark to market,
 * opportunity term (L*_{t−1} − P/E)·R, ruin when E⁻ ≤ θE₀), 8 (displacement decay D ← ψD)
 * and 9 (pace, trade n = L·E⁻ − P⁻, cost c = |n|·s/2 + n·D + n²/(2K), or the square-root law,
 * or none). Pacing rules: domain.md (P1) rate, (P2) ema, (P3) vol, (P4) liquidity, and
 * asymmetric. Two paths per f64x2 SIMD instruction.
 *
 * Masks instead of branches: a ruined lane's return and trade are and-ed to zero, so its
 * equity and position stay as they were at ruin without a select; increments that could be
 * NaN or ∞ on a ruined lane (its E may be ≤ 0) are and-ed away before they are added.
 * `scheme` holds [kind, p1, p2, p3] (layout.ts); `st` is the scheme's state arrays and `mk`
 * the block's market arrays (./lane-block.ts). Never throws.
 */
export function paceSchemeLanes(job: usize, scheme: usize, st: usize, mk: usize, t: f64): void {
  const kind = <i32>load<f64>(scheme);
  const costKind = <i32>par(job, J_COST_KIND);
  // One specialised loop per scheme kind (the cost model is a predictable branch inside), called
  // through a function reference: a direct call would let the optimiser fold the copies back
  // into one loop that branches on the kind at every lane pair.
  let pace: PaceLanes = paceAsymmetric;
  if (kind == SCHEME_INSTANT) pace = paceInstant;
  else if (kind == SCHEME_RATE) pace = paceRate;
  else if (kind == SCHEME_EMA) pace = paceEma;
  else if (kind == SCHEME_VOL) pace = paceVol;
  else if (kind == SCHEME_LIQUIDITY) pace = paceLiquidity;
  pace(costKind, job, scheme, st, mk, t);
}

type PaceLanes = (costKind: i32, job: usize, scheme: usize, st: usize, mk: usize, t: f64) => void;
function paceInstant(costKind: i32, job: usize, scheme: usize, st: usize, mk: usize, t: f64): void { paceLanes(SCHEME_INSTANT, costKind, job, scheme, st, mk, t); }
function paceRate(costKind: i32, job: usize, scheme: usize, st: usize, mk: usize, t: f64): void { paceLanes(SCHEME_RATE, costKind, job, scheme, st, mk, t); }
function paceEma(costKind: i32, job: usize, scheme: usize, st: usize, mk: usize, t: f64): void { paceLanes(SCHEME_EMA, costKind, job, scheme, st, mk, t); }
function paceVol(costKind: i32, job: usize, scheme: usize, st: usize, mk: usize, t: f64): void { paceLanes(SCHEME_VOL, costKind, job, scheme, st, mk, t); }
function paceLiquidity(costKind: i32, job: usize, scheme: usize, st: usize, mk: usize, t: f64): void { paceLanes(SCHEME_LIQUIDITY, costKind, job, scheme, st, mk, t); }
function paceAsymmetric(costKind: i32, job: usize, scheme: usize, st: usize, mk: usize, t: f64): void { paceLanes(SCHEME_ASYMMETRIC, costKind, job, scheme, st, mk, t); }

// @ts-ignore: decorator
@inline function paceLanes(kind: i32, costKind: i32, job: usize, scheme: usize, st: usize, mk: usize, t: f64): void {
  const p1 = f64x2.splat(load<f64>(scheme, 8)), p2 = f64x2.splat(load<f64>(scheme, 16));
  const negP1 = f64x2.neg(p1);
  const psi = f64x2.splat(par(job, J_RESILIENCE));
  const ruinEquity = f64x2.splat(par(job, J_RUIN_EQUITY));
  const zero = f64x2.splat(0.0), tv = f64x2.splat(t);
  const sqrtY = f64x2.splat(par(job, J_SQRT_Y)), sqrtDt = f64x2.splat(Math.sqrt(par(job, J_DT)));
  const volume = f64x2.splat(par(job, J_SQRT_VOLUME));

  for (let o: usize = 0; o < <usize>ARRAY_BYTES; o += 16) {
    const s = st + o, m = mk + o;
    const d = f64x2.mul(v128.load(s, S_D * ARRAY_BYTES), psi);
    const live = v128.load(s, S_ALIVE * ARRAY_BYTES); // no branch on it: ruined lanes are rare and masked
    const e = v128.load(s, S_E * ARRAY_BYTES), pos = v128.load(s, S_P * ARRAY_BYTES);
    const r = v128.and(v128.load(m, M_RET * ARRAY_BYTES), live);
    // 4. opportunity term, mark to market, ruin
    const oc = f64x2.mul(f64x2.sub(v128.load(m, M_LSTAR_PREV * ARRAY_BYTES), f64x2.div(pos, e)), r);
    v128.store(s, f64x2.add(v128.load(s, S_OPPORTUNITY * ARRAY_BYTES), v128.and(oc, live)), S_OPPORTUNITY * ARRAY_BYTES);
    const eMinus = f64x2.add(e, f64x2.mul(pos, r));
    const pMinus = f64x2.mul(pos, f64x2.add(v128.load(ONE), r));
    const ruinNow = v128.and(live, f64x2.le(eMinus, ruinEquity));
    const trading = v128.andnot(live, ruinNow);
    // 9. pace
    const target = v128.load(m, M_LSTAR * ARRAY_BYTES);
    const invE = f64x2.div(v128.load(ONE), eMinus);
    const ell = f64x2.mul(pMinus, invE);
    let lev: v128;
    if (kind == SCHEME_INSTANT) lev = target;
    else if (kind == SCHEME_RATE) lev = f64x2.add(ell, f64x2.pmin(f64x2.pmax(f64x2.sub(target, ell), negP1), p1));
    else {
      let rate: v128;
      if (kind == SCHEME_EMA) rate = p1;
      else if (kind == SCHEME_VOL) rate = f64x2.div(p1, f64x2.add(v128.load(ONE), f64x2.mul(p2, v128.load(m, M_SIGHAT * ARRAY_BYTES))));
      else if (kind == SCHEME_LIQUIDITY) rate = f64x2.mul(p1, f64x2.pmin(v128.load(ONE), v128.load(m, M_LIQ * ARRAY_BYTES)));
      else rate = v128.bitselect(p2, p1, f64x2.lt(f64x2.abs(target), f64x2.abs(ell)));
      lev = f64x2.add(ell, f64x2.mul(rate, f64x2.sub(target, ell)));
    }
    // trade (zero on lanes not trading) and its cost (then zero too)
    const n = v128.and(f64x2.sub(f64x2.mul(lev, eMinus), pMinus), trading);
    const absN = f64x2.abs(n);
    const halfSpread = v128.load(m, M_HALF_SPREAD * ARRAY_BYTES);
    let c = zero;
    if (costKind == COST_TRANSIENT) {
      const invK = v128.load(m, M_INV_DEPTH * ARRAY_BYTES);
      c = f64x2.add(f64x2.add(f64x2.mul(absN, halfSpread), f64x2.mul(n, d)), f64x2.mul(f64x2.mul(n, n), v128.load(m, M_HALF_INV_DEPTH * ARRAY_BYTES)));
      v128.store(s, f64x2.add(d, f64x2.mul(n, invK)), S_D * ARRAY_BYTES);
    } else {
      v128.store(s, d, S_D * ARRAY_BYTES);
      if (costKind != COST_NONE) {
        // square-root law: relative impact Y·σ_step·√(|n|/V), traded value thinned like depth
        const impact = f64x2.mul(f64x2.mul(f64x2.mul(absN, sqrtY), v128.load(m, M_SIGMA * ARRAY_BYTES)), sqrtDt);
        c = f64x2.add(f64x2.mul(absN, halfSpread), f64x2.mul(impact, f64x2.sqrt(f64x2.div(absN, f64x2.mul(volume, v128.load(m, M_LIQ * ARRAY_BYTES))))));
      }
    }
    // state: a lane ruined now keeps its marked values (n = c = 0); a dead lane keeps its own (r = 0)
    v128.store(s, f64x2.sub(eMinus, c), S_E * ARRAY_BYTES);
    v128.store(s, f64x2.add(pMinus, n), S_P * ARRAY_BYTES);
    v128.store(s, trading, S_ALIVE * ARRAY_BYTES);
    v128.store(s, f64x2.add(v128.load(s, S_RUIN * ARRAY_BYTES), v128.and(tv, ruinNow)), S_RUIN * ARRAY_BYTES);
    v128.store(s, f64x2.add(v128.load(s, S_SLIPPAGE * ARRAY_BYTES), v128.and(f64x2.mul(c, invE), trading)), S_SLIPPAGE * ARRAY_BYTES);
    v128.store(s, f64x2.add(v128.load(s, S_TURNOVER * ARRAY_BYTES), v128.and(f64x2.mul(absN, invE), trading)), S_TURNOVER * ARRAY_BYTES);
    v128.store(s, f64x2.add(v128.load(s, S_TRADED * ARRAY_BYTES), absN), S_TRADED * ARRAY_BYTES);
    v128.store(s, f64x2.add(v128.load(s, S_COST * ARRAY_BYTES), c), S_COST * ARRAY_BYTES);
  }
}
