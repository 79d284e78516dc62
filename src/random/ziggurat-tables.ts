/**
 * Layer tables of the 128-layer normal ziggurat (Doornik 2005, ZIGNOR): X[0..128] (layer
 * edges, X[0] = V/f(R) for the base strip) then R[0..127] = X[i+1]/X[i], as one Float64Array
 * of 257 values. Computed once here and handed to the kernel, so kernel and twin share
 * bit-identical tables.
 */
export const ZIGGURAT_LAYERS = 128;
const ZIG_R = 3.442619855899;
const ZIG_V = 9.91256303526217e-3;

let cached: Float64Array | null = null;

/** The tables (cached; do not mutate). */
export function zigguratTables(): Float64Array {
  if (cached) return cached;
  const c = ZIGGURAT_LAYERS;
  const t = new Float64Array(2 * c + 1);
  let f = Math.exp(-0.5 * ZIG_R * ZIG_R);
  t[0] = ZIG_V / f;
  t[1] = ZIG_R;
  t[c] = 0;
  for (let i = 2; i < c; i++) {
    t[i] = Math.sqrt(-2 * Math.log(ZIG_V / t[i - 1] + f));
    f = Math.exp(-0.5 * t[i] * t[i]);
  }
  for (let i = 0; i < c; i++) t[c + 1 + i] = t[i + 1] / t[i];
  cached = t;
  return t;
}
