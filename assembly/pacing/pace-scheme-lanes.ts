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

/** 1.0 in every lane, in static memory: one load, where V8 rebuilds a splat constant in the loop with several instructions. */
const ONE = memory.data<f32>([1.0, 1.0, 1.0, 1.0]);

/**
 * One step of one pacing scheme on every lane of a block: RS-1 steps 4 (mark to market,
 * opportunity term (L*_{t−1} − P/E)·R, ruin when E⁻ ≤ θE₀), 8 (displacement decay D ← ψD)
 * and 9 (pace, trade n = L·E⁻ − P⁻, cost c = |n|·s/2 + n·D + n²/(2K), or the square-root law,
 * or none). Pacing rules: domain.md (P1) rate, (P2) ema, (P3) vol, (P4) liquidity, and
 * asymmetric. Four paths per f32x4 SIMD instruction; every parameter is rounded to f32.
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
  const p1 = f32x4.splat(<f32>load<f64>(scheme, 8)), p2 = f32x4.splat(<f32>load<f64>(scheme, 16));
  const negP1 = f32x4.neg(p1);
  const psi = f32x4.splat(<f32>par(job, J_RESILIENCE));
  const ruinEquity = f32x4.splat(<f32>par(job, J_RUIN_EQUITY));
  const zero = f32x4.splat(0.0), tv = f32x4.splat(<f32>t);
  const sqrtY = f32x4.splat(<f32>par(job, J_SQRT_Y)), sqrtDt = f32x4.splat(<f32>Math.sqrt(par(job, J_DT)));
  const volume = f32x4.splat(<f32>par(job, J_SQRT_VOLUME));

  for (let o: usize = 0; o < <usize>ARRAY_BYTES; o += 16) {
    const s = st + o, m = mk + o;
    const d = f32x4.mul(v128.load(s, S_D * ARRAY_BYTES), psi);
    const live = v128.load(s, S_ALIVE * ARRAY_BYTES); // no branch on it: ruined lanes are rare and masked
    const e = v128.load(s, S_E * ARRAY_BYTES), pos = v128.load(s, S_P * ARRAY_BYTES);
    const r = v128.and(v128.load(m, M_RET * ARRAY_BYTES), live);
    // 4. opportunity term, mark to market, ruin
    const oc = f32x4.mul(f32x4.sub(v128.load(m, M_LSTAR_PREV * ARRAY_BYTES), f32x4.div(pos, e)), r);
    v128.store(s, f32x4.add(v128.load(s, S_OPPORTUNITY * ARRAY_BYTES), v128.and(oc, live)), S_OPPORTUNITY * ARRAY_BYTES);
    const eMinus = f32x4.add(e, f32x4.mul(pos, r));
    const pMinus = f32x4.mul(pos, f32x4.add(v128.load(ONE), r));
    const ruinNow = v128.and(live, f32x4.le(eMinus, ruinEquity));
    const trading = v128.andnot(live, ruinNow);
    // 9. pace
    const target = v128.load(m, M_LSTAR * ARRAY_BYTES);
    const invE = f32x4.div(v128.load(ONE), eMinus);
    const ell = f32x4.mul(pMinus, invE);
    let lev: v128;
    if (kind == SCHEME_INSTANT) lev = target;
    else if (kind == SCHEME_RATE) lev = f32x4.add(ell, f32x4.pmin(f32x4.pmax(f32x4.sub(target, ell), negP1), p1));
    else {
      let rate: v128;
      if (kind == SCHEME_EMA) rate = p1;
      else if (kind == SCHEME_VOL) rate = f32x4.div(p1, f32x4.add(v128.load(ONE), f32x4.mul(p2, v128.load(m, M_SIGHAT * ARRAY_BYTES))));
      else if (kind == SCHEME_LIQUIDITY) rate = f32x4.mul(p1, f32x4.pmin(v128.load(ONE), v128.load(m, M_LIQ * ARRAY_BYTES)));
      else rate = v128.bitselect(p2, p1, f32x4.lt(f32x4.abs(target), f32x4.abs(ell)));
      lev = f32x4.add(ell, f32x4.mul(rate, f32x4.sub(target, ell)));
    }
    // trade (zero on lanes not trading) and its cost (then zero too)
    const n = v128.and(f32x4.sub(f32x4.mul(lev, eMinus), pMinus), trading);
    const absN = f32x4.abs(n);
    const halfSpread = v128.load(m, M_HALF_SPREAD * ARRAY_BYTES);
    let c = zero;
    if (costKind == COST_TRANSIENT) {
      const invK = v128.load(m, M_INV_DEPTH * ARRAY_BYTES);
      c = f32x4.add(f32x4.add(f32x4.mul(absN, halfSpread), f32x4.mul(n, d)), f32x4.mul(f32x4.mul(n, n), v128.load(m, M_HALF_INV_DEPTH * ARRAY_BYTES)));
      v128.store(s, f32x4.add(d, f32x4.mul(n, invK)), S_D * ARRAY_BYTES);
    } else {
      v128.store(s, d, S_D * ARRAY_BYTES);
      if (costKind != COST_NONE) {
        // square-root law: relative impact Y·σ_step·√(|n|/V), traded value thinned like depth
        const impact = f32x4.mul(f32x4.mul(f32x4.mul(absN, sqrtY), v128.load(m, M_SIGMA * ARRAY_BYTES)), sqrtDt);
        c = f32x4.add(f32x4.mul(absN, halfSpread), f32x4.mul(impact, f32x4.sqrt(f32x4.div(absN, f32x4.mul(volume, v128.load(m, M_LIQ * ARRAY_BYTES))))));
      }
    }
    // state: a lane ruined now keeps its marked values (n = c = 0); a dead lane keeps its own (r = 0)
    v128.store(s, f32x4.sub(eMinus, c), S_E * ARRAY_BYTES);
    v128.store(s, f32x4.add(pMinus, n), S_P * ARRAY_BYTES);
    v128.store(s, trading, S_ALIVE * ARRAY_BYTES);
    v128.store(s, f32x4.add(v128.load(s, S_RUIN * ARRAY_BYTES), v128.and(tv, ruinNow)), S_RUIN * ARRAY_BYTES);
    v128.store(s, f32x4.add(v128.load(s, S_SLIPPAGE * ARRAY_BYTES), v128.and(f32x4.mul(c, invE), trading)), S_SLIPPAGE * ARRAY_BYTES);
    v128.store(s, f32x4.add(v128.load(s, S_TURNOVER * ARRAY_BYTES), v128.and(f32x4.mul(absN, invE), trading)), S_TURNOVER * ARRAY_BYTES);
    v128.store(s, f32x4.add(v128.load(s, S_TRADED * ARRAY_BYTES), absN), S_TRADED * ARRAY_BYTES);
    v128.store(s, f32x4.add(v128.load(s, S_COST * ARRAY_BYTES), c), S_COST * ARRAY_BYTES);
  }
}
