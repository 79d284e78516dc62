/**
 * The commit checked out in a working tree, read from the repository's files the way git
 * resolves HEAD: the nearest `.git` at or above the folder (a folder, or a file
 * `gitdir: PATH` for a linked worktree or a submodule, whose `commondir` names the shared
 * repository), then HEAD — a commit id (detached) or `ref: refs/heads/NAME` — and the ref as a
 * loose file or a line of `packed-refs`. About a millisecond, against ≈ 30 ms for spawning
 * `git rev-parse HEAD`.
 *
 * Returns null wherever git's own answer could differ (GIT_DIR or GIT_WORK_TREE set, a
 * reftable repository, a ref not found, a symbolic-ref chain deeper than five): the caller
 * then asks git.
 */
import { readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";

const COMMIT = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

/**
 * The full commit id of HEAD for the working tree containing `cwd`, or null (see above).
 * @throws nothing: unreadable files give null
 */
export function headCommit(cwd: string): string | null {
  if (process.env.GIT_DIR || process.env.GIT_WORK_TREE || process.env.GIT_COMMON_DIR) return null;
  try {
    const gitDir = findGitDir(resolve(cwd));
    if (gitDir === null) return null;
    const common = readOptional(join(gitDir, "commondir"));
    const commonDir = common === null ? gitDir : absolute(gitDir, common.trim());
    let head = readFileSync(join(gitDir, "HEAD"), "utf8").trim();
    for (let depth = 0; depth < 5; depth++) {
      if (COMMIT.test(head)) return head;
      const m = /^ref: (refs\/\S+)$/.exec(head);
      if (!m || m[1] === "refs/heads/.invalid") return null; // .invalid: a reftable repository
      const next = readOptional(join(gitDir, m[1])) ?? readOptional(join(commonDir, m[1])) ?? packedRef(commonDir, m[1]);
      if (next === null) return null;
      head = next.trim();
    }
    return null;
  } catch {
    return null;
  }
}

/** The git directory of the repository containing `dir` (walking up), or null outside one. */
function findGitDir(dir: string): string | null {
  for (let d = dir; ; d = dirname(d)) {
    const dotGit = join(d, ".git");
    const st = statSync(dotGit, { throwIfNoEntry: false });
    if (st?.isDirectory()) return dotGit;
    if (st?.isFile()) {
      const m = /^gitdir: (.+)$/m.exec(readFileSync(dotGit, "utf8"));
      return m ? absolute(d, m[1].trim()) : null;
    }
    if (dirname(d) === d) return null;
  }
}

/** The commit a `packed-refs` line gives `ref`, or null. */
function packedRef(commonDir: string, ref: string): string | null {
  const packed = readOptional(join(commonDir, "packed-refs"));
  if (packed === null) return null;
  for (const line of packed.split("\n")) {
    const [sha, name] = line.split(" ");
    if (name === ref && COMMIT.test(sha)) return sha;
  }
  return null;
}

function absolute(base: string, path: string): string {
  return isAbsolute(path) ? path : join(base, path);
}

function readOptional(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null;
  }
}
