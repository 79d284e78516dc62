/**
 * Jointly simulated legs of a synthetic ratio instrument S = A/B (domain.md (G1)), as the
 * log-returns x_t = ln S_t − ln S_{t−1} and regimes the pacing kernel reads in supplied mode.
 *
 * Each leg i is a geometric Brownian motion with annual drift μ_i and volatility σ_i scaled by
 * the regime's multiplier m_s = σ_s/σ_0 of the scenario's market regimes; the legs' shocks are
 * correlated through the Cholesky factor L of their correlation matrix (z = L·ε). Regimes are
 * one chain shared by all legs, or one chain per leg ("per-asset"; the book then sees the most
 * stressed leg's regime). Per step, for leg i with price X_i:
 *   ln X_i ← ln X_i + (μ_i − m²σ_i²/2)·dt + m·σ_i·√dt·z_i,   A = Σ a_i X_i,  B = Σ b_j X_j (or 1).
 * Draws come from the stream (seed, stream 1, path): independent of the kernel's own draws,
 * and, like them, dependent only on the path index.
 */
import { PathStream } from "../random/path-stream.ts";
import { normalDraw } from "../random/normal-draw.ts";
import { zigguratTables } from "../random/ziggurat-tables.ts";

export interface CorrelatedLegsSpec {
  kind: "correlated-legs";
  legs: { name: string; sigma: number; drift: number; weight: number; side: "base" | "quote"; price: number }[];
  /** row-major k×k correlation matrix */
  correlation: number[][];
  regimes: "shared" | "per-asset";
}

export interface MarketShape {
  seed: number;
  steps: number;
  dt: number;
  /** market regime volatilities σ_s (the first is the calm reference) */
  regimeSigma: number[];
  /** per-step transition matrix, row r = P(next | r) */
  transition: number[][];
  initialRegime: number;
}

/** Stream id of the legs' draws (the kernel's own draws use stream 0). */
export const LEGS_STREAM = 1;

/**
 * Fills x and regime (nPaths × steps, path-major) for paths firstPath … firstPath+nPaths−1.
 * @param factor lower Cholesky factor of the correlation matrix (row-major k×k)
 */
export function fillCorrelatedLegs(
  spec: CorrelatedLegsSpec, factor: Float64Array, m: MarketShape, firstPath: number, nPaths: number,
  x: Float64Array, regime: Float64Array,
): void {
  const k = spec.legs.length, T = m.steps, sqrtDt = Math.sqrt(m.dt);
  const zig = zigguratTables(), rng = new PathStream();
  const logX = new Float64Array(k), eps = new Float64Array(k), legRegime = new Int32Array(k);
  const chains = spec.regimes === "shared" ? 1 : k;
  const multiplier = m.regimeSigma.map((s) => s / m.regimeSigma[0]);
  for (let p = 0; p < nPaths; p++) {
    rng.seed(m.seed, LEGS_STREAM, firstPath + p);
    spec.legs.forEach((leg, i) => (logX[i] = Math.log(leg.price)));
    legRegime.fill(m.initialRegime);
    let lnS = Math.log(ratio(spec, logX));
    for (let t = 0; t < T; t++) {
      let stressed = 0;
      for (let c = 0; c < chains; c++) {
        const u = rng.nextUniform(), row = m.transition[legRegime[c]];
        let next = 0, cum = row[0];
        while (u >= cum && next < row.length - 1) cum += row[++next];
        legRegime[c] = next;
        stressed = Math.max(stressed, next);
      }
      for (let i = 0; i < k; i++) eps[i] = normalDraw(rng, zig);
      for (let i = 0; i < k; i++) {
        let z = 0;
        for (let j = 0; j <= i; j++) z += factor[i * k + j] * eps[j];
        const mult = multiplier[legRegime[chains === 1 ? 0 : i]], leg = spec.legs[i];
        const vol = mult * leg.sigma;
        logX[i] += (leg.drift - 0.5 * vol * vol) * m.dt + vol * sqrtDt * z;
      }
      const next = Math.log(ratio(spec, logX));
      x[p * T + t] = next - lnS;
      regime[p * T + t] = stressed;
      lnS = next;
    }
  }
}

/** S = A/B from the legs' log prices (B = 1 when there is no quote leg). */
function ratio(spec: CorrelatedLegsSpec, logX: Float64Array): number {
  let a = 0, b = 0, quote = false;
  spec.legs.forEach((leg, i) => {
    if (leg.side === "base") a += leg.weight * Math.exp(logX[i]);
    else { b += leg.weight * Math.exp(logX[i]); quote = true; }
  });
  return a / (quote ? b : 1);
}
