/**
 * Book resilience from intraday bars: under transient impact (Obizhaeva & Wang 2013) the
 * displacement left by trading decays by ψ_bar each bar, which makes bar returns revert:
 * ρ(k) = −A·ψ_bar^{k−1} for the lag-k autocorrelation. ψ_bar is the least-squares slope of
 * ln(−ρ(k)) on k over the leading run of negative ρ(k) (k ≤ 10), or 0 when only ρ(1) < 0.
 * Per engine step (barsPerStep bars a step) ψ = ψ_bar^barsPerStep.
 *
 * Not identified (returns null) when ρ(1) is not significantly negative (ρ(1) > −2/√n):
 * then there is no measurable reversal at bar frequency.
 * Reference: Obizhaeva & Wang (2013), J. Financial Markets 16, 1–32; Roll (1984) for the
 * negative autocorrelation of transaction returns.
 */
export interface ResilienceFit {
  perBar: number;
  perStep: number;
  rho1: number;
  rho1Se: number;
  lags: number;
}

export function intradayResilience(r: ArrayLike<number>, barsPerStep: number): ResilienceFit | null {
  const n = r.length;
  if (n < 200) return null;
  let m = 0;
  for (let t = 0; t < n; t++) m += r[t] / n;
  let v = 0;
  for (let t = 0; t < n; t++) v += (r[t] - m) ** 2;
  const rho = (k: number) => { let c = 0; for (let t = k; t < n; t++) c += (r[t] - m) * (r[t - k] - m); return c / v; };
  const rhos = Array.from({ length: 10 }, (_, i) => rho(i + 1));
  const se = 1 / Math.sqrt(n);
  if (!(rhos[0] < -2 * se)) return null;
  let lags = 0;
  while (lags < rhos.length && rhos[lags] < 0) lags++;
  let perBar = 0;
  if (lags >= 2) {
    const xs = Array.from({ length: lags }, (_, i) => i), ys = xs.map((i) => Math.log(-rhos[i]));
    const mx = xs.reduce((a, b) => a + b, 0) / lags, my = ys.reduce((a, b) => a + b, 0) / lags;
    let sxy = 0, sxx = 0;
    for (let i = 0; i < lags; i++) { sxy += (xs[i] - mx) * (ys[i] - my); sxx += (xs[i] - mx) ** 2; }
    perBar = Math.min(0.999, Math.max(0, Math.exp(sxy / sxx)));
  }
  return { perBar, perStep: Math.pow(perBar, barsPerStep), rho1: rhos[0], rho1Se: se, lags };
}
