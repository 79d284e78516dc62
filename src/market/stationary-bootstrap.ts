/**
 * Stationary block bootstrap (Politis & Romano 1994) of a history of per-step log-returns,
 * as the supplied market of the pacing kernel: each path starts at a uniform random index
 * and, each step, either continues to the next observation (wrapping around) or, with
 * probability 1/meanBlock, jumps to a new uniform index. Blocks of geometric length keep the
 * short-range dependence (volatility clustering) of the history. Regime labels, when given,
 * travel with their returns; otherwise every step is regime 0. A "replay" walks the history
 * from its first return on every path (paths then differ only in the signal's noise), wrapping
 * around if the horizon is longer than the history.
 * Draws come from the stream (seed, stream 2, path).
 */
import { PathStream } from "../random/path-stream.ts";

export interface BootstrapSpec {
  /** "bootstrap": stationary block bootstrap; "replay": the history itself from its first return, on every path */
  kind: "bootstrap" | "replay";
  /** per-step log-returns of the history (same step length as the scenario) */
  returns: number[];
  /** optional regime label of each return (indices into the market's regimes) */
  regimes?: number[];
  /** mean block length, steps (≥ 1); unused by a replay */
  meanBlock: number;
}

export const BOOTSTRAP_STREAM = 2;

/** Fills x and regime (nPaths × steps, path-major) for paths firstPath … firstPath+nPaths−1. */
export function fillBootstrap(
  spec: BootstrapSpec, seed: number, steps: number, firstPath: number, nPaths: number, x: Float64Array, regime: Float64Array,
): void {
  const n = spec.returns.length, restart = 1 / spec.meanBlock, rng = new PathStream();
  for (let p = 0; p < nPaths; p++) {
    rng.seed(seed, BOOTSTRAP_STREAM, firstPath + p);
    const replay = spec.kind === "replay";
    let at = replay ? 0 : Math.floor(rng.nextUniform() * n);
    for (let t = 0; t < steps; t++) {
      if (t > 0) at = !replay && rng.nextUniform() < restart ? Math.floor(rng.nextUniform() * n) : (at + 1) % n;
      x[p * steps + t] = spec.returns[at];
      regime[p * steps + t] = spec.regimes ? spec.regimes[at] : 0;
    }
  }
}
