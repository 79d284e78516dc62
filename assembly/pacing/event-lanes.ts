import { NEVER_STEPS } from "./layout";
import { LANES, ARRAY_BYTES, M_REGIME, M_REGIME_LEFT, M_JUMP_LEFT, M_JUMP } from "./lane-block";
import { laneGeometricGap, laneNormal } from "../random/lane-stream";
import { setRegime, regimeLogStay, nextRegime } from "./regime-lanes";

/** 1 in every i32 lane, in static memory (one load; V8 rebuilds a splat constant inside the loop). */
const ONES = memory.data<i32>([1, 1, 1, 1]);

/**
 * ln(1 − p) of the per-step jump probability p (job J_JUMP_PROB): the jump gap's logMiss
 * (lane-stream.ts laneGeometricGap); 0 when p ≤ 0 (no jumps), −∞ when p ≥ 1 (a jump every step).
 */
export function jumpLogMiss(jumpProb: f64): f64 {
  if (jumpProb <= 0) return 0.0;
  return jumpProb >= 1 ? -Infinity : Math.log(1.0 - jumpProb);
}

/**
 * Lane l's first gaps at t = 0 (layout.ts stream order): steps to its first regime switch from
 * `regime`, then to its first jump.
 */
export function startEventLane(job: usize, nRegimes: i32, regime: i32, logNoJump: f64, rng: usize, mk: usize, l: i32): void {
  const at = mk + (<usize>l << 2);
  store<i32>(at, laneGeometricGap(rng, LANES, l, regimeLogStay(job, nRegimes, regime), NEVER_STEPS), M_REGIME_LEFT * ARRAY_BYTES);
  store<i32>(at, laneGeometricGap(rng, LANES, l, logNoJump, NEVER_STEPS), M_JUMP_LEFT * ARRAY_BYTES);
}

/**
 * RS-1 steps 1 and 2 on every lane of a block, as events: each lane counts down the steps to
 * its next regime switch and to its next jump (four lanes per i32x4 instruction). Where a count
 * reaches 0 the event happens at this step: the regime switches (nextRegime, setRegime) and the
 * steps to the following switch are drawn; a jump's log-return jumpMean + jumpSd·N(0, 1)
 * (f64, rounded to f32) is written to the jump array and the steps to the next jump are drawn.
 * All other lanes' jump is 0. Per lane the draws come in the order of layout.ts (switch, then
 * jump). The per-step probabilities are exactly those of the Markov chain and of a Bernoulli(p)
 * jump per step (geometric gaps). Never throws.
 */
export function advanceEventLanes(job: usize, nRegimes: i32, logNoJump: f64, jumpMean: f64, jumpSd: f64, rng: usize, zig: usize, table: usize, mk: usize): void {
  for (let o: usize = 0; o < <usize>ARRAY_BYTES; o += 16) {
    const m = mk + o;
    const one = v128.load(ONES);
    const regimeLeft = i32x4.sub(v128.load(m, M_REGIME_LEFT * ARRAY_BYTES), one);
    const jumpLeft = i32x4.sub(v128.load(m, M_JUMP_LEFT * ARRAY_BYTES), one);
    v128.store(m, regimeLeft, M_REGIME_LEFT * ARRAY_BYTES);
    v128.store(m, jumpLeft, M_JUMP_LEFT * ARRAY_BYTES);
    v128.store(m, i32x4.splat(0), M_JUMP * ARRAY_BYTES);
    if (!v128.any_true(v128.or(i32x4.eq(regimeLeft, i32x4.splat(0)), i32x4.eq(jumpLeft, i32x4.splat(0))))) continue;
    for (let l = <i32>(o >> 2); l < <i32>(o >> 2) + 4; l++) {
      const at = mk + (<usize>l << 2);
      if (load<i32>(at, M_REGIME_LEFT * ARRAY_BYTES) == 0) {
        const next = nextRegime(job, nRegimes, <i32>load<f32>(at, M_REGIME * ARRAY_BYTES), rng, l);
        setRegime(mk, l, next, table);
        store<i32>(at, laneGeometricGap(rng, LANES, l, regimeLogStay(job, nRegimes, next), NEVER_STEPS), M_REGIME_LEFT * ARRAY_BYTES);
      }
      if (load<i32>(at, M_JUMP_LEFT * ARRAY_BYTES) == 0) {
        store<f32>(at, <f32>(jumpMean + jumpSd * laneNormal(rng, LANES, l, zig)), M_JUMP * ARRAY_BYTES);
        store<i32>(at, laneGeometricGap(rng, LANES, l, logNoJump, NEVER_STEPS), M_JUMP_LEFT * ARRAY_BYTES);
      }
    }
  }
}
