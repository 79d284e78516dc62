/**
 * Differences between two schemes of a pacing document, with a 95% interval: paired (common
 * random numbers) when the document's baseline is the reference scheme, else unpaired from the
 * two schemes' own intervals. The benchmark figures (benchmark-figures.ts, jump-guard-figure.ts)
 * use it to say how far a scheme is from gp, or what a jump guard changes in its `then` scheme.
 */
import type { PacingDocument } from "../engine/pacing-document.ts";
import type { Estimate } from "../metrics/intervals.ts";

/** A difference scheme − reference with its 95% interval; `paired` says which interval it is. */
export interface Distance {
  estimate: number | null;
  lo: number | null;
  hi: number | null;
  paired: boolean;
}

/**
 * `metric` of `scheme` minus that of `reference`: the document's paired difference when its
 * baseline is `reference`, else estimate − estimate with half-width √(h₁² + h₂²), hᵢ each
 * interval's half-width (unpaired, and only approximate for asymmetric intervals such as Wilson's).
 * All nulls when either side is missing (e.g. terminal_log_growth, a paired output only).
 */
export function distance(doc: PacingDocument, scheme: string, reference: string, metric: string): Distance {
  if (doc.paired_differences.baseline === reference) {
    const d = doc.paired_differences.schemes[scheme]?.[metric];
    if (d) return { estimate: d.estimate, lo: d.paired.lo, hi: d.paired.hi, paired: true };
  }
  const a = estimateOf(doc, scheme, metric), b = estimateOf(doc, reference, metric);
  if (!a || !b || a.estimate === null || b.estimate === null) return { estimate: null, lo: null, hi: null, paired: false };
  const half = (e: Estimate) => (e.hi !== null && e.lo !== null ? (e.hi - e.lo) / 2 : NaN);
  const h = Math.hypot(half(a), half(b)), est = a.estimate - b.estimate;
  return Number.isFinite(h) ? { estimate: est, lo: est - h, hi: est + h, paired: false } : { estimate: est, lo: null, hi: null, paired: false };
}

function estimateOf(doc: PacingDocument, scheme: string, metric: string): Estimate | undefined {
  return (doc.schemes[scheme] as Record<string, Estimate> | undefined)?.[metric];
}

/** Scales a distance (e.g. per step → per year); the sign of a positive scale is kept. */
export function scaleDistance(d: Distance, scale: number): Distance {
  const s = (v: number | null) => (v === null ? null : v * scale);
  return { estimate: s(d.estimate), lo: s(d.lo), hi: s(d.hi), paired: d.paired };
}

/** `−0.0123 [−0.0150, −0.0096]`, or `—` when undefined. */
export function formatDistance(d: Distance): string {
  const f = (v: number | null) => (v === null ? "?" : Math.abs(v) >= 1e-3 || v === 0 ? v.toPrecision(3) : v.toExponential(2));
  return d.estimate === null ? "—" : `${f(d.estimate)} [${f(d.lo)}, ${f(d.hi)}]`;
}
