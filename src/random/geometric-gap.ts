import type { PathStream } from "./path-stream.ts";

/**
 * Steps to the next event of a per-step Bernoulli trial with success probability p, given
 * logMiss = ln(1 − p): G = 1 + ⌊ln U / logMiss⌋ with one 53-bit uniform U of `rng`, so
 * P(G = k) = (1 − p)^(k−1)·p for k ≥ 1 (inversion of the geometric law). logMiss = 0 (p = 0):
 * `never`, without a draw; logMiss = −∞ (p = 1): 1; gaps beyond `never` are `never`. Twin of
 * laneGeometricGap in assembly/random/lane-stream.ts (bit-identical).
 */
export function geometricGap(rng: PathStream, logMiss: number, never: number): number {
  if (logMiss === 0) return never;
  const g = Math.floor(Math.log(rng.nextUniform()) / logMiss);
  return g < never - 1 ? g + 1 : never;
}

/**
 * ln(1 − p) of a per-step probability p, the logMiss of geometricGap: 0 when p ≤ 0 (never),
 * −∞ when p ≥ 1 (every step). Twin of jumpLogMiss in assembly/pacing/event-lanes.ts.
 */
export function logMissOf(p: number): number {
  if (p <= 0) return 0;
  return p >= 1 ? -Infinity : Math.log(1 - p);
}
