/**
 * Lossless text encodings of doubles for shard files: a Float64Array as base64 of its
 * little-endian bytes (keeps −∞, NaN and −0), and single numbers as JSON numbers except
 * the values JSON cannot hold (−∞, +∞, NaN, −0), which become the strings
 * "-inf", "inf", "nan", "-0".
 */
import { UsageError } from "../errors.ts";

const LITTLE_ENDIAN = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f;

/** Base64 of the IEEE-754 little-endian bytes of `values`. */
export function encodeF64(values: Float64Array): string {
  const bytes = Buffer.from(values.buffer, values.byteOffset, values.byteLength);
  if (LITTLE_ENDIAN) return bytes.toString("base64");
  return Buffer.from(bytes).swap64().toString("base64");
}

/**
 * Inverse of encodeF64.
 * @param what names the field in the error message
 * @throws UsageError when the text is not base64 of a whole number of doubles
 */
export function decodeF64(text: unknown, what: string): Float64Array {
  if (typeof text !== "string" || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) {
    throw new UsageError(`${what}: must be base64 text of doubles; got ${typeof text} — the shard file is damaged, re-run that shard`);
  }
  const bytes = Buffer.from(text, "base64");
  if (bytes.length % 8 !== 0) throw new UsageError(`${what}: ${bytes.length} bytes is not a whole number of doubles — the shard file is damaged, re-run that shard`);
  const out = new Float64Array(bytes.length / 8);
  const view = Buffer.from(out.buffer);
  bytes.copy(view);
  if (!LITTLE_ENDIAN) view.swap64();
  return out;
}

/** A double as a JSON value: the number, or "-inf"/"inf"/"nan"/"-0". */
export function encodeNumber(x: number): number | string {
  if (Number.isFinite(x)) return Object.is(x, -0) ? "-0" : x;
  return Number.isNaN(x) ? "nan" : x > 0 ? "inf" : "-inf";
}

/**
 * Inverse of encodeNumber.
 * @throws UsageError for anything else
 */
export function decodeNumber(v: unknown, what: string): number {
  if (typeof v === "number") return v;
  switch (v) {
    case "-inf": return -Infinity;
    case "inf": return Infinity;
    case "nan": return NaN;
    case "-0": return -0;
  }
  throw new UsageError(`${what}: must be a number; got ${JSON.stringify(v)?.slice(0, 40)} — the shard file is damaged, re-run that shard`);
}
