import type { PathStream } from "./path-stream.ts";
import { ZIGGURAT_TAIL, ZIGGURAT_LAYERS } from "./ziggurat-tables.ts";

/**
 * One N(0, 1) draw from `rng` by the 256-layer ziggurat (Doornik 2005, ZIGNOR) on one 32-bit
 * word; twin of laneNormal in assembly/random/lane-stream.ts (same word consumption, same
 * tables, bit-identical).
 *
 * @param tables from zigguratTables(): X[i] at 2i, R[i] at 2i + 1
 */
export function normalDraw(rng: PathStream, tables: Float64Array): number {
  const w = rng.nextU32();
  const z = normalFromWord(w, tables);
  return Number.isNaN(z) ? normalAfterRejection(rng, w, tables) : z;
}

/**
 * The fast path of the one-word ziggurat: layer i = bits 0–7 of w, signed uniform
 * u = (j + ½)·2⁻²² with j = bits 9–31 as a signed integer; u·X[i] when |u| < R[i] (≈98.5%),
 * else NaN — the draw is then finished by normalAfterRejection on the same stream.
 *
 * @param tables zigguratTables() (f64), or singleZigguratTable() for the single-precision fast
 *   path of the pacing kernel (then u·X[i] is rounded to f32, as normalsFromWords does)
 */
export function normalFromWord(w: number, tables: Float64Array | Float32Array): number {
  const i = w & (ZIGGURAT_LAYERS - 1), u = wordU(w);
  if (Math.abs(u) >= tables[2 * i + 1]) return NaN;
  return tables instanceof Float32Array ? Math.fround(u * tables[2 * i]) : u * tables[2 * i];
}

/**
 * Completes a draw whose word w was rejected by the fast path: the wedge test or the tail
 * (53-bit uniforms from `rng`), else a fresh one-word draw (twin of laneNormalSlow).
 */
export function normalAfterRejection(rng: PathStream, w: number, tables: Float64Array): number {
  const i = w & (ZIGGURAT_LAYERS - 1), u = wordU(w);
  if (i === 0) return normalTail(rng, u < 0);
  const xi = tables[2 * i];
  const x = u * xi;
  const xi1 = tables[2 * i + 2];
  const f0 = Math.exp(-0.5 * (xi * xi - x * x));
  const f1 = Math.exp(-0.5 * (xi1 * xi1 - x * x));
  if (f1 + rng.nextUniform() * (f0 - f1) < 1.0) return x;
  return normalDraw(rng, tables);
}

/** The signed uniform (j + ½)·2⁻²² of a word, j = bits 9–31 as a signed integer (twin of normalWordU); exact in f32. */
function wordU(w: number): number {
  return (((w | 0) >> 9) + 0.5) * 2.384185791015625e-7;
}

function normalTail(rng: PathStream, negative: boolean): number {
  let x: number, y: number;
  do {
    x = Math.log(rng.nextUniform()) / ZIGGURAT_TAIL;
    y = Math.log(rng.nextUniform());
  } while (-2.0 * y < x * x);
  return negative ? x - ZIGGURAT_TAIL : ZIGGURAT_TAIL - x;
}
