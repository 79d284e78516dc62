/**
 * Trend persistence for the alpha's AR(1): the vol-standardised return is a persistent
 * signal plus noise,
 *
 *   z_t = a_{t−1} + e_t,  a_t = φ·a_{t−1} + η_t,  Var(a) = v_a,  Var(e) = 1 − v_a,
 *
 * an ARMA(1,1) whose exact Gaussian likelihood comes from the Kalman filter. τ = −1/ln φ
 * (steps) and v_a are fitted on a grid (profile likelihood); the 95% interval of τ is the
 * set where the profile log-likelihood is within χ²₁(0.95)/2 = 1.92 of its maximum.
 * In the engine's units the alpha's stationary sd is σ_f = √v_a · σ̄_annual · √stepsPerYear
 * (since x = f·dt + σ√dt·ε ⇒ z = f·√dt/σ).
 *
 * Weakly identified on a few thousand daily returns (the signal is ~1% of the variance):
 * the interval usually spans the grid, and the fit quality says so.
 * Reference: Harvey, A. C. (1989), Forecasting, Structural Time Series Models and the Kalman
 * Filter, §3.2; Lo & MacKinlay (1988) for the autocorrelation of returns.
 */
export interface TrendFit {
  timeConstantSteps: number;
  interval: { lo: number; hi: number };
  /** stationary variance share of the signal in z */
  signalShare: number;
  /** likelihood-ratio statistic against "no signal" (v_a = 0), χ²₂ under the null */
  lrStatistic: number;
  /** τ grid edges: an interval touching them is open on that side */
  grid: { lo: number; hi: number };
  /** τ̂ on a grid edge: the truth may lie beyond it (a bound, not an estimate) */
  censored: "above" | "below" | null;
}

export const TAU_GRID = Array.from({ length: 36 }, (_, i) => 2 * Math.pow(1000, i / 35)); // 2 … 2000 steps
const SHARE_GRID = [0, ...Array.from({ length: 24 }, (_, i) => 1e-4 * Math.pow(500, i / 23))]; // 0, 1e-4 … 0.05

/** Kalman log-likelihood of z under (φ, v_a); masked steps are skipped (prediction only). */
export function trendLogLikelihood(z: ArrayLike<number>, phi: number, share: number, mask?: Uint8Array): number {
  const q = share * (1 - phi * phi), r = 1 - share;
  let a = 0, P = share, ll = 0;
  for (let t = 0; t < z.length; t++) {
    if (!(mask && mask[t])) {
      const F = P + r, e = z[t] - a;
      ll += -0.5 * (Math.log(2 * Math.PI * F) + (e * e) / F);
      const K = P / F;
      a += K * e; P -= K * P;
    }
    a *= phi; P = phi * phi * P + q;
  }
  return ll;
}

/**
 * @param z returns standardised by the filtered volatility, centred and scaled to unit variance
 *   (the model fixes Var z = 1: a mean or a variance misfit would read as a signal)
 */
export function trendPersistence(z: ArrayLike<number>, mask?: Uint8Array): TrendFit {
  let best = -Infinity, bestTau = TAU_GRID[0], bestShare = 0;
  const null0 = trendLogLikelihood(z, 0, 0, mask);
  const profile = TAU_GRID.map((tau) => {
    const phi = Math.exp(-1 / tau);
    let m = -Infinity;
    for (const s of SHARE_GRID) {
      const ll = trendLogLikelihood(z, phi, s, mask);
      if (ll > m) m = ll;
      if (ll > best) { best = ll; bestTau = tau; bestShare = s; }
    }
    return m;
  });
  const inside = TAU_GRID.filter((_, i) => profile[i] >= best - 1.92);
  const last = TAU_GRID[TAU_GRID.length - 1];
  return {
    censored: bestShare === 0 ? null : bestTau >= last ? "above" : bestTau <= TAU_GRID[0] ? "below" : null,
    timeConstantSteps: bestTau, interval: { lo: Math.min(...inside), hi: Math.max(...inside) },
    signalShare: bestShare, lrStatistic: 2 * (best - null0), grid: { lo: TAU_GRID[0], hi: TAU_GRID[TAU_GRID.length - 1] },
  };
}
