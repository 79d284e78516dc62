/**
 * Plain-TypeScript twin of the fused pacing kernel (assembly/pacing/simulate-pacing.ts):
 * the same RS-1 step (reference-scenarios.md, RS-1; domain.md (P1)–(P4), the optimal schemes (O1), (O2),
 * the jump guard and GP's objective as in the kernel's pace-scheme-lanes.ts), the same stream
 * of draws per path, the same layouts (assembly/pacing/layout.ts), and the kernel's single
 * precision: every step operation is rounded to f32 (Math.fround, `f` below) in the kernel's
 * order, and values computed once in f64 (parameters, the initial state, slow-path normals,
 * jump sizes) are rounded once, where the kernel rounds them. Test oracle for the kernel
 * (tested bit for bit) and the benchmark baseline.
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
import { PathStream } from "../random/path-stream.ts";
import { geometricGap, logMissOf } from "../random/geometric-gap.ts";
import { singleZigguratTable } from "../random/ziggurat-tables.ts";
import { normalDraw, normalFromWord, normalAfterRejection } from "../random/normal-draw.ts";
import { expm1Single } from "../math/expm1-single.ts";
import { logSingle } from "../math/log-single.ts";
import { studentInnovation } from "../random/student-innovation.ts";

// Copied once into module constants: property reads through the module namespace are slow in the hot loop.
const {
  COST_NONE, COST_TRANSIENT, J_ALPHA_MEAN, J_ALPHA_PHI, J_ALPHA_SD, J_COST_KIND, J_DEPTH, J_DT, J_E0, J_EWMA_DECAY, J_GAMMA, J_INIT_REGIME, J_INIT_VAR, J_JUMP_COMP, J_JUMP_MEAN, J_JUMP_PROB, J_JUMP_SD, J_LMAX, J_MARKET_SOURCE, J_REGIMES, J_RESILIENCE, J_RUIN_EQUITY, J_SEED, J_SIGMA, J_SIGNAL_NOISE, J_SPREAD, J_SQRT_VOLUME, J_SQRT_Y, J_STEPS, J_STREAM, J_TARGET_CONST, J_TARGET_KIND, J_THINNING, J_TRANSITION, MARKET_SUPPLIED, MAX_REGIMES, OUT_WIDTH, O_COST, O_EQUITY, O_OPPORTUNITY, O_RUIN_STEP, O_SLIPPAGE, O_TRADED, O_TURNOVER, SCHEME_EMA, SCHEME_INSTANT, SCHEME_LIQUIDITY, SCHEME_RATE, SCHEME_VOL, SCHEME_WIDTH, TARGET_SERIES, TARGET_SIGNAL, TRACE_FIXED, W_ALPHA, W_DIFFUSION, W_SIGNAL, WORDS_PER_STEP, NEVER_STEPS,
  J_TARGET_SIGMA, J_TARGET_CAP, J_TREND_KAPPA, J_FUNDING_RATE, J_LIQ_ESTIMATE, J_PATH_RISK, TARGET_VOL, TARGET_TREND,
  O_MAX_DRAWDOWN, O_UNDER_WATER, O_FUNDING, LIQUIDITY_OBSERVES_REGIME,
  SCHEME_GP, SCHEME_AC, SP_GUARD, SP_RATE, SP_AIM_SCALE, SP_AIM_OFFSET, J_OBJ_HALF_RISK, J_OBJ_HALF_COST, O_GP_OBJECTIVE,
} = layout;
const { J_INNOVATIONS, J_NU, INNOVATIONS_STUDENT } = layout;

export function simulatePacingReference(
  job: Float64Array, schemes: Float64Array, nSchemes: number, zig: Float64Array, series: Float64Array,
  firstPath: number, nPaths: number, out: Float64Array, trace: Float32Array, nTrace: number,
  suppliedX: Float64Array, suppliedRegime: Float64Array,
): void {
  const supplied = job[J_MARKET_SOURCE] === MARKET_SUPPLIED;
  const zig32 = singleZigguratTable();
  const T = job[J_STEPS], dt = job[J_DT];
  const nRegimes = job[J_REGIMES];
  const phi = job[J_ALPHA_PHI], alphaMean = job[J_ALPHA_MEAN], alphaSd = job[J_ALPHA_SD];
  const noise = job[J_SIGNAL_NOISE], gamma = job[J_GAMMA], lmax = job[J_LMAX];
  const decay = job[J_EWMA_DECAY], targetKind = job[J_TARGET_KIND], costKind = job[J_COST_KIND];
  const e0 = job[J_E0], sigma0 = job[J_SIGMA], thinning = job[J_THINNING];
  // the step's constants in f32, each rounded once from its f64 value (as the kernel's constant blocks)
  const c = {
    dt: f(dt), sqrtDt: f(Math.sqrt(dt)), jumpComp: f(job[J_JUMP_COMP]), decay: f(decay), varWeight: f((1 - decay) / dt),
    alphaMean: f(alphaMean), phi: f(phi), alphaInnov: f(alphaSd * Math.sqrt(1 - phi * phi)), noise: f(noise),
    gamma: f(gamma), lmax: f(lmax), resilience: f(job[J_RESILIENCE]),
    ruinEquity: f(job[J_RUIN_EQUITY]), sqrtY: f(job[J_SQRT_Y]), volume: f(job[J_SQRT_VOLUME]),
    invDt: f(1 / dt), kappa: f(job[J_TREND_KAPPA]), sigmaTarget: f(job[J_TARGET_SIGMA]), cap: f(job[J_TARGET_CAP]),
    sigma0Sq: f(sigma0 * sigma0), halfThinning: f(0.5 * thinning), funding: f(job[J_FUNDING_RATE] * dt),
  };
  const funding = job[J_FUNDING_RATE] > 0, pathRisk = job[J_PATH_RISK] !== 0, liqEstimate = job[J_LIQ_ESTIMATE] !== 0;
  const traceWidth = TRACE_FIXED + 2 * nSchemes;
  // the regime table (regime-lanes.ts): computed in f64, rounded to f32
  const regimeSigma: number[] = [], regimeLiquidity: number[] = [], regimeHalfSpread: number[] = [];
  const regimeInvDepth: number[] = [], regimeHalfInvDepth: number[] = [];
  const regimeHalfRisk: number[] = [], regimeHalfCost: number[] = []; // the GP objective's coefficients
  for (let r = 0; r < nRegimes; r++) {
    const s = job[J_SIGMA + r];
    const liquidity = Math.pow(sigma0 / s, thinning);
    const invDepth = 1 / (job[J_DEPTH] * liquidity);
    regimeSigma.push(f(s));
    regimeLiquidity.push(f(liquidity));
    regimeInvDepth.push(f(invDepth));
    regimeHalfInvDepth.push(f(0.5 * invDepth));
    regimeHalfSpread.push(f(0.5 * ((job[J_SPREAD] * s) / sigma0)));
    regimeHalfRisk.push(f(job[J_OBJ_HALF_RISK + r]));
    regimeHalfCost.push(f(job[J_OBJ_HALF_COST + r]));
  }
  // Student-t innovations (the kernel's student-lanes.ts): per regime −2/ν and ν − 2, rounded to f32
  const student = !supplied && job[J_INNOVATIONS] === INNOVATIONS_STUDENT;
  const tExponent = Array.from({ length: nRegimes }, (_, r) => (student ? f(-2 / job[J_NU + r]) : 0));
  const tScale = Array.from({ length: nRegimes }, (_, r) => (student ? f(job[J_NU + r] - 2) : 0));
  const rng = new PathStream();
  // regime switches and jumps are events with geometric gaps (the kernel's event-lanes.ts)
  const logStay = (r: number) => (nRegimes > 1 ? Math.log(job[J_TRANSITION + r * MAX_REGIMES + r]) : 0);
  const logNoJump = logMissOf(job[J_JUMP_PROB]);
  const nextRegime = (r: number): number => {
    if (nRegimes === 2) return 1 - r;
    const row = J_TRANSITION + r * MAX_REGIMES;
    let leave = 0;
    for (let q = 0; q < nRegimes; q++) if (q !== r) leave += job[row + q];
    const u = rng.nextUniform() * leave;
    let cum = 0, last = r;
    for (let q = 0; q < nRegimes; q++) {
      if (q === r) continue;
      cum += job[row + q];
      last = q;
      if (u < cum) return q;
    }
    return last;
  };
  const perRegime = (s: number, first: number) => Array.from({ length: MAX_REGIMES }, (_, r) => f(schemes[s * SCHEME_WIDTH + first + r]));
  const scheme = Array.from({ length: nSchemes }, (_, s) => ({
    kind: schemes[s * SCHEME_WIDTH], p1: f(schemes[s * SCHEME_WIDTH + 1]), p2: f(schemes[s * SCHEME_WIDTH + 2]),
    observesRegime: schemes[s * SCHEME_WIDTH + 2] === LIQUIDITY_OBSERVES_REGIME,
    // gp and ac: per-regime rate, aim scale and offset; the jump guard's θ²·dt (0: none), rounded once as the kernel's splats
    rate: perRegime(s, SP_RATE), aimScale: perRegime(s, SP_AIM_SCALE), aimOffset: perRegime(s, SP_AIM_OFFSET),
    guard: schemes[s * SCHEME_WIDTH + SP_GUARD] > 0 ? f(schemes[s * SCHEME_WIDTH + SP_GUARD] * schemes[s * SCHEME_WIDTH + SP_GUARD] * dt) : 0,
  }));

  const words = new Uint32Array(WORDS_PER_STEP);
  // per scheme: state and accumulators, f32 like the kernel's (stores round)
  const E = new Float32Array(nSchemes), P = new Float32Array(nSchemes), D = new Float32Array(nSchemes), peak = new Float32Array(nSchemes);
  const acc = new Float32Array(nSchemes * OUT_WIDTH);
  const alive = new Uint8Array(nSchemes);
  const pnl = new Float32Array(nSchemes); // the step's P·R per scheme, for the GP objective

  for (let p = 0; p < nPaths; p++) {
    rng.seed(job[J_SEED], job[J_STREAM], firstPath + p);
    E.fill(e0); P.fill(0); D.fill(0); alive.fill(1); acc.fill(0); peak.fill(e0);
    let regime = job[J_INIT_REGIME];
    // the initial state in f64, rounded once
    const f0 = alphaMean + alphaSd * normalDraw(rng, zig);
    const eps0 = normalDraw(rng, zig);
    const sig0 = job[J_INIT_VAR];
    let lstar = f(targetKind === TARGET_SIGNAL ? clip((f0 + noise * eps0) / (gamma * sig0), -lmax, lmax)
      : targetKind === TARGET_SERIES ? series[0]
      : targetKind === TARGET_VOL ? Math.min(job[J_TARGET_SIGMA] / Math.sqrt(sig0), job[J_TARGET_CAP])
      : targetKind === TARGET_TREND ? 0 : job[J_TARGET_CONST]);
    let alpha = f(f0), sig2 = f(sig0), logPrice = 0, trend = 0, signal = 0;
    let regimeLeft = NEVER_STEPS, jumpLeft = NEVER_STEPS;
    if (!supplied) {
      regimeLeft = geometricGap(rng, logStay(regime), NEVER_STEPS);
      jumpLeft = geometricGap(rng, logNoJump, NEVER_STEPS);
    }

    for (let t = 1; t <= T; t++) {
      // the step's draws (layout.ts): WORDS_PER_STEP words, their fast paths, the rare tails, then the step's events
      for (let k = 0; k < WORDS_PER_STEP; k++) words[k] = rng.nextU32();
      // Student-t: two more words right after them, a second normal's and a uniform's (layout.ts STUDENT_WORDS)
      const tNormalWord = student ? rng.nextU32() : 0, tUniformWord = student ? rng.nextU32() : 0;
      let z = normalFromWord(words[W_DIFFUSION], zig32);
      let zAlpha = normalFromWord(words[W_ALPHA], zig32);
      let zSignal = normalFromWord(words[W_SIGNAL], zig32);
      let zT = student ? normalFromWord(tNormalWord, zig32) : 0;
      if (Number.isNaN(z)) z = f(normalAfterRejection(rng, words[W_DIFFUSION], zig));
      if (Number.isNaN(zAlpha)) zAlpha = f(normalAfterRejection(rng, words[W_ALPHA], zig));
      if (Number.isNaN(zSignal)) zSignal = f(normalAfterRejection(rng, words[W_SIGNAL], zig));
      if (Number.isNaN(zT)) zT = f(normalAfterRejection(rng, tNormalWord, zig));
      let x: number;
      if (supplied) {
        regime = suppliedRegime[p * T + t - 1];
        x = f(suppliedX[p * T + t - 1]);
      } else {
        if (--regimeLeft === 0) {
          regime = nextRegime(regime);
          regimeLeft = geometricGap(rng, logStay(regime), NEVER_STEPS);
        }
        let jump = 0;
        if (--jumpLeft === 0) {
          jump = f(job[J_JUMP_MEAN] + job[J_JUMP_SD] * normalDraw(rng, zig));
          jumpLeft = geometricGap(rng, logNoJump, NEVER_STEPS);
        }
        if (student) z = studentInnovation(z, zT, tUniformWord, tExponent[regime], tScale[regime]);
        const sig = regimeSigma[regime];
        const drift = f(f(alpha - f(f(0.5 * sig) * sig)) - c.jumpComp);
        x = f(f(f(drift * c.dt) + f(f(sig * c.sqrtDt) * z)) + jump);
      }
      const ret = expm1Single(x);
      logPrice = f(logPrice + x);

      for (let s = 0; s < nSchemes; s++) {
        if (!alive[s]) continue;
        const o = s * OUT_WIDTH;
        const held = f(P[s] / E[s]);
        acc[o + O_OPPORTUNITY] += f(f(lstar - held) * ret);
        pnl[s] = f(P[s] * ret);
        let eMinus = f(E[s] + pnl[s]);
        if (funding) {
          // the borrowed notional of the step's holding, max(0, |P| − E), pays r_f·dt (the kernel's pace-scheme-lanes.ts)
          eMinus = f(eMinus - f(c.funding * Math.max(f(Math.abs(P[s]) - E[s]), 0)));
          acc[o + O_FUNDING] += f(c.funding * Math.max(f(Math.abs(held) - 1), 0));
        }
        E[s] = eMinus;
        P[s] *= f(1 + ret);
        if (E[s] <= c.ruinEquity) {
          alive[s] = 0;
          acc[o + O_RUIN_STEP] = t;
          // the ruin step's GP objective: its P&L and the risk of the marked holding, no trade (the kernel's pace-scheme-lanes.ts)
          acc[o + O_GP_OBJECTIVE] += objectiveOf(pnl[s], regimeHalfRisk[regime], regimeHalfCost[regime], P[s], 0);
        }
      }

      const sig2Prev = sig2; // σ̂²_{t−1}: the jump guard's scale
      sig2 = f(f(c.decay * sig2) + f(f(c.varWeight * x) * x));
      alpha = f(f(c.alphaMean + f(c.phi * f(alpha - c.alphaMean))) + f(c.alphaInnov * zAlpha));
      if (targetKind === TARGET_SIGNAL) {
        signal = f(alpha + f(c.noise * zSignal));
        lstar = clip(f(signal / f(c.gamma * sig2)), -c.lmax, c.lmax);
      }
      else if (targetKind === TARGET_SERIES) lstar = f(series[t]);
      else if (targetKind === TARGET_VOL) lstar = Math.min(f(c.sigmaTarget / f(Math.sqrt(sig2))), c.cap);
      else if (targetKind === TARGET_TREND) {
        trend = f(trend + f(c.kappa * f(f(x * c.invDt) - trend)));
        lstar = clip(f(trend / f(c.gamma * sig2)), -c.lmax, c.lmax);
      }
      const sigma = regimeSigma[regime], liquidity = regimeLiquidity[regime];
      const invK = regimeInvDepth[regime], halfInvK = regimeHalfInvDepth[regime], halfSpread = regimeHalfSpread[regime];
      const sigHat = f(Math.sqrt(sig2));
      // the depth a trader can infer from σ̂, relative to calm: min(1, (σ₀/σ̂)^α) (the kernel's advance-market-lanes.ts)
      const liqHat = liqEstimate ? Math.min(f(expm1Single(f(c.halfThinning * logSingle(f(c.sigma0Sq / sig2)))) + 1), 1) : 0;

      for (let s = 0; s < nSchemes; s++) {
        D[s] *= c.resilience;
        if (!alive[s]) continue;
        const { kind, p1, p2, observesRegime, guard } = scheme[s];
        const eMinus = E[s];
        const invE = f(1 / eMinus);
        // each rule scales or clips the trade to the target (the kernel's pace-scheme-lanes.ts); gp's is to its aim
        const aim = kind === SCHEME_GP ? f(f(scheme[s].aimOffset[regime] + f(scheme[s].aimScale[regime] * signal)) * eMinus) : f(lstar * eMinus);
        const gap = f(aim - P[s]);
        let n: number;
        if (kind === SCHEME_INSTANT) n = gap;
        else if (kind === SCHEME_RATE) {
          const band = f(p1 * eMinus);
          n = clip(gap, -band, band);
        } else {
          const rate = kind === SCHEME_EMA ? p1
            : kind === SCHEME_VOL ? f(p1 / f(1 + f(p2 * sigHat)))
            : kind === SCHEME_LIQUIDITY ? f(p1 * (observesRegime ? Math.min(1, liquidity) : liqHat))
            : kind === SCHEME_GP || kind === SCHEME_AC ? scheme[s].rate[regime]
            : Math.abs(aim) < Math.abs(P[s]) ? p2 : p1;
          n = f(rate * gap);
        }
        if (guard > 0 && f(x * x) > f(guard * sig2Prev)) {
          // a jump: de-risk at once to sign(P⁻)·min(|P⁻|, |L*·E⁻|)
          const kept = Math.min(Math.abs(P[s]), Math.abs(f(lstar * eMinus)));
          n = f((P[s] > 0 ? kept : -kept) - P[s]);
        }
        const absN = Math.abs(n);
        let cost = 0;
        if (costKind === COST_TRANSIENT) {
          cost = f(f(f(absN * halfSpread) + f(n * D[s])) + f(f(n * n) * halfInvK));
          D[s] += f(n * invK);
        } else if (costKind !== COST_NONE) {
          const impact = f(f(f(absN * c.sqrtY) * sigma) * c.sqrtDt);
          cost = f(f(absN * halfSpread) + f(impact * f(Math.sqrt(f(absN / f(c.volume * liquidity))))));
        }
        P[s] += n;
        E[s] = eMinus - cost;
        const o = s * OUT_WIDTH;
        acc[o + O_GP_OBJECTIVE] += objectiveOf(pnl[s], regimeHalfRisk[regime], regimeHalfCost[regime], P[s], n);
        acc[o + O_SLIPPAGE] += f(cost * invE);
        acc[o + O_TURNOVER] += f(absN * invE);
        acc[o + O_TRADED] += absN;
        acc[o + O_COST] += cost;
      }
      if (pathRisk) {
        // on every scheme, ruined or not: a ruined one stays at its marked ruin equity, under water
        for (let s = 0; s < nSchemes; s++) {
          const o = s * OUT_WIDTH;
          peak[s] = Math.max(peak[s], E[s]);
          acc[o + O_MAX_DRAWDOWN] = Math.max(acc[o + O_MAX_DRAWDOWN], f(1 - f(E[s] / peak[s])));
          if (E[s] < peak[s]) acc[o + O_UNDER_WATER] += 1;
        }
      }

      if (p < nTrace) {
        const row = (p * T + t - 1) * traceWidth;
        trace[row] = lstar;
        trace[row + 1] = regime;
        trace[row + 2] = sigHat;
        trace[row + 3] = logPrice;
        for (let s = 0; s < nSchemes; s++) {
          trace[row + TRACE_FIXED + 2 * s] = f(P[s] / E[s]);
          trace[row + TRACE_FIXED + 2 * s + 1] = E[s];
        }
      }
    }
    const base = p * nSchemes * OUT_WIDTH;
    for (let s = 0; s < nSchemes; s++) {
      for (let m = 0; m < OUT_WIDTH; m++) out[base + s * OUT_WIDTH + m] = m === O_EQUITY ? E[s] : acc[s * OUT_WIDTH + m];
    }
  }
}

/** Rounds to single precision: the kernel's arithmetic (every + − × ÷ √ of two f32 values is exact after it). */
const f = Math.fround;

/** One step of GP's objective in equity units, P·R − h_r·P⁺² − h_c·n² (domain.md O1), in the kernel's order. */
function objectiveOf(pnl: number, halfRisk: number, halfCost: number, pAfter: number, n: number): number {
  return f(f(pnl - f(f(halfRisk * pAfter) * pAfter)) - f(f(halfCost * n) * n));
}

function clip(x: number, lo: number, hi: number): number {
  return Math.min(Math.max(x, lo), hi);
}
