/**
 * Writes a file atomically: to a temporary name in the same folder, then a rename, so an
 * interrupted run never leaves a half-written results.json behind.
 */
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, basename } from "node:path";

export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  writeFileSync(tmp, content);
  renameSync(tmp, path);
}

/** JSON with −∞/+∞ written as the strings "-inf"/"inf" (reference-scenarios.md, RS-1 "Result file"). */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (v === -Infinity ? "-inf" : v === Infinity ? "inf" : v), 2) + "\n";
}
