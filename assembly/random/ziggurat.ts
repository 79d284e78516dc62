import { nextU32, nextUniform } from "./path-stream";

/**
 * Standard normal draw by the 128-layer ziggurat (Doornik 2005, "An improved
 * ziggurat method to generate normal random samples"), on the current path stream.
 *
 * Fast path (~98.8% of draws): two 32-bit words give the layer (7 bits) and a
 * 53-bit signed uniform; a draw is accepted when |u| < R[i]. The layer tables are
 * computed once in JS (src/random/ziggurat-tables.ts) and passed in at `tables`:
 * X[0..128] then R[0..127], as f64 — so kernel and twin use bit-identical tables.
 */

const ZIG_R: f64 = 3.442619855899;

function normalTail(negative: bool): f64 {
  let x: f64, y: f64;
  do {
    x = Math.log(nextUniform()) / ZIG_R;
    y = Math.log(nextUniform());
  } while (-2.0 * y < x * x);
  return negative ? x - ZIG_R : ZIG_R - x;
}

/** One N(0, 1) draw. `tables` points at X[129] followed by R[128] (f64). */
export function nextNormal(tables: usize): f64 {
  while (true) {
    const a = nextU32();
    const b = nextU32();
    const i = <usize>(a & 127);
    // 53-bit integer from bits 11..31 of a and all of b; u in (-1, 1)
    const m = <f64>(a >>> 11) * 4294967296.0 + <f64>b;
    const u = (m + 0.5) * 2.220446049250313e-16 - 1.0;
    const xi = load<f64>(tables + (i << 3));
    if (Math.abs(u) < load<f64>(tables + ((129 + i) << 3))) return u * xi;
    if (i == 0) return normalTail(u < 0);
    const x = u * xi;
    const xi1 = load<f64>(tables + ((i + 1) << 3));
    const f0 = Math.exp(-0.5 * (xi * xi - x * x));
    const f1 = Math.exp(-0.5 * (xi1 * xi1 - x * x));
    if (f1 + nextUniform() * (f0 - f1) < 1.0) return x;
  }
  return 0; // unreachable
}
