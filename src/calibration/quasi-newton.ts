/**
 * BFGS quasi-Newton minimiser with central-difference gradients and a backtracking (Armijo)
 * line search, for the smooth few-parameter likelihoods of the profile. Each step moves at
 * most 1 unit in any coordinate (the coordinates are logs and logits). Deterministic.
 *
 *   d = −H·∇f,  x ← x + t·d (t halved until f(x + t·d) ≤ f(x) + 10⁻⁴·t·∇fᵀd),
 *   H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ,  ρ = 1/(yᵀs),  s = t·d, y = Δ∇f.
 *
 * Converged when max_i |∂f/∂x_i| ≤ gtol over the coordinates not held at the domain's edge (a
 * coordinate whose outward step leaves the domain, e.g. ν at its cap, is held there once the line
 * search fails). Returns the same shape as nelderMead.
 * Reference: Nocedal & Wright (2006), Numerical Optimization, 2nd ed., §6.1 and Alg. 3.1.
 */
import type { MinimiseResult } from "./nelder-mead.ts";

/** Central-difference gradient (one-sided where a neighbour is outside the domain). */
function gradient(f: (x: number[]) => number, x: number[], fx: number): { g: number[]; evaluations: number } {
  const g = new Array(x.length).fill(0);
  let evaluations = 0;
  for (let i = 0; i < x.length; i++) {
    const h = 1e-5 * Math.max(1, Math.abs(x[i]));
    const up = x.slice(), dn = x.slice();
    up[i] += h; dn[i] -= h;
    const fu = f(up), fd = f(dn);
    evaluations += 2;
    g[i] = Number.isFinite(fu) && Number.isFinite(fd) ? (fu - fd) / (2 * h) : Number.isFinite(fu) ? (fu - fx) / h : Number.isFinite(fd) ? (fx - fd) / h : 0;
  }
  return { g, evaluations };
}

/**
 * @param f objective to minimise (+∞ outside its domain); x0 must be inside
 * @param gtol gradient tolerance (units of f per unit of x)
 */
export function bfgs(f: (x: number[]) => number, x0: number[], gtol = 1e-3, maxEvaluations = 5000): MinimiseResult {
  const n = x0.length;
  let x = x0.slice(), fx = f(x), evaluations = 1;
  if (!Number.isFinite(fx)) return { x, value: fx, evaluations, converged: false };
  let { g, evaluations: e0 } = gradient(f, x, fx);
  evaluations += e0;
  let H: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  let converged = false;
  // coordinates held at the domain's edge (a step outward leaves it): a boundary optimum
  let blocked = new Array(n).fill(false);
  while (evaluations < maxEvaluations) {
    if (Math.max(...g.map((v, i) => (blocked[i] ? 0 : Math.abs(v)))) <= gtol) { converged = true; break; }
    let d = H.map((row) => -row.reduce((a, h, j) => a + h * g[j], 0));
    if (blocked.some((b) => b)) d = g.map((v, i) => (blocked[i] ? 0 : -v));
    let slope = d.reduce((a, v, i) => a + v * g[i], 0);
    if (!(slope < 0)) { H = H.map((row, i) => row.map((_, j) => (i === j ? 1 : 0))); d = g.map((v) => -v); slope = d.reduce((a, v, i) => a + v * g[i], 0); }
    let t = Math.min(1, 1 / Math.max(...d.map(Math.abs)));
    let xn = x, fn = Infinity, halvings = 0;
    for (; halvings < 40; halvings++, t *= 0.5) {
      xn = x.map((v, i) => v + t * d[i]);
      fn = f(xn); evaluations++;
      if (Number.isFinite(fn) && fn <= fx + 1e-4 * t * slope) break;
    }
    if (halvings === 40) {
      // no descent: if a step outward in some coordinate leaves the domain, hold those at the edge
      // and go on along the others (steepest descent); otherwise stop (a kink)
      const edge = x.map((v, i) => { const y = x.slice(); y[i] = v + 1e-6 * Math.max(1, Math.abs(v)) * Math.sign(d[i] || 1); evaluations++; return !Number.isFinite(f(y)); });
      if (!edge.some((e, i) => e && !blocked[i])) break;
      blocked = blocked.map((b, i) => b || edge[i]);
      H = H.map((row, i) => row.map((_, j) => (i === j ? 1 : 0)));
      continue;
    }
    const r = gradient(f, xn, fn);
    evaluations += r.evaluations;
    const s = xn.map((v, i) => v - x[i]), y = r.g.map((v, i) => v - g[i]);
    const sy = s.reduce((a, v, i) => a + v * y[i], 0);
    if (sy > 1e-12) {
      const rho = 1 / sy;
      const Hy = H.map((row) => row.reduce((a, h, j) => a + h * y[j], 0));
      const yHy = y.reduce((a, v, i) => a + v * Hy[i], 0);
      H = H.map((row, i) => row.map((h, j) => h - rho * (Hy[i] * s[j] + s[i] * Hy[j]) + (rho * rho * yHy + rho) * s[i] * s[j]));
    }
    const small = Math.abs(fx - fn) <= 1e-12 * Math.max(1, Math.abs(fn));
    x = xn; fx = fn; g = r.g;
    if (small && Math.max(...g.map(Math.abs)) <= 100 * gtol) { converged = true; break; }
  }
  return { x, value: fx, evaluations, converged };
}
