/**
 * Exact (Garwood 1936) 95% interval for a Poisson count k:
 * [χ²_{0.025}(2k)/2, χ²_{0.975}(2k+2)/2], with the chi-square quantiles from the
 * Wilson–Hilferty approximation (relative error < 1% for k ≥ 1; exact 0 lower bound at k = 0).
 */
import quantile from "@stdlib/stats-base-dists-normal-quantile";

export function poissonInterval(k: number): { lo: number; hi: number } {
  const z = quantile(0.975, 0, 1);
  const chi2 = (p: number, df: number) => {
    const zz = p > 0.5 ? z : -z;
    const a = 2 / (9 * df);
    return df * Math.pow(1 - a + zz * Math.sqrt(a), 3);
  };
  return { lo: k === 0 ? 0 : chi2(0.025, 2 * k) / 2, hi: chi2(0.975, 2 * k + 2) / 2 };
}
