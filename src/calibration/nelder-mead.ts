/**
 * Nelder–Mead simplex minimiser (standard coefficients 1, 2, ½, ½) with restarts, for the
 * few-parameter likelihoods of the profile. Deterministic: no randomness.
 *
 * Reference: Nelder & Mead (1965), Computer Journal 7, 308–313; Lagarias et al. (1998),
 * SIAM J. Optim. 9(1), 112–147 (the convergence test on simplex spread).
 */
export interface MinimiseResult {
  x: number[];
  value: number;
  evaluations: number;
  converged: boolean;
}

/**
 * @param f objective to minimise (may return +∞ outside its domain)
 * @param x0 start point; `step` the initial simplex edge per coordinate
 * @param tol stop when the spread of simplex values and the simplex size are below tol
 */
export function nelderMead(f: (x: number[]) => number, x0: number[], step = 0.1, tol = 1e-7, maxEvaluations = 20_000, restarts = 2): MinimiseResult {
  let best: MinimiseResult = { x: x0.slice(), value: f(x0), evaluations: 1, converged: false };
  let evals = 1;
  for (let round = 0; round <= restarts; round++) {
    const r = simplexRun(f, best.x, step, tol, maxEvaluations - evals);
    evals += r.evaluations;
    const improved = best.value - r.value;
    best = r.value <= best.value ? { ...r, evaluations: evals } : { ...best, evaluations: evals };
    if (r.converged && round > 0 && improved < tol * Math.max(1, Math.abs(best.value))) break;
    if (evals >= maxEvaluations) break;
  }
  return best;
}

function simplexRun(f: (x: number[]) => number, x0: number[], step: number, tol: number, budget: number): MinimiseResult {
  const n = x0.length;
  const pts: number[][] = [x0.slice()];
  for (let i = 0; i < n; i++) { const p = x0.slice(); p[i] += step; pts.push(p); }
  let vals = pts.map(f);
  let evals = n + 1;
  const eval_ = (p: number[]) => { evals++; const v = f(p); return Number.isNaN(v) ? Infinity : v; };
  vals = vals.map((v) => (Number.isNaN(v) ? Infinity : v));
  let converged = false;
  while (evals < budget) {
    const order = vals.map((_, i) => i).sort((a, b) => vals[a] - vals[b]);
    const P = order.map((i) => pts[i]), V = order.map((i) => vals[i]);
    for (let i = 0; i <= n; i++) { pts[i] = P[i]; vals[i] = V[i]; }
    let size = 0;
    for (let i = 1; i <= n; i++) for (let j = 0; j < n; j++) size = Math.max(size, Math.abs(pts[i][j] - pts[0][j]));
    if (Math.abs(vals[n] - vals[0]) <= tol * Math.max(1, Math.abs(vals[0])) && size <= Math.sqrt(tol)) { converged = true; break; }
    const c = new Array(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) c[j] += pts[i][j] / n;
    const along = (t: number) => c.map((cj, j) => cj + t * (pts[n][j] - cj));
    const xr = along(-1), fr = eval_(xr);
    if (fr < vals[0]) {
      const xe = along(-2), fe = eval_(xe);
      if (fe < fr) { pts[n] = xe; vals[n] = fe; } else { pts[n] = xr; vals[n] = fr; }
    } else if (fr < vals[n - 1]) {
      pts[n] = xr; vals[n] = fr;
    } else {
      const xc = fr < vals[n] ? along(-0.5) : along(0.5), fc = eval_(xc);
      if (fc < Math.min(fr, vals[n])) { pts[n] = xc; vals[n] = fc; } else {
        for (let i = 1; i <= n; i++) { pts[i] = pts[i].map((v, j) => pts[0][j] + 0.5 * (v - pts[0][j])); vals[i] = eval_(pts[i]); }
      }
    }
  }
  let k = 0;
  for (let i = 1; i <= n; i++) if (vals[i] < vals[k]) k = i;
  return { x: pts[k], value: vals[k], evaluations: evals, converged };
}
