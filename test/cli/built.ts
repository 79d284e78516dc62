/** Shared by the tests of the built commands and package: runs dist/ and checks it is current. */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { staleBuildReason } from "../../src/cli/build-stamp.ts";

/** Fails the calling suite with the rebuild command when dist/ is missing or stale (npm test builds first). */
export function requireCurrentBuild(): void {
  const reason = staleBuildReason();
  if (reason) throw new Error(`the built commands are not current: ${reason}`);
}

/** Runs the built `pacing` with `args` (cwd: the project). */
export function pacing(args: string[], cwd = process.cwd()): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ["dist/pacing.js", ...args], { cwd, encoding: "utf8" });
}

/** Runs a TypeScript file or module through tsx (the development path). */
export function tsx(args: string[], cwd = process.cwd()): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ["--import", "tsx", ...args], { cwd, encoding: "utf8" });
}

/** A stack trace line, which no user-facing error may print. */
export const STACK_LINE = /^\s+at .+[:(]/m;
