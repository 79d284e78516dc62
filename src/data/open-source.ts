/**
 * Checks a price file's path before reading it, so a missing file, a folder or an unreadable
 * file is refused in words (naming the path and the fix), not with the system's ENOENT text.
 */
import { accessSync, constants, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import type { CsvSource } from "./csv.ts";
import { fail } from "../errors.ts";

/**
 * The source to read: `text` when given (then `path` is only a label), else the file `path`.
 * @throws RangeError when the file does not exist, is a folder, or cannot be read
 */
export function openSource(path: string, text?: string): CsvSource {
  if (text !== undefined) return { text };
  const fix = "pass a CSV price file, e.g. ../shared/data/btc-usd_yahoo_1d.clean.csv";
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") fail(RangeError, path, `no such file (looked for ${resolve(path)})`, `check the path; ${fix}`);
    throw e;
  }
  if (isDir) {
    const csv = safeList(path).filter((f) => f.toLowerCase().endsWith(".csv")).sort();
    fail(RangeError, path, "is a folder, not a price file", csv.length > 0 ? `pass one file in it, e.g. ${join(path, csv[0])} (${csv.length} CSV files there)` : fix);
  }
  try {
    accessSync(path, constants.R_OK);
  } catch {
    fail(RangeError, path, "cannot be read (permission denied)", "check the file's permissions or copy it somewhere readable");
  }
  return { path };
}

function safeList(dir: string): string[] {
  try { return readdirSync(dir); } catch { return []; }
}
