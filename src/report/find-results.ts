/** Finds every results.json under a folder (depth-first, sorted, skipping hidden folders and node_modules). */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "../errors.ts";

/**
 * @param root folder to search
 * @throws UsageError when `root` is not a readable folder
 */
export function findResultsFiles(root: string): string[] {
  let isDir = false;
  try { isDir = statSync(root).isDirectory(); } catch { /* reported below */ }
  if (!isDir) throw new UsageError(`--out-dir ${root}: is not a folder — run a study first (e.g. npm start writes out/rs1) or pass the folder that holds them`);
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name === "results.json") found.push(path);
    }
  };
  walk(root);
  return found;
}
