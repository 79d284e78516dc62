/**
 * The EWMA variance decay that best forecasts the next squared return (Gaussian
 * quasi-likelihood), and the EWMA volatility at the end of the sample:
 *
 *   v_t = λ·v_{t−1} + (1 − λ)·x²_{t−1},   ℓ(λ) = −½ Σ_t [ln v_t + x_t²/v_t]
 *
 * maximised over a grid λ ∈ [0.80, 0.995]; the 95% interval is the set within 1.92 of the
 * maximum (profile likelihood). v_0 = the mean of the first 20 squared returns.
 * Reference: RiskMetrics Technical Document (J.P. Morgan 1996), §5.3 (λ = 0.94 daily).
 */
export interface EwmaFit {
  decay: number;
  interval: { lo: number; hi: number };
  /** EWMA volatility after the last return, annualised */
  lastSigmaAnnual: number;
}

export function ewmaDecay(x: ArrayLike<number>, stepsPerYear: number): EwmaFit {
  const grid = Array.from({ length: 40 }, (_, i) => 0.8 + (0.195 * i) / 39);
  let v0 = 0;
  const m = Math.min(20, x.length);
  for (let t = 0; t < m; t++) v0 += (x[t] * x[t]) / m;
  const run = (lambda: number) => {
    let v = Math.max(v0, 1e-12), ll = 0;
    for (let t = 0; t < x.length; t++) {
      if (t >= m) ll += -0.5 * (Math.log(v) + (x[t] * x[t]) / v);
      v = lambda * v + (1 - lambda) * x[t] * x[t];
    }
    return { ll, v };
  };
  const lls = grid.map((l) => run(l).ll);
  let k = 0;
  for (let i = 1; i < grid.length; i++) if (lls[i] > lls[k]) k = i;
  const inside = grid.filter((_, i) => lls[i] >= lls[k] - 1.92);
  return { decay: grid[k], interval: { lo: Math.min(...inside), hi: Math.max(...inside) }, lastSigmaAnnual: Math.sqrt(run(grid[k]).v * stepsPerYear) };
}
