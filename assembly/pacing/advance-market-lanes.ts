import {
  J_DT, J_JUMP_COMP, J_EWMA_DECAY, J_ALPHA_MEAN, J_ALPHA_SD, J_ALPHA_PHI, J_SIGNAL_NOISE, J_GAMMA, J_LMAX,
  J_TARGET_SIGMA, J_TARGET_CAP, J_TREND_KAPPA, J_SIGMA, J_THINNING, TARGET_SIGNAL, TARGET_SERIES, TARGET_VOL, TARGET_TREND,
} from "./layout";
import {
  ARRAY_BYTES, M_F, M_SIG2, M_LSTAR, M_LSTAR_PREV, M_LOGP, M_RET, M_SIGHAT, M_SIGMA, M_Z, M_JUMP, M_Z_ALPHA, M_Z_SIGNAL,
  M_TREND, M_LIQ_HAT, M_SIGNAL, M_X, M_SIG2_PREV,
} from "./lane-block";
import { expm1Lanes } from "../math/expm1-lanes";
import { logLanes } from "../math/log-lanes";
import { par } from "./job-param";

// The pass's constants, each an f32x4 splat at constants + C_·16 (marketConstants writes them once
// per run, each rounded to f32 from its f64 value). Loading them is one instruction; V8 would otherwise rebuild them in the loop.
const C_HALF = 0, C_DT = 1, C_SQRT_DT = 2, C_JUMP_COMP = 3, C_DECAY = 4, C_VAR_WEIGHT = 5;
const C_ALPHA_MEAN = 6, C_PHI = 7, C_ALPHA_INNOV = 8, C_NOISE = 9, C_GAMMA = 10, C_LMAX = 11, C_NEG_LMAX = 12;
const C_INV_DT = 13, C_KAPPA = 14, C_SIGMA_TARGET = 15, C_CAP = 16, C_SIGMA0_SQ = 17, C_HALF_THINNING = 18, C_ONE = 19;
/** Bytes of the constants block. */
export const MARKET_CONSTANTS_BYTES: usize = 20 << 4;

// @ts-ignore: decorator
@inline function put(constants: usize, c: i32, value: f64): void {
  v128.store(constants + (<usize>c << 4), f32x4.splat(<f32>value));
}

/** Writes the market pass's constants for `job` at `constants` (MARKET_CONSTANTS_BYTES). */
export function marketConstants(job: usize, constants: usize): void {
  const dt = par(job, J_DT), phi = par(job, J_ALPHA_PHI), decay = par(job, J_EWMA_DECAY), lmax = par(job, J_LMAX);
  put(constants, C_HALF, 0.5);
  put(constants, C_DT, dt);
  put(constants, C_SQRT_DT, Math.sqrt(dt));
  put(constants, C_JUMP_COMP, par(job, J_JUMP_COMP));
  put(constants, C_DECAY, decay);
  put(constants, C_VAR_WEIGHT, (1.0 - decay) / dt);
  put(constants, C_ALPHA_MEAN, par(job, J_ALPHA_MEAN));
  put(constants, C_PHI, phi);
  put(constants, C_ALPHA_INNOV, par(job, J_ALPHA_SD) * Math.sqrt(1.0 - phi * phi));
  put(constants, C_NOISE, par(job, J_SIGNAL_NOISE));
  put(constants, C_GAMMA, par(job, J_GAMMA));
  put(constants, C_LMAX, lmax);
  put(constants, C_NEG_LMAX, -lmax);
  put(constants, C_INV_DT, 1.0 / dt);
  put(constants, C_KAPPA, par(job, J_TREND_KAPPA));
  put(constants, C_SIGMA_TARGET, par(job, J_TARGET_SIGMA));
  put(constants, C_CAP, par(job, J_TARGET_CAP));
  put(constants, C_SIGMA0_SQ, par(job, J_SIGMA) * par(job, J_SIGMA));
  put(constants, C_HALF_THINNING, 0.5 * par(job, J_THINNING));
  put(constants, C_ONE, 1.0);
}

/**
 * RS-1 steps 3, 5, 6 and 7 on every lane of a block, four lanes per f32x4 instruction:
 * log-return x = (f − σ²/2 − λ_J·k̄)·dt + σ√dt·z + jump (or the supplied x), simple return
 * R = eˣ − 1, ln S += x, the EWMA variance σ̂² ← λ_v·σ̂² + ((1 − λ_v)/dt)·x² (annual) and σ̂,
 * the alpha AR(1) f ← f̄ + φ(f − f̄) + s_f√(1 − φ²)·ε, and the target
 * L* = clip((f + σ_n·η)/(γσ̂²), ±L_max) (a series or a constant target instead when so
 * configured); L*_{t−1} is kept for the opportunity term. Reads the block's draws and regime
 * arrays (./lane-block.ts); `series` (f64) is read only for TARGET_SERIES.
 *
 * Targets a strategy computes from the path (domain.md (S1), (S2)) use only what is known at
 * step t, after its return x_t and σ̂_t, before the trade: vol-target L* = min(cap, σ_target/σ̂_t);
 * trend m_t = m_{t−1} + κ·(x_t/dt − m_{t−1}) (per year) and L* = clip(m_t/(γσ̂_t²), ±L_max).
 * With `liqEstimate`, the depth a trader can infer from σ̂ relative to calm,
 * min(1, (σ₀/σ̂)^α) = min(1, exp((α/2)·ln(σ₀²/σ̂²))) (the exponential clamped at e^−17), for the
 * liquidity scheme (domain.md (P4)). Never throws.
 */
export function advanceMarketLanes(mk: usize, constants: usize, supplied: bool, targetKind: i32, series: usize, t: i32, liqEstimate: bool): void {
  for (let o: usize = 0; o < <usize>ARRAY_BYTES; o += 16) {
    const m = mk + o;
    const f = v128.load(m, M_F * ARRAY_BYTES);
    let x = v128.load(m, M_JUMP * ARRAY_BYTES); // supplied: the log-return itself
    if (!supplied) {
      const sigma = v128.load(m, M_SIGMA * ARRAY_BYTES);
      const drift = f32x4.sub(f32x4.sub(f, f32x4.mul(f32x4.mul(c(constants, C_HALF), sigma), sigma)), c(constants, C_JUMP_COMP));
      const diffusion = f32x4.mul(f32x4.mul(sigma, c(constants, C_SQRT_DT)), v128.load(m, M_Z * ARRAY_BYTES));
      x = f32x4.add(f32x4.add(f32x4.mul(drift, c(constants, C_DT)), diffusion), x);
    }
    v128.store(m, expm1Lanes(x), M_RET * ARRAY_BYTES);
    v128.store(m, f32x4.add(v128.load(m, M_LOGP * ARRAY_BYTES), x), M_LOGP * ARRAY_BYTES);
    // x_t and σ̂²_{t−1} for the jump guard (pace-scheme-lanes.ts), which scales the step's return by the estimate before it saw it
    const sig2Prev = v128.load(m, M_SIG2 * ARRAY_BYTES);
    v128.store(m, x, M_X * ARRAY_BYTES);
    v128.store(m, sig2Prev, M_SIG2_PREV * ARRAY_BYTES);
    const sig2 = f32x4.add(f32x4.mul(c(constants, C_DECAY), sig2Prev),
      f32x4.mul(f32x4.mul(c(constants, C_VAR_WEIGHT), x), x));
    v128.store(m, sig2, M_SIG2 * ARRAY_BYTES);
    v128.store(m, f32x4.sqrt(sig2), M_SIGHAT * ARRAY_BYTES);
    const alphaMean = c(constants, C_ALPHA_MEAN);
    const fNext = f32x4.add(f32x4.add(alphaMean, f32x4.mul(c(constants, C_PHI), f32x4.sub(f, alphaMean))),
      f32x4.mul(c(constants, C_ALPHA_INNOV), v128.load(m, M_Z_ALPHA * ARRAY_BYTES)));
    v128.store(m, fNext, M_F * ARRAY_BYTES);
    const prev = v128.load(m, M_LSTAR * ARRAY_BYTES);
    v128.store(m, prev, M_LSTAR_PREV * ARRAY_BYTES);
    let lstar = prev;
    if (targetKind == TARGET_SIGNAL) {
      const g = f32x4.add(fNext, f32x4.mul(c(constants, C_NOISE), v128.load(m, M_Z_SIGNAL * ARRAY_BYTES)));
      v128.store(m, g, M_SIGNAL * ARRAY_BYTES); // the gp scheme's aim is affine in g
      const raw = f32x4.div(g, f32x4.mul(c(constants, C_GAMMA), sig2));
      lstar = f32x4.pmin(f32x4.pmax(raw, c(constants, C_NEG_LMAX)), c(constants, C_LMAX));
    } else if (targetKind == TARGET_VOL) {
      lstar = f32x4.pmin(f32x4.div(c(constants, C_SIGMA_TARGET), f32x4.sqrt(sig2)), c(constants, C_CAP));
    } else if (targetKind == TARGET_TREND) {
      const trendPrev = v128.load(m, M_TREND * ARRAY_BYTES);
      const trend = f32x4.add(trendPrev, f32x4.mul(c(constants, C_KAPPA), f32x4.sub(f32x4.mul(x, c(constants, C_INV_DT)), trendPrev)));
      v128.store(m, trend, M_TREND * ARRAY_BYTES);
      const raw = f32x4.div(trend, f32x4.mul(c(constants, C_GAMMA), sig2));
      lstar = f32x4.pmin(f32x4.pmax(raw, c(constants, C_NEG_LMAX)), c(constants, C_LMAX));
    } else if (targetKind == TARGET_SERIES) lstar = f32x4.splat(<f32>load<f64>(series + (<usize>t << 3)));
    v128.store(m, lstar, M_LSTAR * ARRAY_BYTES);
    if (liqEstimate) {
      const y = f32x4.mul(c(constants, C_HALF_THINNING), logLanes(f32x4.div(c(constants, C_SIGMA0_SQ), sig2)));
      v128.store(m, f32x4.pmin(f32x4.add(expm1Lanes(y), c(constants, C_ONE)), c(constants, C_ONE)), M_LIQ_HAT * ARRAY_BYTES);
    }
  }
}

// @ts-ignore: decorator
@inline function c(constants: usize, which: i32): v128 {
  return v128.load(constants + (<usize>which << 4));
}
