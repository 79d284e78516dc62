import {
  J_STEPS, J_REGIMES, J_INIT_REGIME, J_SIGMA, J_TRANSITION, J_JUMP_PROB, J_JUMP_MEAN, J_JUMP_SD, J_ALPHA_MEAN,
  J_ALPHA_SD, J_SIGNAL_NOISE, J_GAMMA, J_LMAX, J_INIT_VAR, J_TARGET_KIND, J_TARGET_CONST, J_DEPTH, J_THINNING,
  J_SPREAD, J_E0, J_SEED, J_STREAM, J_MARKET_SOURCE, MARKET_SUPPLIED, MAX_REGIMES, TARGET_SIGNAL, TARGET_SERIES,
  OUT_WIDTH, TRACE_FIXED,
} from "./layout";
import { laneStateBytes, seedLane, laneNormal } from "../random/lane-stream";
import { drawStepLanes, drawJumpLanes } from "./draw-step-lanes";
import { advanceMarketLanes, marketConstants, MARKET_CONSTANTS_BYTES } from "./advance-market-lanes";
import { paceSchemeLanes } from "./pace-scheme-lanes";
import {
  LANES, MARKET_ARRAYS, SCHEME_ARRAYS, S_ALIVE, M_F, M_SIG2, M_LSTAR, M_LOGP, M_REGIME, M_LIQ, M_HALF_SPREAD,
  M_SIGHAT, M_SIGMA, M_JUMP, M_INV_DEPTH, M_U_REGIME, M_HALF_INV_DEPTH,
} from "./lane-block";

// Per-regime constants at the start of scratch, f64[MAX_REGIMES] each: σ_s, (σ₀/σ_s)^α (depth
// relative to calm), half the spread s₀·σ_s/σ₀, 1/K and 1/(2K) with K = κ₀E₀·(σ₀/σ_s)^α.
const R_SIGMA = 0, R_LIQ = 1, R_HALF_SPREAD = 2, R_INV_DEPTH = 3, R_HALF_INV_DEPTH = 4;
const REGIME_CONSTS = 5;

// @ts-ignore: decorator
@inline function regimeConst(scratch: usize, which: i32, regime: i32): usize {
  return scratch + ((<usize>(which * MAX_REGIMES + regime)) << 3);
}
// @ts-ignore: decorator
@inline function par(job: usize, slot: i32): f64 {
  return load<f64>(job + (<usize>slot << 3));
}
// @ts-ignore: decorator
@inline function lane(base: usize, array: i32, l: i32): usize {
  return base + ((<usize>(array * LANES + l)) << 3);
}
// @ts-ignore: decorator
@inline function clip(x: f64, lo: f64, hi: f64): f64 {
  return Math.min(Math.max(x, lo), hi);
}

/** Records lane l's regime and that regime's σ, liquidity, spread and 1/depth. */
// @ts-ignore: decorator
@inline function setRegime(mk: usize, l: i32, regime: i32, scratch: usize): void {
  store<f64>(lane(mk, M_REGIME, l), <f64>regime);
  store<f64>(lane(mk, M_SIGMA, l), load<f64>(regimeConst(scratch, R_SIGMA, regime)));
  store<f64>(lane(mk, M_LIQ, l), load<f64>(regimeConst(scratch, R_LIQ, regime)));
  store<f64>(lane(mk, M_HALF_SPREAD, l), load<f64>(regimeConst(scratch, R_HALF_SPREAD, regime)));
  store<f64>(lane(mk, M_INV_DEPTH, l), load<f64>(regimeConst(scratch, R_INV_DEPTH, regime)));
  store<f64>(lane(mk, M_HALF_INV_DEPTH, l), load<f64>(regimeConst(scratch, R_HALF_INV_DEPTH, regime)));
}

/** Scratch bytes simulatePacing needs for nSchemes schemes. */
export function pacingScratchBytes(nSchemes: i32): usize {
  return ((<usize>(REGIME_CONSTS * MAX_REGIMES + (MARKET_ARRAYS + SCHEME_ARRAYS * nSchemes) * LANES)) << 3)
    + laneStateBytes(LANES) + MARKET_CONSTANTS_BYTES;
}

/**
 * Fused Monte Carlo of leverage pacing, RS-1 step by step (reference-scenarios.md, RS-1;
 * schemes domain.md (P1)–(P4)). Paths firstPath … firstPath+nPaths−1 are simulated LANES
 * at a time, in one pass over t = 1 … T: market, target, book and every scheme move
 * together, so all schemes see the same market path (common random numbers by
 * construction). Each step is a sequence of passes over the lanes (the step's draws, the
 * regime switch and jumps, the market update, then each scheme), so independent paths fill the
 * pipeline.
 *
 * Memory (f64 unless stated; layouts in ./layout.ts): job parameters at `job`; schemes at
 * `schemes` (nSchemes × SCHEME_WIDTH); ziggurat tables at `zig`; target series L*_0..L*_T at
 * `series` (read only for TARGET_SERIES); `scratch` of pacingScratchBytes(nSchemes); outputs
 * nPaths × nSchemes × OUT_WIDTH at `out`; when nTrace > 0 the first nTrace paths are traced
 * at `trace` (T × (TRACE_FIXED + 2·nSchemes) each). With J_MARKET_SOURCE = MARKET_SUPPLIED the
 * log-returns and regimes are read from `suppliedX` and `suppliedRegime` (nPaths × T each,
 * path-major) instead of being drawn; the signal's draws are unchanged.
 *
 * Never throws: ruin is data (the step it happened at, in the output).
 */
export function simulatePacing(
  job: usize, schemes: usize, nSchemes: i32, zig: usize, series: usize, scratch: usize,
  firstPath: i32, nPaths: i32, out: usize, trace: usize, nTrace: i32, suppliedX: usize, suppliedRegime: usize,
): void {
  const T = <i32>par(job, J_STEPS);
  const nRegimes = <i32>par(job, J_REGIMES);
  const jumpProb = par(job, J_JUMP_PROB), jumpMean = par(job, J_JUMP_MEAN), jumpSd = par(job, J_JUMP_SD);
  const alphaMean = par(job, J_ALPHA_MEAN), alphaSd = par(job, J_ALPHA_SD);
  const noise = par(job, J_SIGNAL_NOISE), gamma = par(job, J_GAMMA), lmax = par(job, J_LMAX);
  const targetKind = <i32>par(job, J_TARGET_KIND), targetConst = par(job, J_TARGET_CONST);
  const e0 = par(job, J_E0);
  const seed = <u32>par(job, J_SEED), stream = <u32>par(job, J_STREAM);
  const traceWidth = TRACE_FIXED + 2 * nSchemes;
  const supplied = <i32>par(job, J_MARKET_SOURCE) == MARKET_SUPPLIED;

  const sigma0 = par(job, J_SIGMA), thinning = par(job, J_THINNING);
  for (let r = 0; r < nRegimes; r++) {
    const s = par(job, J_SIGMA + r);
    const liquidity = Math.pow(sigma0 / s, thinning);
    store<f64>(regimeConst(scratch, R_SIGMA, r), s);
    store<f64>(regimeConst(scratch, R_LIQ, r), liquidity);
    const invDepth = 1.0 / (par(job, J_DEPTH) * liquidity);
    store<f64>(regimeConst(scratch, R_INV_DEPTH, r), invDepth);
    store<f64>(regimeConst(scratch, R_HALF_INV_DEPTH, r), 0.5 * invDepth);
    store<f64>(regimeConst(scratch, R_HALF_SPREAD, r), 0.5 * (par(job, J_SPREAD) * s / sigma0));
  }
  const mk = scratch + ((<usize>(REGIME_CONSTS * MAX_REGIMES)) << 3);
  const sch = mk + ((<usize>(MARKET_ARRAYS * LANES)) << 3);
  const rng = sch + ((<usize>(SCHEME_ARRAYS * nSchemes * LANES)) << 3);
  const constants = rng + laneStateBytes(LANES);
  marketConstants(job, constants);

  for (let first = 0; first < nPaths; first += LANES) {
    const count = min(LANES, nPaths - first);
    // Initial state per lane (lanes past `count` simulate spare paths that are never written out).
    for (let l = 0; l < LANES; l++) {
      seedLane(rng, LANES, l, seed, stream, <u32>(firstPath + first + l));
      const f = alphaMean + alphaSd * laneNormal(rng, LANES, l, zig);
      const sig2 = par(job, J_INIT_VAR);
      const eps = laneNormal(rng, LANES, l, zig);
      let lstar = targetConst;
      if (targetKind == TARGET_SIGNAL) lstar = clip((f + noise * eps) / (gamma * sig2), -lmax, lmax);
      else if (targetKind == TARGET_SERIES) lstar = load<f64>(series);
      store<f64>(lane(mk, M_F, l), f);
      store<f64>(lane(mk, M_SIG2, l), sig2);
      store<f64>(lane(mk, M_LSTAR, l), lstar);
      store<f64>(lane(mk, M_LOGP, l), 0.0);
      setRegime(mk, l, <i32>par(job, J_INIT_REGIME), scratch);
    }
    for (let s = 0; s < nSchemes; s++) {
      const base = sch + ((<usize>(s * SCHEME_ARRAYS * LANES)) << 3);
      for (let a = 0; a < SCHEME_ARRAYS; a++) {
        for (let l = 0; l < LANES; l++) store<f64>(lane(base, a, l), a == 0 ? e0 : 0.0); // equity E₀, everything else 0
      }
      for (let l = 0; l < LANES; l++) store<i64>(lane(base, S_ALIVE, l), -1); // alive: all-ones mask
    }

    for (let t = 1; t <= T; t++) {
      // the step's draws: WORDS_PER_STEP words per lane, their fast paths, then the rare tails (layout.ts)
      drawStepLanes(rng, zig, mk);
      if (supplied) {
        // 1.–2. the regime and the log-return of each path come from the supplied buffers
        for (let l = 0; l < LANES; l++) {
          let regime = <i32>par(job, J_INIT_REGIME), x = 0.0; // spare lanes past `count` stay flat
          if (l < count) {
            const at = (<usize>((first + l) * T + t - 1)) << 3;
            regime = <i32>load<f64>(suppliedRegime + at);
            x = load<f64>(suppliedX + at);
          }
          if (<f64>regime != load<f64>(lane(mk, M_REGIME, l))) setRegime(mk, l, regime, scratch);
          store<f64>(lane(mk, M_JUMP, l), x);
        }
      } else {
        // 1. regime switch
        if (nRegimes > 1) {
          for (let l = 0; l < LANES; l++) {
            const u = load<f64>(lane(mk, M_U_REGIME, l));
            const regime = <i32>load<f64>(lane(mk, M_REGIME, l));
            const row = job + ((<usize>(J_TRANSITION + regime * MAX_REGIMES)) << 3);
            let next = 0;
            let cum = load<f64>(row);
            while (u >= cum && next < nRegimes - 1) {
              next++;
              cum += load<f64>(row + (<usize>next << 3));
            }
            if (next != regime) setRegime(mk, l, next, scratch);
          }
        }
        // 2. jumps: the size only when one happens (the last tail of the step)
        drawJumpLanes(rng, zig, mk, jumpProb, jumpMean, jumpSd);
      }
      // 3., 5., 6., 7. returns, volatility estimate, alpha, signal and target
      advanceMarketLanes(mk, constants, supplied, targetKind, series, t);
      // 4., 8., 9. every scheme: mark to market, ruin, pace, trade
      for (let s = 0; s < nSchemes; s++) {
        paceSchemeLanes(job, schemes + ((<usize>(s * 4)) << 3), sch + ((<usize>(s * SCHEME_ARRAYS * LANES)) << 3), mk, <f64>t);
      }
      if (first < nTrace) {
        const traced = min(count, nTrace - first);
        for (let l = 0; l < traced; l++) {
          const row = trace + ((<usize>((first + l) * T + t - 1) * <usize>traceWidth) << 3);
          store<f64>(row, load<f64>(lane(mk, M_LSTAR, l)));
          store<f64>(row, load<f64>(lane(mk, M_REGIME, l)), 8);
          store<f64>(row, load<f64>(lane(mk, M_SIGHAT, l)), 16);
          store<f64>(row, load<f64>(lane(mk, M_LOGP, l)), 24);
          for (let s = 0; s < nSchemes; s++) {
            const base = sch + ((<usize>(s * SCHEME_ARRAYS * LANES)) << 3);
            const e = load<f64>(lane(base, 0, l));
            store<f64>(row + ((<usize>(TRACE_FIXED + 2 * s)) << 3), load<f64>(lane(base, 1, l)) / e);
            store<f64>(row + ((<usize>(TRACE_FIXED + 2 * s + 1)) << 3), e);
          }
        }
      }
    }

    // Outputs, (path, scheme, metric) order: scheme arrays 4..9 are the metrics O_RUIN_STEP..O_COST,
    // then the terminal (or ruin) equity.
    for (let l = 0; l < count; l++) {
      for (let s = 0; s < nSchemes; s++) {
        const base = sch + ((<usize>(s * SCHEME_ARRAYS * LANES)) << 3);
        const o = out + ((<usize>(((first + l) * nSchemes + s) * OUT_WIDTH)) << 3);
        for (let m = 0; m < OUT_WIDTH - 1; m++) store<f64>(o + (<usize>m << 3), load<f64>(lane(base, 4 + m, l)));
        store<f64>(o + (<usize>(OUT_WIDTH - 1) << 3), load<f64>(lane(base, 0, l)));
      }
    }
  }
}
