import {
  J_STEPS, J_DT, J_REGIMES, J_INIT_REGIME, J_SIGMA, J_TRANSITION, J_JUMP_PROB, J_JUMP_MEAN,
  J_JUMP_SD, J_JUMP_COMP, J_ALPHA_MEAN, J_ALPHA_SD, J_ALPHA_PHI, J_SIGNAL_NOISE, J_GAMMA,
  J_LMAX, J_EWMA_DECAY, J_INIT_VAR, J_TARGET_KIND, J_TARGET_CONST, J_COST_KIND, J_DEPTH,
  J_THINNING, J_RESILIENCE, J_SPREAD, J_SQRT_Y, J_SQRT_VOLUME, J_RUIN_EQUITY, J_E0, J_SEED,
  J_STREAM, MAX_REGIMES, TARGET_SIGNAL, TARGET_SERIES, COST_NONE, COST_TRANSIENT,
  SCHEME_INSTANT, SCHEME_RATE, SCHEME_EMA, SCHEME_VOL, SCHEME_LIQUIDITY, SCHEME_WIDTH,
  O_RUIN_STEP, O_OPPORTUNITY, O_SLIPPAGE, O_TURNOVER, O_TRADED, O_COST, O_EQUITY, OUT_WIDTH,
  TRACE_FIXED,
} from "./layout";
import { seedPathStream, nextUniform } from "../random/path-stream";
import { nextNormal } from "../random/ziggurat";

// Scratch: 3·MAX_REGIMES f64 of per-regime constants, then SCRATCH_WIDTH f64 per scheme:
// equity, position, displacement, alive. (No allocation inside the kernel: JS owns memory.)
const S_E = 0;
const S_P = 1;
const S_D = 2;
const S_ALIVE = 3;
const SCRATCH_WIDTH = 4;

// @ts-ignore: decorator
@inline
function par(job: usize, slot: i32): f64 {
  return load<f64>(job + (<usize>slot << 3));
}

// @ts-ignore: decorator
@inline
function clip(x: f64, lo: f64, hi: f64): f64 {
  return Math.min(Math.max(x, lo), hi);
}

/**
 * Fused Monte Carlo of leverage pacing, RS-1 step by step (reference-scenarios.md, RS-1;
 * schemes domain.md (P1)–(P4)). Simulates paths firstPath … firstPath+nPaths−1: for each
 * path, one pass over t = 1 … T moving market, target, book and every scheme together,
 * so all schemes see the same market path (common random numbers by construction).
 *
 * Memory (all f64, layouts in ./layout.ts): job parameters at `job`; schemes at `schemes`
 * (nSchemes × SCHEME_WIDTH); ziggurat tables at `zig`; target series L*_0..L*_T at `series`
 * (read only when the target kind is TARGET_SERIES); scratch 3·MAX_REGIMES + nSchemes·4 at `scratch`;
 * per-path outputs nPaths × nSchemes × OUT_WIDTH at `out`; when nTrace > 0, the first
 * nTrace paths of the block are traced at `trace` (T × (TRACE_FIXED + 2·nSchemes) each).
 *
 * Never throws: ruin is data (the step it happened at, in the output).
 */
export function simulatePacing(
  job: usize, schemes: usize, nSchemes: i32, zig: usize, series: usize, scratch: usize,
  firstPath: i32, nPaths: i32, out: usize, trace: usize, nTrace: i32,
): void {
  const T = <i32>par(job, J_STEPS);
  const dt = par(job, J_DT);
  const sqrtDt = Math.sqrt(dt);
  const nRegimes = <i32>par(job, J_REGIMES);
  const jumpProb = par(job, J_JUMP_PROB);
  const jumpMean = par(job, J_JUMP_MEAN);
  const jumpSd = par(job, J_JUMP_SD);
  const jumpComp = par(job, J_JUMP_COMP);
  const alphaMean = par(job, J_ALPHA_MEAN);
  const alphaSd = par(job, J_ALPHA_SD);
  const phi = par(job, J_ALPHA_PHI);
  const alphaInnov = alphaSd * Math.sqrt(1.0 - phi * phi);
  const noise = par(job, J_SIGNAL_NOISE);
  const gamma = par(job, J_GAMMA);
  const lmax = par(job, J_LMAX);
  const decay = par(job, J_EWMA_DECAY);
  const targetKind = <i32>par(job, J_TARGET_KIND);
  const targetConst = par(job, J_TARGET_CONST);
  const costKind = <i32>par(job, J_COST_KIND);
  const depthCalm = par(job, J_DEPTH);
  const resilience = par(job, J_RESILIENCE);
  const spreadCalm = par(job, J_SPREAD);
  const sqrtY = par(job, J_SQRT_Y);
  const sqrtVolume = par(job, J_SQRT_VOLUME);
  const ruinEquity = par(job, J_RUIN_EQUITY);
  const e0 = par(job, J_E0);
  const seed = <u32>par(job, J_SEED);
  const stream = <u32>par(job, J_STREAM);
  const traceWidth = TRACE_FIXED + 2 * nSchemes;

  // Per-regime constants (the regime only selects among these inside the loop).
  const sigma0 = par(job, J_SIGMA);
  const thinning = par(job, J_THINNING);
  const regimeSigma = scratch; // σ_s
  const regimeLiquidity = scratch + (MAX_REGIMES << 3); // (σ₀/σ_s)^α: depth relative to calm
  const regimeSpread = scratch + (2 * MAX_REGIMES << 3); // s₀·σ_s/σ₀
  for (let r = 0; r < nRegimes; r++) {
    const s = par(job, J_SIGMA + r);
    store<f64>(regimeSigma + (<usize>r << 3), s);
    store<f64>(regimeLiquidity + (<usize>r << 3), Math.pow(sigma0 / s, thinning));
    store<f64>(regimeSpread + (<usize>r << 3), spreadCalm * s / sigma0);
  }
  scratch += 3 * MAX_REGIMES << 3;

  for (let p = 0; p < nPaths; p++) {
    const path = firstPath + p;
    seedPathStream(seed, stream, <u32>path);
    const outPath = out + ((<usize>(p * nSchemes)) * OUT_WIDTH << 3);
    const tracing = p < nTrace;
    const tracePath = trace + ((<usize>p * <usize>T * <usize>traceWidth) << 3);

    let regime = <i32>par(job, J_INIT_REGIME);
    let f = alphaMean + alphaSd * nextNormal(zig);
    let sig2 = par(job, J_INIT_VAR);
    let lstar: f64;
    const eps0 = nextNormal(zig);
    if (targetKind == TARGET_SIGNAL) lstar = clip((f + noise * eps0) / (gamma * sig2), -lmax, lmax);
    else if (targetKind == TARGET_SERIES) lstar = load<f64>(series);
    else lstar = targetConst;
    let logPrice = 0.0;

    for (let s = 0; s < nSchemes; s++) {
      const st = scratch + ((<usize>s * SCRATCH_WIDTH) << 3);
      store<f64>(st, e0, S_E << 3);
      store<f64>(st, 0.0, S_P << 3);
      store<f64>(st, 0.0, S_D << 3);
      store<f64>(st, 1.0, S_ALIVE << 3);
      const o = outPath + ((<usize>s * OUT_WIDTH) << 3);
      for (let m = 0; m < OUT_WIDTH; m++) store<f64>(o + (<usize>m << 3), 0.0);
    }

    for (let t = 1; t <= T; t++) {
      // 1. regime switch (a uniform is drawn even with one regime: stable stream layout)
      const uRegime = nextUniform();
      if (nRegimes > 1) {
        const row = job + ((<usize>(J_TRANSITION + regime * MAX_REGIMES)) << 3);
        let next = 0;
        let cum = load<f64>(row);
        while (uRegime >= cum && next < nRegimes - 1) {
          next++;
          cum += load<f64>(row + (<usize>next << 3));
        }
        regime = next;
      }
      const sigma = load<f64>(regimeSigma + (<usize>regime << 3));

      // 2.–3. diffusion, compensated jump, log-return
      const z = nextNormal(zig);
      let jump = 0.0;
      if (nextUniform() < jumpProb) jump = jumpMean + jumpSd * nextNormal(zig);
      const x = (f - 0.5 * sigma * sigma - jumpComp) * dt + sigma * sqrtDt * z + jump;
      const ret = Math.expm1(x);
      logPrice += x;

      // 4. mark to market, opportunity term, ruin check
      for (let s = 0; s < nSchemes; s++) {
        const st = scratch + ((<usize>s * SCRATCH_WIDTH) << 3);
        if (load<f64>(st, S_ALIVE << 3) == 0.0) continue;
        const o = outPath + ((<usize>s * OUT_WIDTH) << 3);
        const e = load<f64>(st, S_E << 3);
        const pos = load<f64>(st, S_P << 3);
        store<f64>(o, load<f64>(o, O_OPPORTUNITY << 3) + (lstar - pos / e) * ret, O_OPPORTUNITY << 3);
        const eMinus = e + pos * ret;
        store<f64>(st, pos * (1.0 + ret), S_P << 3);
        store<f64>(st, eMinus, S_E << 3);
        if (eMinus <= ruinEquity) {
          store<f64>(st, 0.0, S_ALIVE << 3);
          store<f64>(o, <f64>t, O_RUIN_STEP << 3);
        }
      }

      // 5.–7. volatility estimate, alpha, signal and target
      sig2 = decay * sig2 + (1.0 - decay) * x * x / dt;
      f = alphaMean + phi * (f - alphaMean) + alphaInnov * nextNormal(zig);
      const eps = nextNormal(zig);
      if (targetKind == TARGET_SIGNAL) lstar = clip((f + noise * eps) / (gamma * sig2), -lmax, lmax);
      else if (targetKind == TARGET_SERIES) lstar = load<f64>(series + (<usize>t << 3));

      // 8. book of this regime
      const liquidity = load<f64>(regimeLiquidity + (<usize>regime << 3));
      const depth = depthCalm * liquidity;
      const spread = load<f64>(regimeSpread + (<usize>regime << 3));
      const sigHat = Math.sqrt(sig2);

      // 9. pace and trade
      for (let s = 0; s < nSchemes; s++) {
        const st = scratch + ((<usize>s * SCRATCH_WIDTH) << 3);
        const d = load<f64>(st, S_D << 3) * resilience;
        store<f64>(st, d, S_D << 3);
        if (load<f64>(st, S_ALIVE << 3) == 0.0) continue;
        const sc = schemes + ((<usize>s * SCHEME_WIDTH) << 3);
        const kind = <i32>load<f64>(sc);
        const p1 = load<f64>(sc, 8);
        const eMinus = load<f64>(st, S_E << 3);
        const pMinus = load<f64>(st, S_P << 3);
        const ell = pMinus / eMinus;
        let lev: f64;
        if (kind == SCHEME_INSTANT) lev = lstar;
        else if (kind == SCHEME_RATE) lev = ell + clip(lstar - ell, -p1, p1);
        else {
          let rate: f64;
          if (kind == SCHEME_EMA) rate = p1;
          else if (kind == SCHEME_VOL) rate = p1 / (1.0 + load<f64>(sc, 16) * sigHat);
          else if (kind == SCHEME_LIQUIDITY) rate = p1 * Math.min(1.0, liquidity);
          else rate = Math.abs(lstar) < Math.abs(ell) ? load<f64>(sc, 16) : p1; // asymmetric
          lev = ell + rate * (lstar - ell);
        }
        const n = lev * eMinus - pMinus;
        const absN = Math.abs(n);
        let cost = 0.0;
        if (costKind == COST_TRANSIENT) {
          cost = absN * spread * 0.5 + n * d + n * n / (2.0 * depth);
          store<f64>(st, d + n / depth, S_D << 3);
        } else if (costKind != COST_NONE) {
          // square-root law: relative impact Y·σ_step·√(|n|/V), volume thinned like depth
          cost = absN * spread * 0.5 + absN * sqrtY * sigma * sqrtDt * Math.sqrt(absN / (sqrtVolume * liquidity));
        }
        store<f64>(st, pMinus + n, S_P << 3);
        store<f64>(st, eMinus - cost, S_E << 3);
        const o = outPath + ((<usize>s * OUT_WIDTH) << 3);
        store<f64>(o, load<f64>(o, O_SLIPPAGE << 3) + cost / eMinus, O_SLIPPAGE << 3);
        store<f64>(o, load<f64>(o, O_TURNOVER << 3) + absN / eMinus, O_TURNOVER << 3);
        store<f64>(o, load<f64>(o, O_TRADED << 3) + absN, O_TRADED << 3);
        store<f64>(o, load<f64>(o, O_COST << 3) + cost, O_COST << 3);
      }

      if (tracing) {
        const row = tracePath + ((<usize>(t - 1) * <usize>traceWidth) << 3);
        store<f64>(row, lstar);
        store<f64>(row, <f64>regime, 8);
        store<f64>(row, sigHat, 16);
        store<f64>(row, logPrice, 24);
        for (let s = 0; s < nSchemes; s++) {
          const st = scratch + ((<usize>s * SCRATCH_WIDTH) << 3);
          const e = load<f64>(st, S_E << 3);
          store<f64>(row + ((<usize>(TRACE_FIXED + 2 * s)) << 3), load<f64>(st, S_P << 3) / e);
          store<f64>(row + ((<usize>(TRACE_FIXED + 2 * s + 1)) << 3), e);
        }
      }
    }

    for (let s = 0; s < nSchemes; s++) {
      const st = scratch + ((<usize>s * SCRATCH_WIDTH) << 3);
      store<f64>(outPath + ((<usize>(s * OUT_WIDTH + O_EQUITY)) << 3), load<f64>(st, S_E << 3));
    }
  }
}
