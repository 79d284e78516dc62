/**
 * Cumulative distribution of Student's t with ν degrees of freedom (ν > 0, real):
 *
 *   F(t) = ½·I_{ν/(ν+t²)}(ν/2, ½) for t ≤ 0,   F(t) = 1 − F(−t) for t > 0,
 *   (for t² < ν: F(t) = ½ ± ½·I_{t²/(ν+t²)}(½, ν/2), which keeps the digits near t = 0)
 *
 * with I_x(a, b) the regularised incomplete beta function, by its continued fraction (modified
 * Lentz), using the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) where the fraction converges slowly.
 * Reference: Abramowitz & Stegun (1964) 26.7.1 and 26.5.8; Press et al., Numerical Recipes §6.4.
 */
import { logGamma } from "./regime-model.ts";

/** The continued fraction of I_x(a, b) (Numerical Recipes' betacf). */
function betaFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1, d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d; if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c; if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d; h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d; if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c; if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return h;
}

/** Regularised incomplete beta I_x(a, b), x ∈ [0, 1]. */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
  return x < (a + 1) / (a + b + 2) ? (front * betaFraction(a, b, x)) / a : 1 - (front * betaFraction(b, a, 1 - x)) / b;
}

/** P(T ≤ t) for T ~ Student-t(ν). */
export function studentTCdf(t: number, nu: number): number {
  // near 0, ν/(ν+t²) rounds to 1: use I_{t²/(ν+t²)}(½, ν/2) = 1 − I_{ν/(ν+t²)}(ν/2, ½) instead
  const xc = (t * t) / (nu + t * t);
  if (xc < 0.5) { const c = 0.5 * incompleteBeta(xc, 0.5, nu / 2); return t <= 0 ? 0.5 - c : 0.5 + c; }
  const lower = 0.5 * incompleteBeta(nu / (nu + t * t), nu / 2, 0.5);
  return t <= 0 ? lower : 1 - lower;
}
