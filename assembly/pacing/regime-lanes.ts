import { J_SIGMA, J_TRANSITION, J_THINNING, J_DEPTH, J_SPREAD, MAX_REGIMES } from "./layout";
import {
  LANES, ARRAY_BYTES, M_REGIME, M_SIGMA, M_LIQ, M_HALF_SPREAD, M_INV_DEPTH, M_HALF_INV_DEPTH, M_U_REGIME,
} from "./lane-block";
import { par } from "./job-param";

// The regime table, f64[MAX_REGIMES] per entry: σ_s, (σ₀/σ_s)^α (depth relative to calm), half
// the spread s₀·σ_s/σ₀, 1/K and 1/(2K) with K = κ₀E₀·(σ₀/σ_s)^α; then the cumulative transition
// thresholds C[r][q] = P(r→0) + … + P(r→q), MAX_REGIMES per row r.
const R_SIGMA = 0, R_LIQ = 1, R_HALF_SPREAD = 2, R_INV_DEPTH = 3, R_HALF_INV_DEPTH = 4, R_CUMULATIVE = 5;
/** Bytes of the regime table. */
export const REGIME_TABLE_BYTES: usize = <usize>((R_CUMULATIVE + MAX_REGIMES) * MAX_REGIMES) << 3;

// @ts-ignore: decorator
@inline function entry(table: usize, which: i32, regime: i32): usize {
  return table + ((<usize>(which * MAX_REGIMES + regime)) << 3);
}

/**
 * Fills the regime table of `job` (nRegimes regimes; RS-1 book: depth thins as (σ₀/σ_s)^α, the
 * spread widens as σ_s/σ₀). The cumulative thresholds are summed in the order the twin walks a
 * transition row, so both take the same decisions.
 */
export function regimeTable(job: usize, nRegimes: i32, table: usize): void {
  const sigma0 = par(job, J_SIGMA), thinning = par(job, J_THINNING);
  for (let r = 0; r < nRegimes; r++) {
    const s = par(job, J_SIGMA + r);
    const liquidity = Math.pow(sigma0 / s, thinning);
    const invDepth = 1.0 / (par(job, J_DEPTH) * liquidity);
    store<f64>(entry(table, R_SIGMA, r), s);
    store<f64>(entry(table, R_LIQ, r), liquidity);
    store<f64>(entry(table, R_INV_DEPTH, r), invDepth);
    store<f64>(entry(table, R_HALF_INV_DEPTH, r), 0.5 * invDepth);
    store<f64>(entry(table, R_HALF_SPREAD, r), 0.5 * (par(job, J_SPREAD) * s / sigma0));
    let cum = par(job, J_TRANSITION + r * MAX_REGIMES);
    for (let q = 0; q < nRegimes - 1; q++) {
      store<f64>(entry(table, R_CUMULATIVE + r, q), cum);
      cum += par(job, J_TRANSITION + r * MAX_REGIMES + q + 1);
    }
  }
}

/** Records lane l's regime and that regime's σ, liquidity, half spread, 1/K and 1/(2K) in the block's arrays at `mk`. */
export function setRegime(mk: usize, l: i32, regime: i32, table: usize): void {
  const at = mk + (<usize>l << 3);
  store<f64>(at, <f64>regime, M_REGIME * ARRAY_BYTES);
  store<f64>(at, load<f64>(entry(table, R_SIGMA, regime)), M_SIGMA * ARRAY_BYTES);
  store<f64>(at, load<f64>(entry(table, R_LIQ, regime)), M_LIQ * ARRAY_BYTES);
  store<f64>(at, load<f64>(entry(table, R_HALF_SPREAD, regime)), M_HALF_SPREAD * ARRAY_BYTES);
  store<f64>(at, load<f64>(entry(table, R_INV_DEPTH, regime)), M_INV_DEPTH * ARRAY_BYTES);
  store<f64>(at, load<f64>(entry(table, R_HALF_INV_DEPTH, regime)), M_HALF_INV_DEPTH * ARRAY_BYTES);
}

/**
 * RS-1 step 1, the regime switch, on every lane of a block: the next regime is the number of
 * cumulative thresholds C[r][q] (q < nRegimes − 1) at or below the lane's uniform, r its current
 * regime — the inverse-CDF walk of the transition row, two lanes per SIMD compare. Lanes whose
 * regime changes (rare) get their regime's constants by setRegime. Never throws.
 */
export function switchRegimeLanes(mk: usize, table: usize, nRegimes: i32): void {
  const one = f64x2.splat(1.0);
  for (let o: usize = 0; o < <usize>ARRAY_BYTES; o += 16) {
    const m = mk + o;
    const u = v128.load(m, M_U_REGIME * ARRAY_BYTES), regime = v128.load(m, M_REGIME * ARRAY_BYTES);
    const row0 = entry(table, R_CUMULATIVE + <i32>f64x2.extract_lane(regime, 0), 0);
    const row1 = entry(table, R_CUMULATIVE + <i32>f64x2.extract_lane(regime, 1), 0);
    let next = f64x2.splat(0.0);
    for (let q = 0; q < nRegimes - 1; q++) {
      const at = <usize>q << 3;
      const threshold = f64x2.replace_lane(f64x2.splat(load<f64>(row0 + at)), 1, load<f64>(row1 + at));
      next = f64x2.add(next, v128.and(f64x2.ge(u, threshold), one));
    }
    const changed = f64x2.ne(next, regime);
    if (!v128.any_true(changed)) continue;
    const l = <i32>(o >> 3);
    if (i64x2.extract_lane(changed, 0) != 0) setRegime(mk, l, <i32>f64x2.extract_lane(next, 0), table);
    if (i64x2.extract_lane(changed, 1) != 0) setRegime(mk, l + 1, <i32>f64x2.extract_lane(next, 1), table);
  }
}
