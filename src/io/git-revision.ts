/**
 * The git revision of the working tree ("<sha>", "<sha>-dirty", or "unknown" outside git),
 * stamped on every result.
 *
 * The commit is read from the repository's files (head-commit.ts) rather than by spawning
 * `git rev-parse`; whether tracked files changed needs git itself (`git status`, which also
 * refreshes the index's stat data). `gitRevisionAsync` runs that check as a child process while
 * the caller works (the pacing run starts it before the simulation), so a run does not wait
 * for it at the end; `gitRevision` waits for it.
 */
import { createRequire } from "node:module";
import { headCommit } from "./head-commit.ts";

/**
 * node:child_process, loaded when a revision is first asked for, not when this module is:
 * Node compiles it on first use (20-30 ms), which `pacing run` pays while it simulates.
 */
const childProcess = (): typeof import("node:child_process") => createRequire(import.meta.url)("node:child_process");

/** Lists modified tracked files (empty output: clean). */
const STATUS_ARGS = ["status", "--porcelain", "--untracked-files=no"];
const SHORT = 12;

/** The revision stamp, waiting for `git status`. */
export function gitRevision(cwd = process.cwd()): string {
  try {
    const sha = headCommit(cwd) ?? childProcess().execFileSync("git", ["rev-parse", "HEAD"], { cwd, stdio: ["ignore", "pipe", "ignore"] }).toString().trim();
    const dirty = childProcess().execFileSync("git", STATUS_ARGS, { cwd, stdio: ["ignore", "pipe", "ignore"] }).toString().trim();
    return stamp(sha, dirty);
  } catch {
    return "unknown";
  }
}

/** The revision stamp, with `git status` running as a child process until the promise is awaited. */
export function gitRevisionAsync(cwd = process.cwd()): Promise<string> {
  const run = (args: string[]) => new Promise<string>((resolve, reject) => {
    childProcess().execFile("git", args, { cwd }, (error, stdout) => (error ? reject(error) : resolve(stdout.trim())));
  });
  let sha: string | null;
  try {
    sha = headCommit(cwd);
  } catch {
    sha = null;
  }
  return Promise.all([sha ?? run(["rev-parse", "HEAD"]), run(STATUS_ARGS)]).then(([s, dirty]) => stamp(s, dirty), () => "unknown");
}

/** "<first 12 hex digits>" or "…-dirty"; "unknown" when `sha` is not a full commit id. */
function stamp(sha: string, dirty: string): string {
  if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(sha)) return "unknown";
  return dirty ? `${sha.slice(0, SHORT)}-dirty` : sha.slice(0, SHORT);
}
