/** Walks a results document and lists every number that is NaN (there must be none). */
export function nanPaths(value: unknown, path = "results"): string[] {
  if (typeof value === "number") return Number.isNaN(value) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => nanPaths(v, `${path}[${i}]`));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => nanPaths(v, `${path}.${k}`));
  return [];
}
