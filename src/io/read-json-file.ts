/** Reads a JSON file with errors that name the file and the problem. */
import { readFileSync } from "node:fs";
import { UsageError } from "../errors.ts";

export function readJsonFile(path: string, what = "file"): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new UsageError(`${what} ${path}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}) — check the path`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${what} ${path}: is not valid JSON (${(e as Error).message}) — fix the syntax`);
  }
}
