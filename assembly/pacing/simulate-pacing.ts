import {
  J_STEPS, J_REGIMES, J_INIT_REGIME, J_JUMP_PROB, J_JUMP_MEAN, J_JUMP_SD, J_ALPHA_MEAN, J_ALPHA_SD, J_SIGNAL_NOISE,
  J_GAMMA, J_LMAX, J_INIT_VAR, J_TARGET_KIND, J_TARGET_CONST, J_E0, J_SEED, J_STREAM, J_MARKET_SOURCE,
  J_TARGET_SIGMA, J_TARGET_CAP, J_LIQ_ESTIMATE, MARKET_SUPPLIED, J_INNOVATIONS, INNOVATIONS_STUDENT, TARGET_SIGNAL, TARGET_SERIES, TARGET_VOL, TARGET_TREND,
  OUT_WIDTH, O_EQUITY, O_MAX_DRAWDOWN, O_UNDER_WATER, O_FUNDING, O_GP_OBJECTIVE, TRACE_FIXED, SCHEME_WIDTH,
} from "./layout";
import { laneStateBytes, seedLane, laneNormal } from "../random/lane-stream";
import { drawStepLanes } from "./draw-step-lanes";
import { studentInnovationLanes } from "./student-lanes";
import { advanceEventLanes, startEventLane, jumpLogMiss } from "./event-lanes";
import { singleZigguratTable, SINGLE_ZIGGURAT_BYTES } from "../random/lane-fill";
import { advanceMarketLanes, marketConstants, MARKET_CONSTANTS_BYTES } from "./advance-market-lanes";
import { paceSchemeLanes, schemeConstants, SCHEME_SPLATS_BYTES } from "./pace-scheme-lanes";
import { regimeTable, setRegime, REGIME_TABLE_BYTES } from "./regime-lanes";
import {
  LANES, MARKET_ARRAYS, SCHEME_ARRAYS, S_E, S_ALIVE, S_PEAK, S_MAX_DRAWDOWN, S_UNDER_WATER, S_FUNDING, S_GP_OBJECTIVE,
  M_F, M_SIG2, M_LSTAR, M_LOGP, M_REGIME, M_SIGHAT, M_JUMP, M_TREND,
} from "./lane-block";
import { par } from "./job-param";

// @ts-ignore: decorator
@inline function lane(base: usize, array: i32, l: i32): usize {
  return base + ((<usize>(array * LANES + l)) << 2);
}
// @ts-ignore: decorator
@inline function clip(x: f64, lo: f64, hi: f64): f64 {
  return Math.min(Math.max(x, lo), hi);
}

/** Scratch bytes simulatePacing needs for nSchemes schemes. */
export function pacingScratchBytes(nSchemes: i32): usize {
  return REGIME_TABLE_BYTES + ((<usize>((MARKET_ARRAYS + SCHEME_ARRAYS * nSchemes) * LANES)) << 2)
    + laneStateBytes(LANES) + MARKET_CONSTANTS_BYTES + SINGLE_ZIGGURAT_BYTES + SCHEME_SPLATS_BYTES;
}

/**
 * Fused Monte Carlo of leverage pacing, RS-1 step by step (reference-scenarios.md, RS-1;
 * schemes domain.md (P1)–(P4)). Paths firstPath … firstPath+nPaths−1 are simulated LANES
 * at a time, in one pass over t = 1 … T: market, target, book and every scheme move
 * together, so all schemes see the same market path (common random numbers by
 * construction). Each step is a sequence of passes over the lanes (the step's normals, the
 * regime switches and jumps as counted-down events, the market update, then each scheme), so
 * independent paths fill the pipeline.
 *
 * Precision: the per-lane state and every step compute in single precision (f32, four paths per
 * f32x4 instruction); job parameters, seeding, the initial state and the rare draws (ziggurat
 * slow paths, regime and jump gaps, jump sizes) are computed in f64 and rounded to f32 once. Outputs are
 * written as f64 (the f32 values, exactly), traces as the f32 values themselves.
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
  const logNoJump = jumpLogMiss(par(job, J_JUMP_PROB)), jumpMean = par(job, J_JUMP_MEAN), jumpSd = par(job, J_JUMP_SD);
  const alphaMean = par(job, J_ALPHA_MEAN), alphaSd = par(job, J_ALPHA_SD);
  const noise = par(job, J_SIGNAL_NOISE), gamma = par(job, J_GAMMA), lmax = par(job, J_LMAX);
  const targetKind = <i32>par(job, J_TARGET_KIND), targetConst = par(job, J_TARGET_CONST);
  const e0 = par(job, J_E0);
  const seed = <u32>par(job, J_SEED), stream = <u32>par(job, J_STREAM);
  const traceWidth = TRACE_FIXED + 2 * nSchemes;
  const supplied = <i32>par(job, J_MARKET_SOURCE) == MARKET_SUPPLIED;
  const liqEstimate = par(job, J_LIQ_ESTIMATE) != 0;
  const student = !supplied && <i32>par(job, J_INNOVATIONS) == INNOVATIONS_STUDENT;

  const table = scratch;
  regimeTable(job, nRegimes, table);
  const mk = scratch + REGIME_TABLE_BYTES;
  const sch = mk + ((<usize>(MARKET_ARRAYS * LANES)) << 2);
  const rng = sch + ((<usize>(SCHEME_ARRAYS * nSchemes * LANES)) << 2);
  const constants = rng + laneStateBytes(LANES);
  marketConstants(job, constants);
  const zig32 = constants + MARKET_CONSTANTS_BYTES;
  singleZigguratTable(zig, zig32);
  const splats = zig32 + SINGLE_ZIGGURAT_BYTES;
  schemeConstants(job, splats);

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
      else if (targetKind == TARGET_VOL) lstar = Math.min(par(job, J_TARGET_SIGMA) / Math.sqrt(sig2), par(job, J_TARGET_CAP));
      else if (targetKind == TARGET_TREND) lstar = 0.0; // m₀ = 0
      store<f32>(lane(mk, M_F, l), <f32>f);
      store<f32>(lane(mk, M_SIG2, l), <f32>sig2);
      store<f32>(lane(mk, M_LSTAR, l), <f32>lstar);
      store<f32>(lane(mk, M_LOGP, l), 0.0);
      store<f32>(lane(mk, M_TREND, l), 0.0);
      setRegime(mk, l, <i32>par(job, J_INIT_REGIME), table);
      if (!supplied) startEventLane(job, nRegimes, <i32>par(job, J_INIT_REGIME), logNoJump, rng, mk, l);
    }
    for (let s = 0; s < nSchemes; s++) {
      const base = sch + ((<usize>(s * SCHEME_ARRAYS * LANES)) << 2);
      for (let a = 0; a < SCHEME_ARRAYS; a++) {
        for (let l = 0; l < LANES; l++) store<f32>(lane(base, a, l), a == S_E || a == S_PEAK ? <f32>e0 : 0.0); // equity and its peak E₀, everything else 0
      }
      for (let l = 0; l < LANES; l++) store<i32>(lane(base, S_ALIVE, l), -1); // alive: all-ones mask
    }

    for (let t = 1; t <= T; t++) {
      // the step's normals: WORDS_PER_STEP words per lane, their fast paths, then the rare tails (layout.ts)
      drawStepLanes(rng, zig, zig32, mk, student);
      if (supplied) {
        // 1.–2. the regime and the log-return of each path come from the supplied buffers
        for (let l = 0; l < LANES; l++) {
          let regime = <i32>par(job, J_INIT_REGIME), x = 0.0; // spare lanes past `count` stay flat
          if (l < count) {
            const at = (<usize>((first + l) * T + t - 1)) << 3;
            regime = <i32>load<f64>(suppliedRegime + at);
            x = load<f64>(suppliedX + at);
          }
          if (<f32>regime != load<f32>(lane(mk, M_REGIME, l))) setRegime(mk, l, regime, table);
          store<f32>(lane(mk, M_JUMP, l), <f32>x);
        }
      } else {
        // 1.–2. regime switches and jumps, as events counted down per lane (draws only when one happens)
        advanceEventLanes(job, nRegimes, logNoJump, jumpMean, jumpSd, rng, zig, table, mk);
        if (student) studentInnovationLanes(mk); // the diffusion draw becomes t with the step's regime's ν
      }
      // 3., 5., 6., 7. returns, volatility estimate, alpha, signal and target
      advanceMarketLanes(mk, constants, supplied, targetKind, series, t, liqEstimate);
      // 4., 8., 9. every scheme: mark to market, ruin, pace, trade
      for (let s = 0; s < nSchemes; s++) {
        paceSchemeLanes(job, schemes + ((<usize>(s * SCHEME_WIDTH)) << 3), sch + ((<usize>(s * SCHEME_ARRAYS * LANES)) << 2), mk, <f64>t, splats);
      }
      if (first < nTrace) {
        const traced = min(count, nTrace - first);
        for (let l = 0; l < traced; l++) {
          const row = trace + ((<usize>((first + l) * T + t - 1) * <usize>traceWidth) << 2);
          store<f32>(row, load<f32>(lane(mk, M_LSTAR, l)));
          store<f32>(row, load<f32>(lane(mk, M_REGIME, l)), 4);
          store<f32>(row, load<f32>(lane(mk, M_SIGHAT, l)), 8);
          store<f32>(row, load<f32>(lane(mk, M_LOGP, l)), 12);
          for (let s = 0; s < nSchemes; s++) {
            const base = sch + ((<usize>(s * SCHEME_ARRAYS * LANES)) << 2);
            const e = load<f32>(lane(base, 0, l));
            store<f32>(row + ((<usize>(TRACE_FIXED + 2 * s)) << 2), load<f32>(lane(base, 1, l)) / e);
            store<f32>(row + ((<usize>(TRACE_FIXED + 2 * s + 1)) << 2), e);
          }
        }
      }
    }

    // Outputs, (path, scheme, metric) order: scheme arrays 4..9 are the metrics O_RUIN_STEP..O_COST,
    // then the terminal (or ruin) equity, the maximum drawdown, the steps under water, the funding and GP's objective.
    for (let l = 0; l < count; l++) {
      for (let s = 0; s < nSchemes; s++) {
        const base = sch + ((<usize>(s * SCHEME_ARRAYS * LANES)) << 2);
        const o = out + ((<usize>(((first + l) * nSchemes + s) * OUT_WIDTH)) << 3);
        for (let m = 0; m < O_EQUITY; m++) store<f64>(o + (<usize>m << 3), <f64>load<f32>(lane(base, 4 + m, l)));
        store<f64>(o + (<usize>O_EQUITY << 3), <f64>load<f32>(lane(base, S_E, l)));
        store<f64>(o + (<usize>O_MAX_DRAWDOWN << 3), <f64>load<f32>(lane(base, S_MAX_DRAWDOWN, l)));
        store<f64>(o + (<usize>O_UNDER_WATER << 3), <f64>load<f32>(lane(base, S_UNDER_WATER, l)));
        store<f64>(o + (<usize>O_FUNDING << 3), <f64>load<f32>(lane(base, S_FUNDING, l)));
        store<f64>(o + (<usize>O_GP_OBJECTIVE << 3), <f64>load<f32>(lane(base, S_GP_OBJECTIVE, l)));
      }
    }
  }
}
