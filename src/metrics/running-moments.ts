/**
 * Running mean and sum of squared deviations (Welford 1962), and their exact merge
 * (Chan, Golub & LeVeque 1979). Plain data, so block summaries can be sent between
 * threads and written to shard files; merged in a fixed order they give the same bits
 * whatever the number of workers or shards.
 */
export interface Moments {
  n: number;
  mean: number;
  /** Σ (x − mean)² */
  m2: number;
}

export function emptyMoments(): Moments {
  return { n: 0, mean: 0, m2: 0 };
}

/** Adds one observation (in place). */
export function addMoment(m: Moments, x: number): void {
  m.n += 1;
  const delta = x - m.mean;
  m.mean += delta / m.n;
  m.m2 += delta * (x - m.mean);
}

/** a ⊕ b as a new value (Chan's parallel update). */
export function mergeMoments(a: Moments, b: Moments): Moments {
  if (a.n === 0) return { ...b };
  if (b.n === 0) return { ...a };
  const n = a.n + b.n;
  const delta = b.mean - a.mean;
  return { n, mean: a.mean + (delta * b.n) / n, m2: a.m2 + b.m2 + (delta * delta * a.n * b.n) / n };
}

/** Unbiased sample variance (divisor n − 1); NaN below two observations. */
export function sampleVariance(m: Moments): number {
  return m.n > 1 ? m.m2 / (m.n - 1) : NaN;
}

/** Standard error of the mean. */
export function standardError(m: Moments): number {
  return Math.sqrt(sampleVariance(m) / m.n);
}
