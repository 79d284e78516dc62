/**
 * Memory layout of a pacing job, shared verbatim by the WASM kernel
 * (assembly/pacing/simulate-pacing.ts), its TypeScript twin and the encoder
 * (src/scenario/encode-job.ts). Plain integer constants so both compilers read it.
 *
 * Job parameters: Float64Array of JOB_LENGTH slots.
 * | slot              | meaning                                                  | unit            |
 * |-------------------|----------------------------------------------------------|-----------------|
 * | J_STEPS           | horizon T                                                | steps           |
 * | J_DT              | step length                                              | years           |
 * | J_REGIMES         | number of volatility regimes (1..MAX_REGIMES)            | —               |
 * | J_INIT_REGIME     | regime at t = 0                                          | index           |
 * | J_SIGMA + r       | volatility of regime r                                   | per √year       |
 * | J_TRANSITION + 4r+q | P(regime q at t | regime r at t−1), row r sums to 1     | per step        |
 * | J_JUMP_PROB       | probability of a jump in one step (λ_J·dt)               | per step        |
 * | J_JUMP_MEAN/SD    | jump log-return mean and sd                              | log             |
 * | J_JUMP_COMP       | compensator λ_J·k̄                                       | per year        |
 * | J_ALPHA_MEAN/SD   | alpha f: long-run mean and stationary sd                 | per year        |
 * | J_ALPHA_PHI       | AR(1) coefficient φ = exp(−1/τ)                          | —               |
 * | J_SIGNAL_NOISE    | signal noise sd σ_n                                      | per year        |
 * | J_GAMMA, J_LMAX   | risk aversion; leverage cap (both signs)                 | —               |
 * | J_EWMA_DECAY      | λ_v of the variance estimate                             | —               |
 * | J_INIT_VAR        | σ̂² at t = 0                                             | per year        |
 * | J_TARGET_KIND     | TARGET_SIGNAL / _CONSTANT / _SERIES / _VOL / _TREND      | —               |
 * | J_TARGET_CONST    | the constant target leverage                             | —               |
 * | J_COST_KIND       | COST_NONE / COST_TRANSIENT / COST_SQRT                   | —               |
 * | J_DEPTH           | calm-regime depth κ₀·E₀                                  | equity units    |
 * | J_THINNING        | depth thinning exponent α                                | —               |
 * | J_RESILIENCE      | per-step decay ψ of the displacement                     | —               |
 * | J_SPREAD          | calm-regime full spread s₀                               | relative        |
 * | J_SQRT_Y          | square-root law prefactor Y                              | —               |
 * | J_SQRT_VOLUME     | calm-regime traded value per step V                      | equity units    |
 * | J_RUIN_EQUITY     | ruin barrier θ·E₀                                        | equity units    |
 * | J_E0              | initial equity                                           | equity units    |
 * | J_SEED, J_STREAM  | random seed and stream id (integers < 2³²)               | —               |
 * | J_MARKET_SOURCE   | MARKET_GENERATED, or MARKET_SUPPLIED: per path and step, | —               |
 * |                   | the log-return x and the regime come from two buffers    |                 |
 * |                   | nPaths × T (path-major) instead of the kernel's draws    |                 |
 * | J_TARGET_SIGMA    | vol-target σ_target (domain.md S1)                       | per √year       |
 * | J_TARGET_CAP      | vol-target cap on L*                                     | —               |
 * | J_TREND_KAPPA     | trend κ = 1 − exp(−1/τ) (domain.md S2; γ, L_max above)   | per step        |
 * | J_FUNDING_RATE    | funding rate on the borrowed notional max(0, |P| − E)    | per year        |
 * | J_LIQ_ESTIMATE    | 1 when a liquidity scheme observes the estimated depth   | —               |
 * | J_PATH_RISK       | 1: accumulate drawdown and time under water (0: skip)    | —               |
 * | J_OBJ_HALF_RISK + r | GP objective (domain.md O1): γσ_r²dt/(2E₀) in regime r  | per equity unit |
 * | J_OBJ_HALF_COST + r | GP objective: Λ_r/(2E₀), Λ_r the quadratic cost coefficient | per equity unit |
 * (slots 56–63 are left free for other job fields; the objective's start at 64)
 *
 * Schemes: SCHEME_WIDTH f64 per scheme: [kind, p1, p2, guard, rate × 4, aim scale × 4, aim offset × 4].
 *   instant: —; rate: p1 = η; ema: p1 = λ; vol: p1 = c, p2 = β;
 *   liquidity: p1 = λ_max, p2 = LIQUIDITY_OBSERVES_*; asymmetric: p1 = λ_up, p2 = λ_down;
 *   gp and ac: the fraction of the gap traded per step in regime r at SP_RATE + r (the hidden
 *   regime's, like liquidity observing "regime"); gp's aim leverage in regime r is
 *   SP_AIM_OFFSET + r + (SP_AIM_SCALE + r)·g_t, g_t the signal (domain.md (O1), (O2)).
 *   guard (SP_GUARD): 0, or the jump-guard threshold θ > 0 layered on the kind: a step with
 *   x_t² > θ²·σ̂²_{t−1}·dt de-risks to sign(ℓ)·min(|ℓ|, |L*|) instead.
 *
 * Output: OUT_WIDTH f64 per (path, scheme), at ((path·nSchemes) + scheme)·OUT_WIDTH.
 * Trace: per traced path and step t = 1..T, TRACE_FIXED + 2·nSchemes f32 (single precision: the
 * kernel's values themselves, half the memory of f64; the runner traces 64 paths per call into
 * the same memory, pacing-block.ts):
 *   [L*_t, regime, σ̂_t (annual), ln S_t, then L_t and E_t of each scheme].
 */

export const MAX_REGIMES = 4;

export const J_STEPS = 0;
export const J_DT = 1;
export const J_REGIMES = 2;
export const J_INIT_REGIME = 3;
export const J_SIGMA = 4; // 4 slots
export const J_TRANSITION = 8; // 16 slots, row-major 4×4
export const J_JUMP_PROB = 24;
export const J_JUMP_MEAN = 25;
export const J_JUMP_SD = 26;
export const J_JUMP_COMP = 27;
export const J_ALPHA_MEAN = 28;
export const J_ALPHA_SD = 29;
export const J_ALPHA_PHI = 30;
export const J_SIGNAL_NOISE = 31;
export const J_GAMMA = 32;
export const J_LMAX = 33;
export const J_EWMA_DECAY = 34;
export const J_INIT_VAR = 35;
export const J_TARGET_KIND = 36;
export const J_TARGET_CONST = 37;
export const J_COST_KIND = 38;
export const J_DEPTH = 39;
export const J_THINNING = 40;
export const J_RESILIENCE = 41;
export const J_SPREAD = 42;
export const J_SQRT_Y = 43;
export const J_SQRT_VOLUME = 44;
export const J_RUIN_EQUITY = 45;
export const J_E0 = 46;
export const J_SEED = 47;
export const J_STREAM = 48;
export const J_MARKET_SOURCE = 49;
export const J_TARGET_SIGMA = 50;
export const J_TARGET_CAP = 51;
export const J_TREND_KAPPA = 52;
export const J_FUNDING_RATE = 53;
export const J_LIQ_ESTIMATE = 54;
export const J_PATH_RISK = 55;
// Student-t innovations (generated market only; src/scenario/scenario-schema.ts market.innovations):
// J_INNOVATIONS = INNOVATIONS_NORMAL (0, the default) or INNOVATIONS_STUDENT; J_NU + r = ν of regime r (> 2).
export const J_INNOVATIONS = 56;
export const J_NU = 57; // MAX_REGIMES slots
export const INNOVATIONS_NORMAL = 0;
export const INNOVATIONS_STUDENT = 1;
export const J_OBJ_HALF_RISK = 64; // 4 slots
export const J_OBJ_HALF_COST = 68; // 4 slots
export const JOB_LENGTH = 72;

export const MARKET_GENERATED = 0; // regimes, diffusion and jumps drawn by the kernel
export const MARKET_SUPPLIED = 1; // log-returns and regimes read from buffers (correlated legs, bootstrap)

export const TARGET_SIGNAL = 0;
export const TARGET_CONSTANT = 1;
export const TARGET_SERIES = 2;
export const TARGET_VOL = 3; // L* = min(cap, σ_target/σ̂_t), domain.md (S1)
export const TARGET_TREND = 4; // L* = clip(m_t/(γσ̂_t²), ±L_max), domain.md (S2)

export const COST_NONE = 0;
export const COST_TRANSIENT = 1;
export const COST_SQRT = 2;

export const SCHEME_INSTANT = 0;
export const SCHEME_RATE = 1;
export const SCHEME_EMA = 2;
export const SCHEME_VOL = 3;
export const SCHEME_LIQUIDITY = 4;
export const SCHEME_ASYMMETRIC = 5;
export const SCHEME_GP = 6; // Gârleanu–Pedersen, domain.md (O1)
export const SCHEME_AC = 7; // Almgren–Chriss, domain.md (O2)
export const SP_GUARD = 3; // jump-guard threshold θ (0: no guard)
export const SP_RATE = 4; // 4 slots, per regime
export const SP_AIM_SCALE = 8; // 4 slots, per regime: aim_scale_r/(γσ_r²)
export const SP_AIM_OFFSET = 12; // 4 slots, per regime: m·(1 − aim_scale_r)/(γσ_r²)
export const SCHEME_WIDTH = 16;
/** The liquidity scheme's depth: estimated from σ̂ (what a trader sees, the default) or the hidden regime's. */
export const LIQUIDITY_OBSERVES_ESTIMATE = 0;
export const LIQUIDITY_OBSERVES_REGIME = 1;

export const O_RUIN_STEP = 0; // 0 = survived, else the step t of ruin
export const O_OPPORTUNITY = 1; // Σ (L*_{t−1} − P/E)·R
export const O_SLIPPAGE = 2; // Σ c/E⁻
export const O_TURNOVER = 3; // Σ |n|/E⁻
export const O_TRADED = 4; // Σ |n| (equity units)
export const O_COST = 5; // Σ c (equity units)
export const O_EQUITY = 6; // terminal equity, or equity at ruin
export const O_MAX_DRAWDOWN = 7; // max_t (1 − E_t / max_{s≤t} E_s), E₀ the first peak (0 when J_PATH_RISK = 0)
export const O_UNDER_WATER = 8; // steps t with E_t below its running peak (0 when J_PATH_RISK = 0)
export const O_FUNDING = 9; // Σ r_f·dt·max(0, |P/E| − 1): funding as a share of equity
export const O_GP_OBJECTIVE = 10; // Σ_t P_{t−1}·R_t − (γσ²dt/(2E₀))·P_t² − (Λ/(2E₀))·n_t² (equity units; domain.md O1)
export const OUT_WIDTH = 11;

export const TRACE_FIXED = 4;

/**
 * The stream of one path. At t = 0: the initial alpha and signal normals, then (generated
 * market only) the steps to the first regime switch and to the first jump (geometric gaps, one
 * 53-bit uniform each, none when the event cannot happen).
 * Each step: WORDS_PER_STEP 32-bit words, in this order, each turned into one normal by the
 * one-word ziggurat of assembly/random/lane-stream.ts. Then, in this order and only when
 * needed: the slow path of a rejected diffusion, alpha and signal normal (in that order); when
 * the regime switches at this step, the next regime (a uniform, only with more than two
 * regimes) and the steps to the following switch; when a jump happens at this step, its size
 * (a normal) and the steps to the next jump. Regime switches and jumps are events counted
 * down per path, so a step without one costs no draw (a geometric gap has exactly the law of
 * the number of per-step Bernoulli trials up to the next success). Kernel and twin consume the
 * stream identically.
 */
export const W_DIFFUSION = 0; // normal: diffusion shock z
export const W_ALPHA = 1; // normal: alpha innovation
export const W_SIGNAL = 2; // normal: signal noise
export const WORDS_PER_STEP = 3;
/**
 * With Student-t innovations (J_INNOVATIONS), STUDENT_WORDS more words each step, right after the
 * WORDS_PER_STEP: a second normal Z₂ and a 24-bit uniform W (assembly/pacing/student-lanes.ts). The
 * slow path of a rejected Z₂ comes after the signal's. Normal innovations draw neither, so their
 * stream is unchanged.
 */
export const W_T_NORMAL = 0; // normal Z₂ (counted from the first extra word)
export const W_T_UNIFORM = 1; // uniform W of Bailey's radius
export const STUDENT_WORDS = 2;
/** Gap of an event that never happens (probability 0): never counted down to 0 within any horizon (≤ 100,000 steps). */
export const NEVER_STEPS = 0x7fffffff;
