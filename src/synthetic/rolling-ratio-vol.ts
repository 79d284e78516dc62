/**
 * Rolling volatility of S = A/B by the delta method beside realised volatility (RS-3).
 *
 * Window: `window` consecutive changes between aligned dates (63 changes = 64 closes ending at
 * the window's end date). For each window ending at close e:
 * - Σ = covariance of the legs' **price changes** X_t − X_{t−1} by the chosen estimator:
 *   `sample` (default): divisor n − 1 over the window's changes (RS-3);
 *   `ledoit-wolf`: the library's Ledoit–Wolf over the window's changes (divisor n, shrunk to μI);
 *   `ewma`: Σ_t = λΣ_{t−1} + (1 − λ)ΔX_tΔX_tᵀ over every change from the first (Σ_1 = ΔX_1ΔX_1ᵀ)
 *   up to the window's end (RiskMetrics, zero mean);
 *   legs whose price never changes (constants such as USD = 1) are left out of Σ: their
 *   variances and covariances are zero, and leaving them in would move Ledoit–Wolf's target;
 * - delta_vol = sqrt((G3)) with A_e, B_e at the end date (domain.md (G3), RS-2);
 * - realised_vol = sample sd (divisor n − 1) of ΔS in the same window.
 * Units: S's price units per step (one aligned date to the next).
 * The leg changes are copied into WASM memory once; each window calls the kernels on pointers.
 */
import type { Kernel } from "../wasm/kernel.ts";
import { fail } from "../errors.ts";
import { covarianceExports } from "../covariance/kernel-exports.ts";
import { ewmaCovarianceStream } from "../covariance/ewma-covariance.ts";

/** The covariance estimator of the delta method (instrument-schema.ts `covariance`). */
export type CovarianceEstimator = { kind: "sample" } | { kind: "ledoit-wolf" } | { kind: "ewma"; decay: number };

export interface RollingRatioVol {
  /** Close index of each window's end (e ≥ window). */ end: Int32Array;
  varA: Float64Array; varB: Float64Array; covAB: Float64Array;
  deltaVol: Float64Array; realisedVol: Float64Array;
}

/**
 * @param legs closes of every leg (base and quote legs together), aligned
 * @param a base units per leg (0 for quote legs); @param b quote units per leg (0 for base legs)
 * @throws RangeError when the window is longer than the data, < 2, the weight vectors have the wrong length, or no leg moves
 */
export function rollingRatioVol(
  kernel: Kernel, legs: readonly ArrayLike<number>[], a: readonly number[], b: readonly number[], window = 63,
  estimator: CovarianceEstimator = { kind: "sample" },
): RollingRatioVol {
  const n = legs[0]?.length ?? 0;
  if (a.length !== legs.length || b.length !== legs.length) fail(RangeError, "rollingRatioVol: weights", `a has ${a.length}, b ${b.length} entries for ${legs.length} legs`, `pass ${legs.length} units each (0 where a leg is not in the basket)`);
  if (!Number.isInteger(window) || window < 2) fail(RangeError, "rollingRatioVol: window", `must be an integer ≥ 2; got ${window}`, "use 63 changes (a quarter)");
  if (window > n - 1) fail(RangeError, "rollingRatioVol: window", `${window} changes is longer than the data (${n} closes = ${n - 1} changes)`, "use a shorter window or more dates");
  const A = (t: number) => a.reduce((s, u, i) => s + u * legs[i][t], 0);
  const B = (t: number) => b.reduce((s, u, i) => s + u * legs[i][t], 0);
  const moving = legs.map((_, i) => i).filter((i) => Array.prototype.some.call(legs[i], (v: number, t: number) => t > 0 && v !== legs[i][t - 1]));
  const k = moving.length;
  if (k === 0) fail(RangeError, "rollingRatioVol: legs", "no leg's price ever changes (every series is flat)", "give legs with a price history");
  const changes = new Float64Array((n - 1) * k);
  for (let t = 1; t < n; t++) moving.forEach((l, i) => (changes[(t - 1) * k + i] = legs[l][t] - legs[l][t - 1]));
  const ex = covarianceExports(kernel);
  const ewma = estimator.kind === "ewma" ? ewmaSequence(kernel, changes, n - 1, k, estimator.decay) : null;
  const xPtr = kernel.writeF64(changes, "leg changes");
  const aPtr = kernel.writeF64(moving.map((l) => a[l])), bPtr = kernel.writeF64(moving.map((l) => b[l]));
  const scratch = kernel.allocF64(ex.covarianceScratchLength(window, k), "covariance scratch");
  const sigma = kernel.allocF64(k * k, "window covariance");
  const parts = kernel.allocF64(4, "ratio variance parts");
  const info = kernel.allocF64(2, "shrinkage");
  const S = Float64Array.from({ length: n }, (_, t) => A(t) / B(t));
  const m = n - window;
  const out: RollingRatioVol = { end: new Int32Array(m), varA: new Float64Array(m), varB: new Float64Array(m), covAB: new Float64Array(m), deltaVol: new Float64Array(m), realisedVol: new Float64Array(m) };
  for (let w = 0; w < m; w++) {
    const e = w + window; // closes e − window … e; changes rows w … e − 1
    if (ewma) kernel.f64(sigma, k * k).set(ewma.subarray((e - 1) * k * k, e * k * k));
    else if (estimator.kind === "ledoit-wolf") ex.ledoitWolf(xPtr + w * k * 8, window, k, scratch, sigma, info);
    else ex.sampleCovariance(xPtr + w * k * 8, window, k, scratch, sigma);
    ex.deltaRatioVariance(sigma, k, aPtr, bPtr, A(e), B(e), parts);
    const [varA, varB, covAB, v] = kernel.f64(parts, 4);
    out.end[w] = e; out.varA[w] = varA; out.varB[w] = varB; out.covAB[w] = covAB;
    out.deltaVol[w] = Math.sqrt(Math.max(0, v));
    out.realisedVol[w] = sampleSd(S, e - window, e);
  }
  return out;
}

/** Σ_1 … Σ_m of the EWMA recursion over the m change rows (k×k each), through the kernel. */
function ewmaSequence(kernel: Kernel, changes: Float64Array, m: number, k: number, decay: number): Float64Array {
  const all = new Float64Array(m * k * k);
  ewmaCovarianceStream(kernel, changes, m, k, 256, (t0, _rows, chunk) => all.set(chunk, t0 * k * k), { lambda: decay });
  return all;
}

/** Sample sd (divisor m − 1) of the m = hi − lo changes S_t − S_{t−1}, t = lo + 1 … hi (two-pass). */
export function sampleSd(S: ArrayLike<number>, lo: number, hi: number): number {
  const m = hi - lo;
  let mean = 0;
  for (let t = lo + 1; t <= hi; t++) mean += S[t] - S[t - 1];
  mean /= m;
  let ss = 0;
  for (let t = lo + 1; t <= hi; t++) ss += (S[t] - S[t - 1] - mean) ** 2;
  return Math.sqrt(ss / (m - 1));
}
