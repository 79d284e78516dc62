/**
 * Small shape checks for results documents: each returns the problems it finds as
 * "<path>: <what is wrong>" strings (empty when the shape is right), so a renderer can list
 * every problem with a file at once rather than failing on the first.
 */

export type Problems = string[];

/** The value at a dotted path, or undefined. */
export function at(doc: unknown, path: string): unknown {
  let v: unknown = doc;
  for (const key of path.split(".")) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** Describes a value's JSON type for a message: "missing", "a string", "null", "an array"… */
export function kindOf(v: unknown): string {
  if (v === undefined) return "missing";
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  return typeof v === "object" ? "an object" : `a ${typeof v} (${JSON.stringify(v)?.slice(0, 40)})`;
}

/** Requires `path` to be a number (±∞ allowed: results files write them as "-inf"/"inf"). */
export function needNumber(doc: unknown, path: string, problems: Problems): void {
  const v = at(doc, path);
  if (typeof v !== "number" || Number.isNaN(v)) problems.push(`${path}: must be a number; got ${kindOf(v)}`);
}

/** Requires `path` to be a string. */
export function needString(doc: unknown, path: string, problems: Problems): void {
  const v = at(doc, path);
  if (typeof v !== "string") problems.push(`${path}: must be a string; got ${kindOf(v)}`);
}

/** Requires `path` to be a non-array object; returns it (or null). */
export function needObject(doc: unknown, path: string, problems: Problems, nonEmpty = false): Record<string, unknown> | null {
  const v = at(doc, path);
  if (v === null || typeof v !== "object" || Array.isArray(v)) {
    problems.push(`${path}: must be an object; got ${kindOf(v)}`);
    return null;
  }
  if (nonEmpty && Object.keys(v).length === 0) problems.push(`${path}: must not be empty`);
  return v as Record<string, unknown>;
}

/** Requires an estimate `{estimate, lo, hi}` whose fields are numbers or null. */
export function needEstimate(doc: unknown, path: string, problems: Problems): void {
  const e = needObject(doc, path, problems);
  if (!e) return;
  for (const k of ["estimate", "lo", "hi"]) {
    const v = e[k];
    if (v !== null && (typeof v !== "number" || Number.isNaN(v))) problems.push(`${path}.${k}: must be a number or null; got ${kindOf(v)}`);
  }
}
