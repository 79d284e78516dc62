import { spawn } from "node:child_process";

/** Walks a results document and lists every number that is NaN (there must be none). */
export function nanPaths(value: unknown, path = "results"): string[] {
  if (typeof value === "number") return Number.isNaN(value) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => nanPaths(v, `${path}[${i}]`));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => nanPaths(v, `${path}.${k}`));
  return [];
}

/**
 * Runs a writer fixture (test/reliability/fixtures/<fixture>, which rewrites its outputs in a
 * loop and prints a line per version) on `dir`, and SIGKILLs it `extraMs` after it has printed
 * `afterVersions` lines. Resolves with the number of versions it reported.
 */
export function killWriterAfter(fixture: string, dir: string, afterVersions: number, extraMs: number): Promise<number> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ["--import", "tsx", `test/reliability/fixtures/${fixture}`, dir], { stdio: ["ignore", "pipe", "inherit"] });
    let seen = 0;
    child.stdout!.on("data", (b: Buffer) => {
      seen += b.toString().split("\n").filter(Boolean).length;
      if (seen >= afterVersions && child.exitCode === null && !child.killed) setTimeout(() => child.kill("SIGKILL"), extraMs);
    });
    child.on("exit", () => done(seen));
  });
}
