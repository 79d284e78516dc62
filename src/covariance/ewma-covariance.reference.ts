/**
 * Plain-TS twin of the ewmaCovariance kernel: Σ_t = λΣ_{t−1} + (1 − λ) r_t r_tᵀ for each row,
 * starting from `state` (updated in place). Returns every Σ_t (rows·k·k) when `all`, else an
 * empty array. RiskMetrics (1996), zero mean; RS-2.
 */
export function ewmaCovarianceReference(
  x: ArrayLike<number>, rows: number, k: number, lambda: number, state: Float64Array, all: boolean,
): Float64Array {
  const out = new Float64Array(all ? rows * k * k : 0);
  for (let t = 0; t < rows; t++) {
    for (let i = 0; i < k; i++) {
      const ci = (1 - lambda) * x[t * k + i];
      for (let j = 0; j < k; j++) state[i * k + j] = lambda * state[i * k + j] + ci * x[t * k + j];
    }
    if (all) out.set(state, t * k * k);
  }
  return out;
}

/**
 * Plain-TS twin of the ewmaCovariancePacked kernel: the same recursion on the packed upper
 * triangle (row i holds j = i … k−1), `state` packed and updated in place; every packed Σ_t
 * (rows·k(k+1)/2) when `all`.
 */
export function ewmaCovariancePackedReference(
  x: ArrayLike<number>, rows: number, k: number, lambda: number, state: Float64Array, all: boolean,
): Float64Array {
  const m = (k * (k + 1)) / 2;
  const out = new Float64Array(all ? rows * m : 0);
  for (let t = 0; t < rows; t++) {
    let o = 0;
    for (let i = 0; i < k; i++) {
      const ci = (1 - lambda) * x[t * k + i];
      for (let j = i; j < k; j++, o++) state[o] = lambda * state[o] + ci * x[t * k + j];
    }
    if (all) out.set(state, t * m);
  }
  return out;
}
