/**
 * BlockSummary ⇄ JSON, losslessly: every double keeps its bits (f64-codec.ts), so blocks
 * read back from shard files fold to exactly the results of the run that computed them.
 */
import { emptyStats, PER_PATH, type BlockSummary, type SchemeBlockStats } from "../engine/block-summary.ts";
import { encodeF64, decodeF64, encodeNumber, decodeNumber } from "./f64-codec.ts";
import { UsageError } from "../errors.ts";

/** JSON form of a BlockSummary (opaque; produced by encodeBlockSummary). */
export type EncodedBlockSummary = Record<string, unknown>;

/** The BlockSummary as plain JSON data. */
export function encodeBlockSummary(b: BlockSummary): EncodedBlockSummary {
  return encodeValue(b) as EncodedBlockSummary;
}

/**
 * Inverse of encodeBlockSummary, checking the shape against `nSchemes`.
 * @param what names the block in error messages (e.g. "a/shard.json: summaries[3]")
 * @throws UsageError when a field is missing or of the wrong kind
 */
export function decodeBlockSummary(v: unknown, nSchemes: number, what: string): BlockSummary {
  const o = asObject(v, what);
  const int = (k: string) => {
    const x = o[k];
    if (typeof x !== "number" || !Number.isInteger(x) || x < 0) throw new UsageError(`${what}.${k}: must be an integer ≥ 0; got ${JSON.stringify(x)} — the shard file is damaged, re-run that shard`);
    return x;
  };
  const blockIndex = int("blockIndex"), firstPath = int("firstPath"), nPaths = int("nPaths");
  const schemes = asArray(o.schemes, `${what}.schemes`, nSchemes).map((s, i) => decodeLike(emptyStats(), s, `${what}.schemes[${i}]`) as SchemeBlockStats);
  // the per-path arrays (logGrowth, maxDrawdown, terminalReturn); maxDrawdown is empty when path risk was off
  const [logGrowth, maxDrawdown, terminalReturn] = PER_PATH.map((k) => asArray(o[k], `${what}.${k}`, nSchemes).map((g, i) => {
    const arr = decodeF64(asObject(g, `${what}.${k}[${i}]`).f64, `${what}.${k}[${i}]`);
    if (arr.length !== nPaths && !(k === "maxDrawdown" && arr.length === 0)) throw new UsageError(`${what}.${k}[${i}]: holds ${arr.length} paths, the block has ${nPaths} — the shard file is damaged, re-run that shard`);
    return arr;
  }));
  return { blockIndex, firstPath, nPaths, schemes, logGrowth, maxDrawdown, terminalReturn };
}

function encodeValue(v: unknown): unknown {
  if (typeof v === "number") return encodeNumber(v);
  if (v instanceof Float64Array) return { f64: encodeF64(v) };
  if (Array.isArray(v)) return v.map(encodeValue);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, encodeValue(x)]));
  return v;
}

/** Decodes `v` into the shape of `template` (numbers, Float64Arrays of any length and nested objects only). */
function decodeLike(template: unknown, v: unknown, what: string): unknown {
  if (typeof template === "number") return decodeNumber(v, what);
  if (template instanceof Float64Array) return decodeF64(asObject(v, what).f64, what);
  const t = template as Record<string, unknown>, o = asObject(v, what);
  return Object.fromEntries(Object.keys(t).map((k) => [k, decodeLike(t[k], o[k], `${what}.${k}`)]));
}

function asObject(v: unknown, what: string): Record<string, unknown> {
  if (!v || typeof v !== "object" || Array.isArray(v)) throw new UsageError(`${what}: must be an object; got ${JSON.stringify(v)?.slice(0, 40)} — the shard file is damaged, re-run that shard`);
  return v as Record<string, unknown>;
}

function asArray(v: unknown, what: string, length: number): unknown[] {
  if (!Array.isArray(v) || v.length !== length) throw new UsageError(`${what}: must be a list of ${length} (one per scheme) — the shard file is damaged, re-run that shard`);
  return v;
}
