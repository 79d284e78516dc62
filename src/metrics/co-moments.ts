/**
 * Running means, variances and covariance of a pair (x, y) per observation, with an
 * exact merge: what the interval of a ratio of sums Σy/Σx needs (delta method).
 */
export interface CoMoments {
  n: number;
  meanX: number;
  meanY: number;
  m2x: number;
  m2y: number;
  /** Σ (x − meanX)(y − meanY) */
  cxy: number;
}

export function emptyCoMoments(): CoMoments {
  return { n: 0, meanX: 0, meanY: 0, m2x: 0, m2y: 0, cxy: 0 };
}

/** Adds one pair (in place). */
export function addCoMoment(m: CoMoments, x: number, y: number): void {
  m.n += 1;
  const dx = x - m.meanX;
  const dy = y - m.meanY;
  m.meanX += dx / m.n;
  m.meanY += dy / m.n;
  m.m2x += dx * (x - m.meanX);
  m.m2y += dy * (y - m.meanY);
  m.cxy += dx * (y - m.meanY);
}

/** a ⊕ b as a new value. */
export function mergeCoMoments(a: CoMoments, b: CoMoments): CoMoments {
  if (a.n === 0) return { ...b };
  if (b.n === 0) return { ...a };
  const n = a.n + b.n;
  const dx = b.meanX - a.meanX;
  const dy = b.meanY - a.meanY;
  const w = (a.n * b.n) / n;
  return {
    n,
    meanX: a.meanX + (dx * b.n) / n,
    meanY: a.meanY + (dy * b.n) / n,
    m2x: a.m2x + b.m2x + dx * dx * w,
    m2y: a.m2y + b.m2y + dy * dy * w,
    cxy: a.cxy + b.cxy + dx * dy * w,
  };
}
