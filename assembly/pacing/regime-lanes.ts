import { J_SIGMA, J_TRANSITION, J_THINNING, J_DEPTH, J_SPREAD, MAX_REGIMES } from "./layout";
import {
  LANES, ARRAY_BYTES, M_REGIME, M_SIGMA, M_LIQ, M_HALF_SPREAD, M_INV_DEPTH, M_HALF_INV_DEPTH, M_U_REGIME,
} from "./lane-block";
import { par } from "./job-param";

// The regime table, f32[MAX_REGIMES] per entry (each value computed in f64, then rounded): σ_s, (σ₀/σ_s)^α (depth relative to calm), half
// the spread s₀·σ_s/σ₀, 1/K and 1/(2K) with K = κ₀E₀·(σ₀/σ_s)^α; then the cumulative transition
// thresholds C[r][q] = P(r→0) + … + P(r→q), MAX_REGIMES per row r. After the scalar entries, for
// the SIMD switch: each C[r][q] as an f32x4 splat, then each regime index r as an f32x4 splat.
const R_SIGMA = 0, R_LIQ = 1, R_HALF_SPREAD = 2, R_INV_DEPTH = 3, R_HALF_INV_DEPTH = 4, R_CUMULATIVE = 5;
const SCALAR_BYTES: usize = <usize>((R_CUMULATIVE + MAX_REGIMES) * MAX_REGIMES) << 2;
const THRESHOLD_SPLATS: usize = SCALAR_BYTES;
const INDEX_SPLATS: usize = THRESHOLD_SPLATS + (<usize>(MAX_REGIMES * MAX_REGIMES) << 4);
/** Bytes of the regime table. */
export const REGIME_TABLE_BYTES: usize = INDEX_SPLATS + (<usize>MAX_REGIMES << 4);

// @ts-ignore: decorator
@inline function entry(table: usize, which: i32, regime: i32): usize {
  return table + ((<usize>(which * MAX_REGIMES + regime)) << 2);
}

/** Address of the f32x4 splat of C[r][q]. */
// @ts-ignore: decorator
@inline function thresholdSplat(table: usize, r: i32, q: i32): usize {
  return table + THRESHOLD_SPLATS + ((<usize>(r * MAX_REGIMES + q)) << 4);
}

/** Address of the f32x4 splat of the regime index r. */
// @ts-ignore: decorator
@inline function indexSplat(table: usize, r: i32): usize {
  return table + INDEX_SPLATS + (<usize>r << 4);
}

/**
 * Fills the regime table of `job` (nRegimes regimes; RS-1 book: depth thins as (σ₀/σ_s)^α, the
 * spread widens as σ_s/σ₀). The cumulative thresholds are summed in f64 in the order the twin
 * walks a transition row, then rounded to f32 like the uniforms they are compared with, so both
 * take the same decisions.
 */
export function regimeTable(job: usize, nRegimes: i32, table: usize): void {
  const sigma0 = par(job, J_SIGMA), thinning = par(job, J_THINNING);
  for (let r = 0; r < nRegimes; r++) {
    const s = par(job, J_SIGMA + r);
    const liquidity = Math.pow(sigma0 / s, thinning);
    const invDepth = 1.0 / (par(job, J_DEPTH) * liquidity);
    store<f32>(entry(table, R_SIGMA, r), <f32>(s));
    store<f32>(entry(table, R_LIQ, r), <f32>(liquidity));
    store<f32>(entry(table, R_INV_DEPTH, r), <f32>(invDepth));
    store<f32>(entry(table, R_HALF_INV_DEPTH, r), <f32>(0.5 * invDepth));
    store<f32>(entry(table, R_HALF_SPREAD, r), <f32>(0.5 * (par(job, J_SPREAD) * s / sigma0)));
    v128.store(indexSplat(table, r), f32x4.splat(<f32>r));
    let cum = par(job, J_TRANSITION + r * MAX_REGIMES);
    for (let q = 0; q < nRegimes - 1; q++) {
      store<f32>(entry(table, R_CUMULATIVE + r, q), <f32>(cum));
      v128.store(thresholdSplat(table, r, q), f32x4.splat(<f32>(cum)));
      cum += par(job, J_TRANSITION + r * MAX_REGIMES + q + 1);
    }
  }
}

/** Records lane l's regime and that regime's σ, liquidity, half spread, 1/K and 1/(2K) in the block's arrays at `mk`. */
export function setRegime(mk: usize, l: i32, regime: i32, table: usize): void {
  const at = mk + (<usize>l << 2);
  store<f32>(at, <f32>regime, M_REGIME * ARRAY_BYTES);
  store<f32>(at, load<f32>(entry(table, R_SIGMA, regime)), M_SIGMA * ARRAY_BYTES);
  store<f32>(at, load<f32>(entry(table, R_LIQ, regime)), M_LIQ * ARRAY_BYTES);
  store<f32>(at, load<f32>(entry(table, R_HALF_SPREAD, regime)), M_HALF_SPREAD * ARRAY_BYTES);
  store<f32>(at, load<f32>(entry(table, R_INV_DEPTH, regime)), M_INV_DEPTH * ARRAY_BYTES);
  store<f32>(at, load<f32>(entry(table, R_HALF_INV_DEPTH, regime)), M_HALF_INV_DEPTH * ARRAY_BYTES);
}

/**
 * RS-1 step 1, the regime switch, on every lane of a block: the next regime is the number of
 * cumulative thresholds C[r][q] (q < nRegimes − 1) at or below the lane's uniform, r its current
 * regime — the inverse-CDF walk of the transition row. Four lanes per instruction: each lane's
 * threshold is picked from the pre-splatted C[·][q] by comparing its regime with each index.
 * Lanes whose regime changes (rare) get their regime's constants by setRegime. Never throws.
 */
export function switchRegimeLanes(mk: usize, table: usize, nRegimes: i32): void {
  for (let o: usize = 0; o < <usize>ARRAY_BYTES; o += 16) {
    const m = mk + o;
    const u = v128.load(m, M_U_REGIME * ARRAY_BYTES), regime = v128.load(m, M_REGIME * ARRAY_BYTES);
    let next = v128.load(indexSplat(table, 0)); // 0.0
    for (let q = 0; q < nRegimes - 1; q++) {
      let threshold = v128.load(thresholdSplat(table, 0, q));
      for (let r = 1; r < nRegimes; r++) {
        threshold = v128.bitselect(v128.load(thresholdSplat(table, r, q)), threshold, f32x4.eq(regime, v128.load(indexSplat(table, r))));
      }
      next = f32x4.add(next, v128.and(f32x4.ge(u, threshold), v128.load(indexSplat(table, 1)))); // 1.0 where u ≥ C
    }
    const changed = f32x4.ne(next, regime);
    if (!v128.any_true(changed)) continue;
    const l = <i32>(o >> 2);
    if (i32x4.extract_lane(changed, 0) != 0) setRegime(mk, l, <i32>f32x4.extract_lane(next, 0), table);
    if (i32x4.extract_lane(changed, 1) != 0) setRegime(mk, l + 1, <i32>f32x4.extract_lane(next, 1), table);
    if (i32x4.extract_lane(changed, 2) != 0) setRegime(mk, l + 2, <i32>f32x4.extract_lane(next, 2), table);
    if (i32x4.extract_lane(changed, 3) != 0) setRegime(mk, l + 3, <i32>f32x4.extract_lane(next, 3), table);
  }
}
