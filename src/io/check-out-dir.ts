/**
 * Checks an output folder before any work is done, so a long run does not end in EEXIST or
 * EACCES: the path must be a writable folder, or a path whose nearest existing parent is a
 * writable folder (it is created when the outputs are written).
 */
import { accessSync, constants, statSync } from "node:fs";
import { dirname } from "node:path";
import { UsageError } from "../errors.ts";

/**
 * @param dir  the output folder as the user gave it
 * @param flag the flag it came from, for messages
 * @throws UsageError when `dir` is a file, lies under a file, or is not writable
 */
export function checkOutDir(dir: string, flag = "--out"): void {
  const at = `${flag} ${dir}`;
  for (let path = dir; ; path = dirname(path)) {
    const st = statOf(path);
    if (st) {
      if (!st.isDirectory()) {
        if (path === dir) throw new UsageError(`${at}: is a file, not a folder — choose another path or remove the file`);
        throw new UsageError(`${at}: ${path} is a file, so the folder cannot be made there — choose another path`);
      }
      try {
        accessSync(path, constants.W_OK | constants.X_OK);
      } catch {
        throw new UsageError(`${at}: ${path === dir ? "the folder" : path} is not writable — choose a folder you can write to`);
      }
      return;
    }
    if (dirname(path) === path) return;
  }
}

function statOf(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
