/**
 * How far out a step's innovation can go, in its own standard deviations, for the range checks
 * of equity-range.ts: 6 for normal innovations (P(|z| > 6) ≈ 2e-9); for a Student-t innovation
 * scaled to unit variance (scenario market.innovations), the point with the same two-sided tail
 * probability, q with 2·(1 − F_ν(q·√(ν/(ν − 2)))) = 2·(1 − Φ(6)) (F_ν the t cdf,
 * src/calibration/student-t-cdf.ts), but never more than the largest draw the engine can make,
 * √((ν − 2)·(2^(50/ν) − 1)) (assembly/pacing/student-lanes.ts: W ≥ 2⁻²⁵, |cos θ| ≤ 1; 108 for ν = 4,
 * 16 for ν = 10, 5.9 as ν → ∞).
 * Units: multiples of the step's sd σ√dt.
 */
import { studentTCdf } from "../calibration/student-t-cdf.ts";

/** Multiples of the sd the normal bound uses. */
export const TAIL_SDS = 6;
/** 2·(1 − Φ(6)): the two-sided tail probability of 6 sd (erfc(6/√2)). */
const TAIL_PROBABILITY = 1.973175290075e-9;

/** @param nu ν > 2 of a unit-variance t, or undefined for normal innovations */
export function innovationTailMultiplier(nu?: number): number {
  if (nu === undefined) return TAIL_SDS;
  const largestDraw = Math.sqrt((nu - 2) * Math.expm1((50 / nu) * Math.LN2));
  const tail = (q: number) => 2 * (1 - studentTCdf(q * Math.sqrt(nu / (nu - 2)), nu));
  let lo = TAIL_SDS * 0.5, hi = largestDraw;
  if (tail(hi) >= TAIL_PROBABILITY) return largestDraw;
  for (let i = 0; i < 100 && hi - lo > 1e-9 * hi; i++) {
    const mid = Math.sqrt(lo * hi); // bisection on a log scale
    if (tail(mid) > TAIL_PROBABILITY) lo = mid; else hi = mid;
  }
  return hi;
}
