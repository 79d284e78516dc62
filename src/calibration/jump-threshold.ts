/**
 * Jumps by a robust threshold: a step is a jump when its return, standardised by the
 * ex-ante (predicted) regime volatility, exceeds k in absolute value,
 *
 *   z_t = (x_t − μ̂_t) / σ̂_{t|t−1},  σ̂²_{t|t−1} = Σ_r P(s_t = r | x_<t)·s_r²,  jump ⇔ |z_t| > k.
 *
 * Intensity = count / years (with an exact Poisson 95% interval); mean and sd of the
 * flagged returns as the jump log-return moments. Truncation at k·σ misses small jumps, so
 * this is the starting point (and a cross-check) of the likelihood fit, not its result.
 *
 * Reference: Lee & Mykland (2008), Rev. Financial Studies 21(6), 2535–2563 (test on returns
 * standardised by local volatility); Andersen, Bollerslev & Dobrev (2007) for the threshold idea.
 */
import type { RegimeParams } from "./regime-model.ts";
import { poissonInterval } from "./poisson-interval.ts";

export interface ThresholdJumps {
  /** indices t of the flagged steps */
  steps: number[];
  mask: Uint8Array;
  k: number;
  intensityPerYear: { estimate: number; lo: number; hi: number };
  meanLog: number | null;
  sdLog: number | null;
}

/**
 * @param predicted1 P(s_t = 1 | x_<t) from the Hamilton filter
 * @param years length of the sample in years (observations / steps per year)
 */
export function jumpThreshold(x: ArrayLike<number>, p: RegimeParams, predicted1: Float64Array, years: number, k = 4): ThresholdJumps {
  const mask = new Uint8Array(x.length);
  const steps: number[] = [];
  const sizes: number[] = [];
  let diffusionVar = 0;
  for (let t = 0; t < x.length; t++) {
    const v = (1 - predicted1[t]) * p.sd[0] ** 2 + predicted1[t] * p.sd[1] ** 2;
    const m = p.mean - 0.5 * v;
    if (Math.abs(x[t] - m) > k * Math.sqrt(v)) { mask[t] = 1; steps.push(t); sizes.push(x[t] - m); diffusionVar += v; }
  }
  const n = sizes.length;
  const mean = n ? sizes.reduce((a, b) => a + b, 0) / n : null;
  // the flagged return is jump + diffusion: subtract the diffusion variance of those steps
  const sd = n > 1 && mean !== null
    ? Math.sqrt(Math.max(0, sizes.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1) - diffusionVar / n)) : null;
  const ci = poissonInterval(n);
  return { steps, mask, k, intensityPerYear: { estimate: n / years, lo: ci.lo / years, hi: ci.hi / years }, meanLog: mean, sdLog: sd };
}
