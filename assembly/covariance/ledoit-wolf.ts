import { centerColumns } from "./center-columns";
import { crossProducts } from "./sample-covariance";

/**
 * Ledoit–Wolf shrinkage toward a scaled identity: Σ = (1 − s)·S + s·μ·I, with S the
 * centred covariance with divisor n, μ = tr(S)/k, δ = ‖S − μI‖²_F/k,
 * β = min(δ, (Σ_t ‖x_t‖⁴/n − ‖S‖²_F)/(n·k)), s = β/δ (0 when δ = 0).
 * This is scikit-learn's `ledoit_wolf` (assume_centered = False) convention.
 * Reference: Ledoit & Wolf (2004), J. Multivariate Anal. 88, doi:10.1016/S0047-259X(03)00096-4.
 *
 * | pointer | length (f64)                  | role                         |
 * |---------|-------------------------------|------------------------------|
 * | x       | n·k                           | input, row-major             |
 * | scratch | covarianceScratchLength(n, k) | work                         |
 * | out     | k·k                           | shrunk covariance            |
 * | info    | 2                             | [shrinkage s, target μ]      |
 *
 * Never throws.
 */
export function ledoitWolf(x: usize, n: i32, k: i32, scratch: usize, out: usize, info: usize): void {
  centerColumns(x, n, k, scratch);
  crossProducts(scratch, n, k, out, 1.0 / <f64>n);
  let tr = 0.0, fro = 0.0;
  for (let i = 0; i < k; i++) tr += load<f64>(out + (<usize>(i * k + i) << 3));
  for (let p = 0; p < k * k; p++) {
    const v = load<f64>(out + (<usize>p << 3));
    fro += v * v;
  }
  const mu = tr / <f64>k;
  const delta = (fro - 2.0 * mu * tr + <f64>k * mu * mu) / <f64>k;
  let sum4 = 0.0;
  for (let t = 0; t < n; t++) {
    let s2 = 0.0;
    for (let j = 0; j < k; j++) {
      const v = load<f64>(scratch + (<usize>(((j >> 2) * n + t) * 4 + (j & 3)) << 3)); // panel layout
      s2 += v * v;
    }
    sum4 += s2 * s2;
  }
  let beta = (sum4 / <f64>n - fro) / (<f64>n * <f64>k);
  if (beta > delta) beta = delta;
  const s = delta == 0 ? 0.0 : beta / delta;
  for (let p = 0; p < k * k; p++) {
    const q = out + (<usize>p << 3);
    store<f64>(q, (1.0 - s) * load<f64>(q));
  }
  for (let i = 0; i < k; i++) {
    const q = out + (<usize>(i * k + i) << 3);
    store<f64>(q, load<f64>(q) + s * mu);
  }
  store<f64>(info, s);
  store<f64>(info, mu, 8);
}
