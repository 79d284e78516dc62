/**
 * Working memory of one block of lanes in the pacing kernel (./simulate-pacing.ts): the
 * per-lane market arrays and the per-scheme state arrays, f32[LANES] each, back to back. The
 * engine computes in single precision, four paths per f32x4 instruction (README, "Precision").
 * Kernel-internal; the job, scheme and output layouts users see are in ./layout.ts.
 *
 * Every array of a block sits at a constant offset from the block's base, so a pass over
 * the lanes needs one pointer (base + lane offset) and folds the rest into the instruction.
 */

/** Paths simulated together (one "block of lanes"): a multiple of 4 for SIMD, at most 64 (a u64 marks the lanes of a rejected draw). */
export const LANES = 64;
/** Bytes of one f32[LANES] array; array `a` of a block starts at a·ARRAY_BYTES from its base. */
export const ARRAY_BYTES = LANES << 2;

// Market arrays, in this order.
export const M_F = 0; // alpha f
export const M_SIG2 = 1; // σ̂² (annual)
export const M_LSTAR = 2; // L*_t
export const M_LSTAR_PREV = 3; // L*_{t−1}
export const M_LOGP = 4; // ln S_t
export const M_RET = 5; // simple return R_t
export const M_REGIME = 6; // regime index
export const M_LIQ = 7; // depth relative to calm (σ₀/σ_s)^α
export const M_HALF_SPREAD = 8; // half the full spread, s/2
export const M_SIGHAT = 9; // σ̂ (annual)
export const M_SIGMA = 10; // σ of the regime
export const M_Z = 11; // diffusion draw
export const M_JUMP = 12; // jump log-return (or the supplied log-return)
export const M_INV_DEPTH = 13; // 1/K
export const M_REGIME_LEFT = 14; // steps to the next regime switch (i32)
export const M_JUMP_LEFT = 15; // steps to the next jump (i32)
export const M_Z_ALPHA = 16; // normal draw: alpha innovation
export const M_Z_SIGNAL = 17; // normal draw: signal noise
export const M_WORDS = 18; // the step's random words, u32[WORDS_PER_STEP][LANES] (layout.ts), three arrays' room
export const M_HALF_INV_DEPTH = 21; // 1/(2K)
export const M_TREND = 22; // trend estimate m_t (per year), TARGET_TREND only
export const M_LIQ_HAT = 23; // estimated depth relative to calm min(1, (σ₀/σ̂)^α), J_LIQ_ESTIMATE only
export const M_SIGNAL = 24; // signal g_t (per year), TARGET_SIGNAL only: the gp scheme's aim reads it
export const M_X = 25; // log-return x_t of the step
export const M_SIG2_PREV = 26; // σ̂²_{t−1}, before this step's update (the jump guard's scale)
export const M_OBJ_HALF_RISK = 27; // γσ_s²dt/(2E₀) of the regime (GP objective)
export const M_OBJ_HALF_COST = 28; // Λ_s/(2E₀) of the regime (GP objective)
export const MARKET_ARRAYS = 29;

// Scheme state arrays, in this order: the state, then the accumulated outputs in layout.ts
// order (O_RUIN_STEP … O_COST), then the path-risk state and outputs.
export const S_E = 0; // equity E
export const S_P = 1; // position P (equity units)
export const S_D = 2; // transient displacement D
export const S_ALIVE = 3; // all-ones bits (i32) while the path is alive, zero after ruin
export const S_RUIN = 4; // step of ruin (0 = survived)
export const S_OPPORTUNITY = 5;
export const S_SLIPPAGE = 6;
export const S_TURNOVER = 7;
export const S_TRADED = 8;
export const S_COST = 9;
export const S_PEAK = 10; // running peak of equity max_{s≤t} E_s (E₀ at t = 0)
export const S_MAX_DRAWDOWN = 11; // max_t (1 − E_t/peak_t)
export const S_UNDER_WATER = 12; // steps with E_t < peak_t
export const S_FUNDING = 13; // Σ funding share of equity
export const S_GP_OBJECTIVE = 14; // Σ GP objective (layout.ts O_GP_OBJECTIVE)
export const SCHEME_ARRAYS = 15;
