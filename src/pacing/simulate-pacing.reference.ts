/**
 * Plain-TypeScript twin of the fused pacing kernel (assembly/pacing/simulate-pacing.ts):
 * the same RS-1 step (reference-scenarios.md, RS-1; domain.md (P1)–(P4)), the same stream
 * of draws per path, the same layouts (assembly/pacing/layout.ts). Test oracle for the
 * kernel (agreement ~1e-12 relative) and the benchmark baseline.
 *
 * @param job      JOB_LENGTH parameters
 * @param schemes  nSchemes × SCHEME_WIDTH
 * @param zig      zigguratTables()
 * @param series   L*_0 … L*_T when the target is a series, else an empty array
 * @param out      nPaths × nSchemes × OUT_WIDTH, overwritten
 * @param trace    nTrace × T × (TRACE_FIXED + 2·nSchemes), written when nTrace > 0
 * @param suppliedX, suppliedRegime  nPaths × T log-returns and regimes (MARKET_SUPPLIED only)
 */
import * as layout from "../../assembly/pacing/layout.ts";
import { PathStream, uniformFromWord } from "../random/path-stream.ts";
import { normalDraw, normalFromWord, normalAfterRejection } from "../random/normal-draw.ts";
import { expm1Poly } from "../math/expm1-poly.ts";

// Copied once into module constants: property reads through the module namespace are slow in the hot loop.
const {
  COST_NONE, COST_TRANSIENT, J_ALPHA_MEAN, J_ALPHA_PHI, J_ALPHA_SD, J_COST_KIND, J_DEPTH, J_DT, J_E0, J_EWMA_DECAY, J_GAMMA, J_INIT_REGIME, J_INIT_VAR, J_JUMP_COMP, J_JUMP_MEAN, J_JUMP_PROB, J_JUMP_SD, J_LMAX, J_MARKET_SOURCE, J_REGIMES, J_RESILIENCE, J_RUIN_EQUITY, J_SEED, J_SIGMA, J_SIGNAL_NOISE, J_SPREAD, J_SQRT_VOLUME, J_SQRT_Y, J_STEPS, J_STREAM, J_TARGET_CONST, J_TARGET_KIND, J_THINNING, J_TRANSITION, MARKET_SUPPLIED, MAX_REGIMES, OUT_WIDTH, O_COST, O_EQUITY, O_OPPORTUNITY, O_RUIN_STEP, O_SLIPPAGE, O_TRADED, O_TURNOVER, SCHEME_EMA, SCHEME_INSTANT, SCHEME_LIQUIDITY, SCHEME_RATE, SCHEME_VOL, SCHEME_WIDTH, TARGET_SERIES, TARGET_SIGNAL, TRACE_FIXED, W_ALPHA, W_DIFFUSION, W_JUMP, W_REGIME, W_SIGNAL, WORDS_PER_STEP,
} = layout;

export function simulatePacingReference(
  job: Float64Array, schemes: Float64Array, nSchemes: number, zig: Float64Array, series: Float64Array,
  firstPath: number, nPaths: number, out: Float64Array, trace: Float64Array, nTrace: number,
  suppliedX: Float64Array, suppliedRegime: Float64Array,
): void {
  const supplied = job[J_MARKET_SOURCE] === MARKET_SUPPLIED;
  const T = job[J_STEPS], dt = job[J_DT], sqrtDt = Math.sqrt(dt);
  const nRegimes = job[J_REGIMES];
  const phi = job[J_ALPHA_PHI], alphaMean = job[J_ALPHA_MEAN], alphaSd = job[J_ALPHA_SD];
  const alphaInnov = alphaSd * Math.sqrt(1 - phi * phi);
  const noise = job[J_SIGNAL_NOISE], gamma = job[J_GAMMA], lmax = job[J_LMAX];
  const decay = job[J_EWMA_DECAY], targetKind = job[J_TARGET_KIND], costKind = job[J_COST_KIND];
  const resilience = job[J_RESILIENCE], ruinEquity = job[J_RUIN_EQUITY], e0 = job[J_E0];
  const sigma0 = job[J_SIGMA], thinning = job[J_THINNING];
  const varWeight = (1 - decay) / dt; // EWMA weight of x² per year
  const traceWidth = TRACE_FIXED + 2 * nSchemes;
  const regimeSigma: number[] = [], regimeLiquidity: number[] = [], regimeSpread: number[] = [], regimeInvDepth: number[] = [];
  for (let r = 0; r < nRegimes; r++) {
    const s = job[J_SIGMA + r];
    regimeSigma.push(s);
    const liquidity = Math.pow(sigma0 / s, thinning);
    regimeLiquidity.push(liquidity);
    regimeInvDepth.push(1 / (job[J_DEPTH] * liquidity));
    regimeSpread.push((job[J_SPREAD] * s) / sigma0);
  }
  const target = (f: number, eps: number, sig2: number, t: number): number =>
    targetKind === TARGET_SIGNAL ? clip((f + noise * eps) / (gamma * sig2), -lmax, lmax)
      : targetKind === TARGET_SERIES ? series[t] : job[J_TARGET_CONST];

  const rng = new PathStream();
  const words = new Uint32Array(WORDS_PER_STEP);
  const E = new Float64Array(nSchemes), P = new Float64Array(nSchemes), D = new Float64Array(nSchemes);
  const alive = new Uint8Array(nSchemes);

  for (let p = 0; p < nPaths; p++) {
    rng.seed(job[J_SEED], job[J_STREAM], firstPath + p);
    const base = p * nSchemes * OUT_WIDTH;
    out.fill(0, base, base + nSchemes * OUT_WIDTH);
    E.fill(e0); P.fill(0); D.fill(0); alive.fill(1);
    let regime = job[J_INIT_REGIME];
    let f = alphaMean + alphaSd * normalDraw(rng, zig);
    let sig2 = job[J_INIT_VAR];
    let lstar = target(f, normalDraw(rng, zig), sig2, 0);
    let logPrice = 0;

    for (let t = 1; t <= T; t++) {
      // the step's draws (layout.ts): WORDS_PER_STEP words, their fast paths, then the rare tails
      for (let k = 0; k < WORDS_PER_STEP; k++) words[k] = rng.nextU32();
      let z = normalFromWord(words[W_DIFFUSION], zig);
      let zAlpha = normalFromWord(words[W_ALPHA], zig);
      let zSignal = normalFromWord(words[W_SIGNAL], zig);
      if (Number.isNaN(z)) z = normalAfterRejection(rng, words[W_DIFFUSION], zig);
      if (Number.isNaN(zAlpha)) zAlpha = normalAfterRejection(rng, words[W_ALPHA], zig);
      if (Number.isNaN(zSignal)) zSignal = normalAfterRejection(rng, words[W_SIGNAL], zig);
      let x: number;
      if (supplied) {
        regime = suppliedRegime[p * T + t - 1];
        x = suppliedX[p * T + t - 1];
      } else {
        const uRegime = uniformFromWord(words[W_REGIME]);
        if (nRegimes > 1) {
          const row = J_TRANSITION + regime * MAX_REGIMES;
          let next = 0, cum = job[row];
          while (uRegime >= cum && next < nRegimes - 1) cum += job[row + ++next];
          regime = next;
        }
        const sig = regimeSigma[regime];
        let jump = 0;
        if (uniformFromWord(words[W_JUMP]) < job[J_JUMP_PROB]) jump = job[J_JUMP_MEAN] + job[J_JUMP_SD] * normalDraw(rng, zig);
        x = (f - 0.5 * sig * sig - job[J_JUMP_COMP]) * dt + sig * sqrtDt * z + jump;
      }
      const sigma = regimeSigma[regime];
      const ret = expm1Poly(x);
      logPrice += x;

      for (let s = 0; s < nSchemes; s++) {
        if (!alive[s]) continue;
        const o = base + s * OUT_WIDTH;
        out[o + O_OPPORTUNITY] += (lstar - P[s] / E[s]) * ret;
        E[s] += P[s] * ret;
        P[s] *= 1 + ret;
        if (E[s] <= ruinEquity) {
          alive[s] = 0;
          out[o + O_RUIN_STEP] = t;
        }
      }

      sig2 = decay * sig2 + varWeight * x * x;
      f = alphaMean + phi * (f - alphaMean) + alphaInnov * zAlpha;
      lstar = target(f, zSignal, sig2, t);
      const liquidity = regimeLiquidity[regime];
      const invK = regimeInvDepth[regime];
      const halfSpread = 0.5 * regimeSpread[regime];
      const sigHat = Math.sqrt(sig2);

      for (let s = 0; s < nSchemes; s++) {
        D[s] *= resilience;
        if (!alive[s]) continue;
        const kind = schemes[s * SCHEME_WIDTH], p1 = schemes[s * SCHEME_WIDTH + 1], p2 = schemes[s * SCHEME_WIDTH + 2];
        const invE = 1 / E[s];
        const ell = P[s] * invE;
        let lev: number;
        if (kind === SCHEME_INSTANT) lev = lstar;
        else if (kind === SCHEME_RATE) lev = ell + clip(lstar - ell, -p1, p1);
        else {
          const rate = kind === SCHEME_EMA ? p1
            : kind === SCHEME_VOL ? p1 / (1 + p2 * sigHat)
            : kind === SCHEME_LIQUIDITY ? p1 * Math.min(1, liquidity)
            : Math.abs(lstar) < Math.abs(ell) ? p2 : p1;
          lev = ell + rate * (lstar - ell);
        }
        const eMinus = E[s];
        const n = lev * eMinus - P[s];
        const absN = Math.abs(n);
        let cost = 0;
        if (costKind === COST_TRANSIENT) {
          cost = absN * halfSpread + n * D[s] + n * n * (0.5 * invK);
          D[s] += n * invK;
        } else if (costKind !== COST_NONE) {
          cost = absN * halfSpread + absN * job[J_SQRT_Y] * sigma * sqrtDt * Math.sqrt(absN / (job[J_SQRT_VOLUME] * liquidity));
        }
        P[s] += n;
        E[s] = eMinus - cost;
        const o = base + s * OUT_WIDTH;
        out[o + O_SLIPPAGE] += cost * invE;
        out[o + O_TURNOVER] += absN * invE;
        out[o + O_TRADED] += absN;
        out[o + O_COST] += cost;
      }

      if (p < nTrace) {
        const row = (p * T + t - 1) * traceWidth;
        trace[row] = lstar;
        trace[row + 1] = regime;
        trace[row + 2] = sigHat;
        trace[row + 3] = logPrice;
        for (let s = 0; s < nSchemes; s++) {
          trace[row + TRACE_FIXED + 2 * s] = P[s] / E[s];
          trace[row + TRACE_FIXED + 2 * s + 1] = E[s];
        }
      }
    }
    for (let s = 0; s < nSchemes; s++) out[base + s * OUT_WIDTH + O_EQUITY] = E[s];
  }
}

function clip(x: number, lo: number, hi: number): number {
  return Math.min(Math.max(x, lo), hi);
}
