import {
  J_COST_KIND, J_RESILIENCE, J_SQRT_Y, J_SQRT_VOLUME, J_RUIN_EQUITY, J_DT, J_FUNDING_RATE, J_PATH_RISK,
  COST_NONE, COST_TRANSIENT, SCHEME_INSTANT, SCHEME_RATE, SCHEME_EMA, SCHEME_VOL, SCHEME_LIQUIDITY,
  SCHEME_ASYMMETRIC, SCHEME_GP, SCHEME_AC, LIQUIDITY_OBSERVES_REGIME, SP_GUARD, SP_RATE, SP_AIM_SCALE, SP_AIM_OFFSET,
} from "./layout";
import {
  ARRAY_BYTES, M_RET, M_LSTAR_PREV, M_LSTAR, M_SIGHAT, M_LIQ, M_LIQ_HAT, M_HALF_SPREAD, M_SIGMA, M_INV_DEPTH, M_HALF_INV_DEPTH,
  S_E, S_P, S_D, S_ALIVE, S_RUIN, S_OPPORTUNITY, S_SLIPPAGE, S_TURNOVER, S_TRADED, S_COST, S_PEAK, S_MAX_DRAWDOWN,
  S_UNDER_WATER, S_FUNDING, S_GP_OBJECTIVE, M_REGIME, M_SIGNAL, M_X, M_SIG2_PREV, M_OBJ_HALF_RISK, M_OBJ_HALF_COST,
} from "./lane-block";
import { par } from "./job-param";

/** 1.0 in every lane, in static memory: one load, where V8 rebuilds a splat constant in the loop with several instructions. */
const ONE = memory.data<f32>([1.0, 1.0, 1.0, 1.0]);

// The loop's parameters as f32x4 splats in scratch memory: V8 would otherwise convert and
// broadcast each one inside the loop, every iteration. The job's are written once per run
// (schemeConstants); the scheme's p1, p2 and the step by paceSchemeLanes on entry.
// K_R1…K_R3 hold the regime indices 1…3 (to compare M_REGIME with); K_RATE, K_AIM_SCALE and K_AIM_OFFSET
// start four per-regime splats each (gp and ac: layout.ts SP_RATE…); K_GUARD is the jump guard's θ²·dt.
const K_P1 = 0, K_P2 = 1, K_STEP = 2, K_PSI = 3, K_RUIN_EQUITY = 4, K_SQRT_Y = 5, K_SQRT_DT = 6, K_VOLUME = 7, K_FUNDING = 8;
const K_GUARD = 9, K_R1 = 10, K_RATE = 13, K_AIM_SCALE = 17, K_AIM_OFFSET = 21;
/** Bytes of scratch the scheme loops need for their splats. */
export const SCHEME_SPLATS_BYTES: usize = 25 << 4;

// What a loop does besides pacing (bits of its `extras`): charge funding, track drawdown and time under
// water, guard against jumps (layout.ts SP_GUARD).
const EXTRA_FUNDING = 1, EXTRA_PATH_RISK = 2, EXTRA_GUARD = 4;

// @ts-ignore: decorator
@inline function putSplat(splats: usize, which: i32, value: f64): void {
  v128.store(splats + (<usize>which << 4), f32x4.splat(<f32>value));
}
// @ts-ignore: decorator
@inline function splat(splats: usize, which: i32): v128 {
  return v128.load(splats + (<usize>which << 4));
}

/** Writes the job's splats of the scheme loops (ψ, θE₀, Y, √dt, V, r_f·dt) at `splats` (SCHEME_SPLATS_BYTES), once per run. */
export function schemeConstants(job: usize, splats: usize): void {
  putSplat(splats, K_PSI, par(job, J_RESILIENCE));
  putSplat(splats, K_RUIN_EQUITY, par(job, J_RUIN_EQUITY));
  putSplat(splats, K_SQRT_Y, par(job, J_SQRT_Y));
  putSplat(splats, K_SQRT_DT, Math.sqrt(par(job, J_DT)));
  putSplat(splats, K_VOLUME, par(job, J_SQRT_VOLUME));
  putSplat(splats, K_FUNDING, par(job, J_FUNDING_RATE) * par(job, J_DT));
  for (let r = 1; r < 4; r++) putSplat(splats, K_R1 + r - 1, <f64>r);
}

/** The value of `first + regime` (four splats, one per regime) in every lane, selected by the lane's regime. */
// @ts-ignore: decorator
@inline function byRegime(splats: usize, first: i32, regime: v128): v128 {
  let v = splat(splats, first);
  for (let r = 1; r < 4; r++) v = v128.bitselect(splat(splats, first + r), v, f32x4.eq(regime, splat(splats, K_R1 + r - 1)));
  return v;
}

/**
 * One step of one pacing scheme on every lane of a block: RS-1 steps 4 (mark to market,
 * opportunity term (L*_{t−1} − P/E)·R, ruin when E⁻ ≤ θE₀), 8 (displacement decay D ← ψD)
 * and 9 (pace, trade n = L·E⁻ − P⁻, cost c = |n|·s/2 + n·D + n²/(2K), or the square-root law,
 * or none). Pacing rules: domain.md (P1) rate, (P2) ema, (P3) vol, (P4) liquidity (on the
 * estimated depth, or the regime's when p2 = LIQUIDITY_OBSERVES_REGIME), asymmetric, and the
 * optimal benchmarks (O1) gp (the fraction r_s of the gap to the aim leverage A_s + B_s·g_t, g_t
 * the signal) and (O2) ac (the fraction r_s of the gap to L*), s the lane's hidden regime. Four
 * paths per f32x4 SIMD instruction; every parameter is rounded to f32.
 *
 * Jump guard (scheme slot SP_GUARD = θ > 0): on a lane whose step log-return has
 * x_t² > θ²·dt·σ̂²_{t−1} (σ̂ the EWMA estimate before this step's update), the trade de-risks at
 * once to the leverage sign(ℓ)·min(|ℓ|, |L*|), ℓ = P⁻/E⁻, instead of the kind's rule (no trade
 * when |L*| ≥ |ℓ|); other lanes follow the rule.
 *
 * GP objective (domain.md O1), every scheme: S_GP_OBJECTIVE += P·R − h_r·P⁺² − h_c·n² on live
 * lanes (the ruin step included, with n = 0), P the holding marked by R, P⁺ = P⁻ + n the holding
 * after the trade, h_r = γσ_s²dt/(2E₀), h_c = Λ_s/(2E₀) of the lane's regime: E₀ × GP's
 * x·r − (γ/2)σ²dt·x² − ½Λn² with x = P⁺/E₀ and n in units of E₀.
 *
 * Funding (J_FUNDING_RATE > 0): at the mark to market, the borrowed notional of the step's
 * holding is charged, E⁻ = E + P·R − r_f·dt·max(0, |P| − E), and its share of equity
 * r_f·dt·max(0, |P/E| − 1) is summed. Path risk (J_PATH_RISK = 1): pathRiskLanes after the trade.
 *
 * Each rule is applied to the trade rather than to the leverage: with g = L*·E⁻ − P⁻ the trade
 * to the target, ℓ = P⁻/E⁻ and E⁻ > 0 on every trading lane, L = ℓ + ρ(L* − ℓ) trades
 * n = L·E⁻ − P⁻ = ρ·g, the rate limit |L − ℓ| ≤ η trades n = clip(g, ±η·E⁻), and the
 * asymmetric test |L*| < |ℓ| is |L*·E⁻| < |P⁻|. The same trades, with no division on the way
 * from E⁻ to the new equity (1/E⁻ is needed only for the slippage and turnover sums).
 *
 * Masks instead of branches: a ruined lane's return and trade are and-ed to zero, so its
 * equity and position stay as they were at ruin without a select; increments that could be
 * NaN or ∞ on a ruined lane (its E may be ≤ 0) are and-ed away before they are added.
 * `scheme` holds [kind, p1, p2, p3] (layout.ts); `st` is the scheme's state arrays and `mk`
 * the block's market arrays (./lane-block.ts); `splats` is SCHEME_SPLATS_BYTES of scratch that
 * schemeConstants has filled. Never throws.
 */
export function paceSchemeLanes(job: usize, scheme: usize, st: usize, mk: usize, t: f64, splats: usize): void {
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
  else if (kind == SCHEME_LIQUIDITY) pace = <i32>load<f64>(scheme, 16) == LIQUIDITY_OBSERVES_REGIME ? paceLiquidityRegime : paceLiquidity;
  else if (kind == SCHEME_GP) pace = paceGp;
  else if (kind == SCHEME_AC) pace = paceAc;
  putSplat(splats, K_P1, load<f64>(scheme, 8));
  putSplat(splats, K_P2, load<f64>(scheme, 16));
  putSplat(splats, K_STEP, t);
  if (kind == SCHEME_GP || kind == SCHEME_AC) {
    for (let r = 0; r < 4; r++) {
      putSplat(splats, K_RATE + r, load<f64>(scheme + (<usize>(SP_RATE + r) << 3)));
      putSplat(splats, K_AIM_SCALE + r, load<f64>(scheme + (<usize>(SP_AIM_SCALE + r) << 3)));
      putSplat(splats, K_AIM_OFFSET + r, load<f64>(scheme + (<usize>(SP_AIM_OFFSET + r) << 3)));
    }
  }
  const guard = load<f64>(scheme + (<usize>SP_GUARD << 3));
  if (guard > 0) putSplat(splats, K_GUARD, guard * guard * par(job, J_DT));
  const extras = (par(job, J_FUNDING_RATE) > 0 ? EXTRA_FUNDING : 0) | (par(job, J_PATH_RISK) != 0 ? EXTRA_PATH_RISK : 0)
    | (guard > 0 ? EXTRA_GUARD : 0);
  pace(costKind, extras, st, mk, splats);
  if (extras & EXTRA_PATH_RISK) pathRiskLanes(st);
}

/**
 * Path risk after the step's trade, on every lane (a ruined lane's equity stays at its marked
 * ruin equity, below its peak): peak ← max(peak, E), drawdown ← max(drawdown, 1 − E/peak),
 * under-water steps += [E < peak]. Its own pass over the lanes: inside the scheme loop it would
 * add to a loop that is already short of registers.
 */
function pathRiskLanes(st: usize): void {
  for (let o: usize = 0; o < <usize>ARRAY_BYTES; o += 16) {
    const s = st + o;
    const e = v128.load(s, S_E * ARRAY_BYTES);
    const peak = f32x4.pmax(v128.load(s, S_PEAK * ARRAY_BYTES), e);
    v128.store(s, peak, S_PEAK * ARRAY_BYTES);
    const drawdown = f32x4.sub(v128.load(ONE), f32x4.div(e, peak));
    v128.store(s, f32x4.pmax(v128.load(s, S_MAX_DRAWDOWN * ARRAY_BYTES), drawdown), S_MAX_DRAWDOWN * ARRAY_BYTES);
    v128.store(s, f32x4.add(v128.load(s, S_UNDER_WATER * ARRAY_BYTES), v128.and(f32x4.lt(e, peak), v128.load(ONE))), S_UNDER_WATER * ARRAY_BYTES);
  }
}

type PaceLanes = (costKind: i32, extras: i32, st: usize, mk: usize, splats: usize) => void;
function paceInstant(costKind: i32, extras: i32, st: usize, mk: usize, splats: usize): void { paceLanes(SCHEME_INSTANT, costKind, extras, st, mk, splats); }
function paceRate(costKind: i32, extras: i32, st: usize, mk: usize, splats: usize): void { paceLanes(SCHEME_RATE, costKind, extras, st, mk, splats); }
function paceEma(costKind: i32, extras: i32, st: usize, mk: usize, splats: usize): void { paceLanes(SCHEME_EMA, costKind, extras, st, mk, splats); }
function paceVol(costKind: i32, extras: i32, st: usize, mk: usize, splats: usize): void { paceLanes(SCHEME_VOL, costKind, extras, st, mk, splats); }
function paceLiquidity(costKind: i32, extras: i32, st: usize, mk: usize, splats: usize): void { paceLanes(SCHEME_LIQUIDITY, costKind, extras, st, mk, splats); }
// the kind code past the public ones marks the liquidity rule on the hidden regime's depth (M_LIQ, not M_LIQ_HAT)
const LIQUIDITY_REGIME = 100;
function paceLiquidityRegime(costKind: i32, extras: i32, st: usize, mk: usize, splats: usize): void { paceLanes(LIQUIDITY_REGIME, costKind, extras, st, mk, splats); }
function paceAsymmetric(costKind: i32, extras: i32, st: usize, mk: usize, splats: usize): void { paceLanes(SCHEME_ASYMMETRIC, costKind, extras, st, mk, splats); }
function paceGp(costKind: i32, extras: i32, st: usize, mk: usize, splats: usize): void { paceLanes(SCHEME_GP, costKind, extras, st, mk, splats); }
function paceAc(costKind: i32, extras: i32, st: usize, mk: usize, splats: usize): void { paceLanes(SCHEME_AC, costKind, extras, st, mk, splats); }

// @ts-ignore: decorator
@inline function paceLanes(kind: i32, costKind: i32, extras: i32, st: usize, mk: usize, splats: usize): void {
  const zero = f32x4.splat(0.0);
  for (let o: usize = 0; o < <usize>ARRAY_BYTES; o += 16) {
    const s = st + o, m = mk + o;
    const p1 = splat(splats, K_P1), p2 = splat(splats, K_P2), psi = splat(splats, K_PSI);
    const d = f32x4.mul(v128.load(s, S_D * ARRAY_BYTES), psi);
    const live = v128.load(s, S_ALIVE * ARRAY_BYTES); // no branch on it: ruined lanes are rare and masked
    const e = v128.load(s, S_E * ARRAY_BYTES), pos = v128.load(s, S_P * ARRAY_BYTES);
    const r = v128.and(v128.load(m, M_RET * ARRAY_BYTES), live);
    // 4. opportunity term, mark to market, ruin
    const held = f32x4.div(pos, e);
    const oc = f32x4.mul(f32x4.sub(v128.load(m, M_LSTAR_PREV * ARRAY_BYTES), held), r);
    v128.store(s, f32x4.add(v128.load(s, S_OPPORTUNITY * ARRAY_BYTES), v128.and(oc, live)), S_OPPORTUNITY * ARRAY_BYTES);
    const pnl = f32x4.mul(pos, r);
    let eMinus = f32x4.add(e, pnl);
    if (extras & EXTRA_FUNDING) {
      const rate = splat(splats, K_FUNDING);
      const charge = f32x4.mul(rate, f32x4.pmax(f32x4.sub(f32x4.abs(pos), e), zero));
      const share = f32x4.mul(rate, f32x4.pmax(f32x4.sub(f32x4.abs(held), v128.load(ONE)), zero));
      eMinus = f32x4.sub(eMinus, v128.and(charge, live));
      v128.store(s, f32x4.add(v128.load(s, S_FUNDING * ARRAY_BYTES), v128.and(share, live)), S_FUNDING * ARRAY_BYTES);
    }
    const pMinus = f32x4.mul(pos, f32x4.add(v128.load(ONE), r));
    const ruinNow = v128.and(live, f32x4.le(eMinus, splat(splats, K_RUIN_EQUITY)));
    const trading = v128.andnot(live, ruinNow);
    // 9. pace
    const target = v128.load(m, M_LSTAR * ARRAY_BYTES);
    // the trade to the target, g = L*·E⁻ − P⁻, that each rule scales or clips (see above); gp's is to its aim
    let aim: v128;
    if (kind == SCHEME_GP) {
      const regime = v128.load(m, M_REGIME * ARRAY_BYTES);
      const aimLeverage = f32x4.add(byRegime(splats, K_AIM_OFFSET, regime), f32x4.mul(byRegime(splats, K_AIM_SCALE, regime), v128.load(m, M_SIGNAL * ARRAY_BYTES)));
      aim = f32x4.mul(aimLeverage, eMinus);
    } else aim = f32x4.mul(target, eMinus);
    const gap = f32x4.sub(aim, pMinus);
    let trade: v128;
    if (kind == SCHEME_INSTANT) trade = gap;
    else if (kind == SCHEME_RATE) {
      const band = f32x4.mul(p1, eMinus);
      trade = f32x4.pmin(f32x4.pmax(gap, f32x4.neg(band)), band);
    } else {
      let rate: v128;
      if (kind == SCHEME_EMA) rate = p1;
      else if (kind == SCHEME_VOL) rate = f32x4.div(p1, f32x4.add(v128.load(ONE), f32x4.mul(p2, v128.load(m, M_SIGHAT * ARRAY_BYTES))));
      else if (kind == SCHEME_LIQUIDITY) rate = f32x4.mul(p1, v128.load(m, M_LIQ_HAT * ARRAY_BYTES)); // already ≤ 1
      else if (kind == LIQUIDITY_REGIME) rate = f32x4.mul(p1, f32x4.pmin(v128.load(ONE), v128.load(m, M_LIQ * ARRAY_BYTES)));
      else if (kind == SCHEME_GP || kind == SCHEME_AC) rate = byRegime(splats, K_RATE, v128.load(m, M_REGIME * ARRAY_BYTES));
      else rate = v128.bitselect(p2, p1, f32x4.lt(f32x4.abs(aim), f32x4.abs(pMinus)));
      trade = f32x4.mul(rate, gap);
    }
    if (extras & EXTRA_GUARD) {
      // a return beyond θ·σ̂_{t−1}·√dt: to sign(ℓ)·min(|ℓ|, |L*|) at once, in positions sign(P⁻)·min(|P⁻|, |L*·E⁻|)
      const x = v128.load(m, M_X * ARRAY_BYTES);
      const shock = f32x4.gt(f32x4.mul(x, x), f32x4.mul(splat(splats, K_GUARD), v128.load(m, M_SIG2_PREV * ARRAY_BYTES)));
      const kept = f32x4.pmin(f32x4.abs(pMinus), f32x4.abs(f32x4.mul(target, eMinus)));
      const derisk = f32x4.sub(v128.bitselect(kept, f32x4.neg(kept), f32x4.gt(pMinus, zero)), pMinus);
      trade = v128.bitselect(derisk, trade, shock);
    }
    const invE = f32x4.div(v128.load(ONE), eMinus);
    // the trade is zero on lanes not trading, and so is its cost
    const n = v128.and(trade, trading);
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
        const impact = f32x4.mul(f32x4.mul(f32x4.mul(absN, splat(splats, K_SQRT_Y)), v128.load(m, M_SIGMA * ARRAY_BYTES)), splat(splats, K_SQRT_DT));
        c = f32x4.add(f32x4.mul(absN, halfSpread), f32x4.mul(impact, f32x4.sqrt(f32x4.div(absN, f32x4.mul(splat(splats, K_VOLUME), v128.load(m, M_LIQ * ARRAY_BYTES))))));
      }
    }
    // state: a lane ruined now keeps its marked values (n = c = 0); a dead lane keeps its own (r = 0)
    v128.store(s, f32x4.sub(eMinus, c), S_E * ARRAY_BYTES);
    const pAfter = f32x4.add(pMinus, n);
    v128.store(s, pAfter, S_P * ARRAY_BYTES);
    // GP's objective of the step (see above), on lanes alive at its start
    const risk = f32x4.mul(f32x4.mul(v128.load(m, M_OBJ_HALF_RISK * ARRAY_BYTES), pAfter), pAfter);
    const impact = f32x4.mul(f32x4.mul(v128.load(m, M_OBJ_HALF_COST * ARRAY_BYTES), n), n);
    const objective = f32x4.sub(f32x4.sub(pnl, risk), impact);
    v128.store(s, f32x4.add(v128.load(s, S_GP_OBJECTIVE * ARRAY_BYTES), v128.and(objective, live)), S_GP_OBJECTIVE * ARRAY_BYTES);
    v128.store(s, trading, S_ALIVE * ARRAY_BYTES);
    v128.store(s, f32x4.add(v128.load(s, S_RUIN * ARRAY_BYTES), v128.and(splat(splats, K_STEP), ruinNow)), S_RUIN * ARRAY_BYTES);
    v128.store(s, f32x4.add(v128.load(s, S_SLIPPAGE * ARRAY_BYTES), v128.and(f32x4.mul(c, invE), trading)), S_SLIPPAGE * ARRAY_BYTES);
    v128.store(s, f32x4.add(v128.load(s, S_TURNOVER * ARRAY_BYTES), v128.and(f32x4.mul(absN, invE), trading)), S_TURNOVER * ARRAY_BYTES);
    v128.store(s, f32x4.add(v128.load(s, S_TRADED * ARRAY_BYTES), absN), S_TRADED * ARRAY_BYTES);
    v128.store(s, f32x4.add(v128.load(s, S_COST * ARRAY_BYTES), c), S_COST * ARRAY_BYTES);
  }
}
