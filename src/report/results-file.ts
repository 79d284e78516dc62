/**
 * Reads a study's results.json for rendering: "-inf"/"inf" strings (how toJson writes
 * ±∞, reference-scenarios.md RS-1 "Result file") come back as numbers. Errors name the file
 * and what is wrong, in the house grammar.
 */
import { readFileSync } from "node:fs";
import { UsageError } from "../errors.ts";

/**
 * @throws UsageError when the file cannot be read, is not JSON, or does not hold a JSON object
 */
export function readResultsFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new UsageError(`${path}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}) — re-run the study that writes it`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text, (_k, v) => (v === "-inf" ? -Infinity : v === "inf" ? Infinity : v));
  } catch (e) {
    throw new UsageError(`${path}: is not valid JSON (${(e as Error).message}) — re-run the study or fix the file`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new UsageError(`${path}: must hold a JSON object (a study's results document); got ${Array.isArray(value) ? "an array" : typeof value === "object" ? "null" : typeof value} — re-run the study`);
  }
  return value as Record<string, unknown>;
}
