import { J_SIGMA, J_TRANSITION, J_THINNING, J_DEPTH, J_SPREAD, J_OBJ_HALF_RISK, J_OBJ_HALF_COST, MAX_REGIMES } from "./layout";
import {
  LANES, ARRAY_BYTES, M_REGIME, M_SIGMA, M_LIQ, M_HALF_SPREAD, M_INV_DEPTH, M_HALF_INV_DEPTH, M_OBJ_HALF_RISK, M_OBJ_HALF_COST,
} from "./lane-block";
import { laneUniform } from "../random/lane-stream";
import { par } from "./job-param";

// The regime table, f32[MAX_REGIMES] per entry (each value computed in f64, then rounded): σ_s, (σ₀/σ_s)^α (depth relative to calm), half
// the spread s₀·σ_s/σ₀, 1/K and 1/(2K) with K = κ₀E₀·(σ₀/σ_s)^α, and the GP objective's two per-regime
// coefficients (layout.ts J_OBJ_HALF_RISK, J_OBJ_HALF_COST).
const R_SIGMA = 0, R_LIQ = 1, R_HALF_SPREAD = 2, R_INV_DEPTH = 3, R_HALF_INV_DEPTH = 4, R_OBJ_HALF_RISK = 5, R_OBJ_HALF_COST = 6, R_ENTRIES = 7;
/** Bytes of the regime table. */
export const REGIME_TABLE_BYTES: usize = <usize>(R_ENTRIES * MAX_REGIMES) << 2;

// @ts-ignore: decorator
@inline function entry(table: usize, which: i32, regime: i32): usize {
  return table + ((<usize>(which * MAX_REGIMES + regime)) << 2);
}

/**
 * Fills the regime table of `job` (nRegimes regimes; RS-1 book: depth thins as (σ₀/σ_s)^α, the
 * spread widens as σ_s/σ₀).
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
    store<f32>(entry(table, R_OBJ_HALF_RISK, r), <f32>par(job, J_OBJ_HALF_RISK + r));
    store<f32>(entry(table, R_OBJ_HALF_COST, r), <f32>par(job, J_OBJ_HALF_COST + r));
  }
}

/** Records lane l's regime and that regime's σ, liquidity, half spread, 1/K, 1/(2K) and GP-objective coefficients in the block's arrays at `mk`. */
export function setRegime(mk: usize, l: i32, regime: i32, table: usize): void {
  const at = mk + (<usize>l << 2);
  store<f32>(at, <f32>regime, M_REGIME * ARRAY_BYTES);
  store<f32>(at, load<f32>(entry(table, R_SIGMA, regime)), M_SIGMA * ARRAY_BYTES);
  store<f32>(at, load<f32>(entry(table, R_LIQ, regime)), M_LIQ * ARRAY_BYTES);
  store<f32>(at, load<f32>(entry(table, R_HALF_SPREAD, regime)), M_HALF_SPREAD * ARRAY_BYTES);
  store<f32>(at, load<f32>(entry(table, R_INV_DEPTH, regime)), M_INV_DEPTH * ARRAY_BYTES);
  store<f32>(at, load<f32>(entry(table, R_HALF_INV_DEPTH, regime)), M_HALF_INV_DEPTH * ARRAY_BYTES);
  store<f32>(at, load<f32>(entry(table, R_OBJ_HALF_RISK, regime)), M_OBJ_HALF_RISK * ARRAY_BYTES);
  store<f32>(at, load<f32>(entry(table, R_OBJ_HALF_COST, regime)), M_OBJ_HALF_COST * ARRAY_BYTES);
}

/**
 * ln P(r → r), the log-probability of staying in regime r for one step (the geometric holding
 * time's logMiss, lane-stream.ts laneGeometricGap); 0 (never leaves) with a single regime.
 */
export function regimeLogStay(job: usize, nRegimes: i32, r: i32): f64 {
  return nRegimes > 1 ? Math.log(par(job, J_TRANSITION + r * MAX_REGIMES + r)) : 0.0;
}

/**
 * The regime a path in regime r switches to, given that it leaves r: q ≠ r with probability
 * P(r → q) / Σ_{q' ≠ r} P(r → q'). With two regimes the other one, without a draw; else by
 * inversion of one 53-bit uniform of lane l over the row in q order (sums in f64).
 */
export function nextRegime(job: usize, nRegimes: i32, r: i32, rng: usize, l: i32): i32 {
  if (nRegimes == 2) return 1 - r;
  const row = J_TRANSITION + r * MAX_REGIMES;
  let leave = 0.0;
  for (let q = 0; q < nRegimes; q++) if (q != r) leave += par(job, row + q);
  const u = laneUniform(rng, LANES, l) * leave;
  let cum = 0.0, last = r;
  for (let q = 0; q < nRegimes; q++) {
    if (q == r) continue;
    cum += par(job, row + q);
    last = q;
    if (u < cum) return q;
  }
  return last;
}
