import type { PathStream } from "./path-stream.ts";

const ZIG_R = 3.442619855899;

/**
 * One N(0, 1) draw from `rng` by the ziggurat; twin of assembly/random/ziggurat.ts
 * (same word consumption, same tables, bit-identical on the fast path).
 *
 * @param tables from zigguratTables(): X[0..128] then R[0..127]
 */
export function normalDraw(rng: PathStream, tables: Float64Array): number {
  for (;;) {
    const a = rng.nextU32();
    const b = rng.nextU32();
    const i = a & 127;
    const m = (a >>> 10) * 2147483648.0 + (b >>> 1);
    const u = (m + 0.5) * 2.220446049250313e-16 - 1.0;
    const xi = tables[i];
    if (Math.abs(u) < tables[129 + i]) return u * xi;
    if (i === 0) return normalTail(rng, u < 0);
    const x = u * xi;
    const xi1 = tables[i + 1];
    const f0 = Math.exp(-0.5 * (xi * xi - x * x));
    const f1 = Math.exp(-0.5 * (xi1 * xi1 - x * x));
    if (f1 + rng.nextUniform() * (f0 - f1) < 1.0) return x;
  }
}

function normalTail(rng: PathStream, negative: boolean): number {
  let x: number, y: number;
  do {
    x = Math.log(rng.nextUniform()) / ZIG_R;
    y = Math.log(rng.nextUniform());
  } while (-2.0 * y < x * x);
  return negative ? x - ZIG_R : ZIG_R - x;
}
