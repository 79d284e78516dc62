/**
 * Whether a module is the script node was started with (`npx tsx studies/x.ts`), so a study
 * runs its `main()` only then and can still be imported by tests. Compares file paths, not
 * URL strings: `import.meta.url` percent-encodes spaces and other characters, so the old test
 * `import.meta.url === \`file://${process.argv[1]}\`` was false in a checkout whose path has a
 * space, and the study silently did nothing. Symlinks are resolved on both sides.
 */
import { realpathSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** @param moduleUrl the caller's `import.meta.url` */
export function isMainModule(moduleUrl: string, argv1: string | undefined = process.argv[1]): boolean {
  if (!argv1) return false;
  const real = (p: string) => { try { return realpathSync(p); } catch { return p; } };
  return real(fileURLToPath(moduleUrl)) === real(resolve(argv1));
}
