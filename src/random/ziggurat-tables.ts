/**
 * Layer tables of the 256-layer normal ziggurat (Doornik 2005, ZIGNOR's construction with
 * Marsaglia & Tsang's 256-layer base: R = 3.6541528853610088, V = R·f(R) + ∫_R^∞ f), interleaved
 * as one Float64Array of 513 values: T[2i] = X[i] (layer edges, i = 0…256, X[0] = V/f(R) for the
 * base strip) and T[2i+1] = R[i] = X[i+1]/X[i] (i = 0…255), so the pair (X[i], R[i]) a draw of layer
 * i needs is one 16-byte load in the kernel. Computed once here and handed to the kernel, so
 * kernel and twin share bit-identical tables.
 */
/** Layers (a power of two: the layer is the low bits of a word); the kernel's copy is in assembly/random/lane-stream.ts. */
export const ZIGGURAT_LAYERS = 256;
/** Start of the tail, R: X[1]. */
export const ZIGGURAT_TAIL = 3.654152885361009;
// the area of each layer: R·f(R) + √(π/2)·erfc(R/√2), f(x) = exp(−x²/2)
const ZIG_V = 0.004928673233974658;

let cached: Float64Array | null = null;

/** The tables (cached; do not mutate). */
export function zigguratTables(): Float64Array {
  if (cached) return cached;
  const c = ZIGGURAT_LAYERS;
  const x = new Float64Array(c + 1);
  let f = Math.exp(-0.5 * ZIGGURAT_TAIL * ZIGGURAT_TAIL);
  x[0] = ZIG_V / f;
  x[1] = ZIGGURAT_TAIL;
  x[c] = 0;
  for (let i = 2; i < c; i++) {
    x[i] = Math.sqrt(-2 * Math.log(ZIG_V / x[i - 1] + f));
    f = Math.exp(-0.5 * x[i] * x[i]);
  }
  const t = new Float64Array(2 * c + 1);
  for (let i = 0; i <= c; i++) t[2 * i] = x[i];
  for (let i = 0; i < c; i++) t[2 * i + 1] = x[i + 1] / x[i];
  cached = t;
  return t;
}

let cachedSingle: Float32Array | null = null;

/**
 * The fast path's pairs (X[i], R[i]), i < 256, rounded to f32: the table the pacing kernel builds
 * from zigguratTables() (assembly/random/lane-fill.ts singleZigguratTable). Cached; do not mutate.
 */
export function singleZigguratTable(): Float32Array {
  if (!cachedSingle) cachedSingle = Float32Array.from(zigguratTables().subarray(0, 2 * ZIGGURAT_LAYERS));
  return cachedSingle;
}
