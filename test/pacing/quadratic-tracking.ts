/**
 * Brute-force oracle for the optimal-pacing tests: the exact minimiser of a finite-horizon
 * quadratic tracking problem, by solving its first-order conditions (a tridiagonal system,
 * Thomas algorithm). No closed form is used, so it checks GP's and AC's formulas independently.
 *
 *   minimise Σ_{t=1..T} [ (q/2)·(x_t − M_t)² + (Λ/2)·(x_t − x_{t−1})² ],  x_0 given,
 *
 * which is GP's objective x·μ − (q/2)x² − ½Λn² with M = μ/q (a constant dropped), and AC's
 * E + λV with q = 2λσ²τ. With `end: "zero"` x_T = 0 is imposed (AC's liquidation).
 */
export function quadraticTracking(x0: number, markowitz: number[], q: number, lambda: number, end: "free" | "zero" = "free"): number[] {
  const T = markowitz.length;
  const n = end === "zero" ? T - 1 : T; // unknowns x_1 … x_n
  // FOC at t < T: −Λx_{t−1} + (q + 2Λ)x_t − Λx_{t+1} = q·M_t; at a free end t = T: −Λx_{T−1} + (q + Λ)x_T = q·M_T
  const diag = Array.from({ length: n }, (_, i) => (end === "free" && i === T - 1 ? q + lambda : q + 2 * lambda));
  const rhs = markowitz.slice(0, n).map((m) => q * m);
  rhs[0] += lambda * x0;
  const c: number[] = new Array(n), d: number[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const denom = diag[i] - (i > 0 ? -lambda * c[i - 1] : 0);
    c[i] = -lambda / denom;
    d[i] = (rhs[i] + (i > 0 ? lambda * d[i - 1] : 0)) / denom;
  }
  const x = new Array(n);
  for (let i = n - 1; i >= 0; i--) x[i] = d[i] - (i < n - 1 ? c[i] * x[i + 1] : 0);
  return end === "zero" ? [...x, 0] : x;
}
