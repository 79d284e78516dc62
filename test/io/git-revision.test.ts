/**
 * The revision stamp: HEAD read from the repository's files is git's own answer (loose and
 * packed refs, detached, linked worktrees, subfolders); "-dirty" when a tracked file changed;
 * "unknown" outside git or before the first commit; the asynchronous form gives the same.
 */
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { appendFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { headCommit } from "../../src/io/head-commit.ts";
import { gitRevision, gitRevisionAsync } from "../../src/io/git-revision.ts";

const git = (cwd: string, ...args: string[]) =>
  execFileSync("git", ["-c", "user.name=test", "-c", "user.email=test@example.com", "-c", "init.defaultBranch=main", ...args], { cwd, stdio: ["ignore", "pipe", "ignore"] }).toString().trim();

/** A repository outside the project with two commits on main and a tracked file. */
function scratchRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), "git-revision-"));
  git(dir, "init", "-q");
  writeFileSync(join(dir, "a.txt"), "one\n");
  mkdirSync(join(dir, "sub", "deeper"), { recursive: true });
  git(dir, "add", "a.txt");
  git(dir, "commit", "-q", "-m", "one");
  appendFileSync(join(dir, "a.txt"), "two\n");
  git(dir, "commit", "-q", "-am", "two");
  return dir;
}

describe("headCommit", () => {
  it("is git's HEAD in this checkout", () => {
    expect(headCommit(process.cwd())).toBe(git(process.cwd(), "rev-parse", "HEAD"));
  });

  it("is git's HEAD for a loose ref, a packed ref, a loose ref beside a stale packed one, a detached HEAD, from a subfolder", () => {
    const dir = scratchRepo();
    expect(headCommit(dir)).toBe(git(dir, "rev-parse", "HEAD"));
    git(dir, "pack-refs", "--all");
    expect(headCommit(join(dir, "sub", "deeper"))).toBe(git(dir, "rev-parse", "HEAD"));
    appendFileSync(join(dir, "a.txt"), "three\n");
    git(dir, "commit", "-q", "-am", "three"); // a loose ref again, newer than its packed line
    expect(headCommit(dir)).toBe(git(dir, "rev-parse", "HEAD"));
    git(dir, "checkout", "-q", "--detach", "HEAD~1");
    expect(headCommit(dir)).toBe(git(dir, "rev-parse", "HEAD"));
    expect(headCommit(dir)).not.toBe(git(dir, "rev-parse", "main"));
  });

  it("is git's HEAD in a linked worktree on its own branch (.git is a file; refs live in the common folder)", () => {
    const dir = scratchRepo();
    const wt = join(mkdtempSync(join(tmpdir(), "git-revision-wt-")), "wt");
    git(dir, "worktree", "add", "-q", "-b", "other", wt, "HEAD~1");
    expect(headCommit(wt)).toBe(git(wt, "rev-parse", "HEAD"));
    expect(headCommit(wt)).not.toBe(headCommit(dir));
  });

  it("is null before the first commit and outside a repository, so the caller asks git", () => {
    const empty = mkdtempSync(join(tmpdir(), "git-revision-empty-"));
    git(empty, "init", "-q");
    expect(headCommit(empty)).toBeNull();
    expect(headCommit(mkdtempSync(join(tmpdir(), "git-revision-none-")))).toBeNull();
  });
});

describe("gitRevision", () => {
  it("is the first 12 hex digits of HEAD, with -dirty while a tracked file differs, the same sync and async", async () => {
    const dir = scratchRepo();
    const short = git(dir, "rev-parse", "--short=12", "HEAD");
    expect(gitRevision(dir)).toBe(short);
    expect(await gitRevisionAsync(dir)).toBe(short);
    writeFileSync(join(dir, "untracked.txt"), "not tracked: still clean\n");
    expect(gitRevision(dir)).toBe(short);
    appendFileSync(join(dir, "a.txt"), "edited\n");
    expect(gitRevision(dir)).toBe(`${short}-dirty`);
    expect(await gitRevisionAsync(dir)).toBe(`${short}-dirty`);
  });

  it("is unknown outside git and before the first commit", async () => {
    const none = mkdtempSync(join(tmpdir(), "git-revision-none-"));
    expect(gitRevision(none)).toBe("unknown");
    expect(await gitRevisionAsync(none)).toBe("unknown");
    const empty = mkdtempSync(join(tmpdir(), "git-revision-empty-"));
    git(empty, "init", "-q");
    expect(gitRevision(empty)).toBe("unknown");
    expect(await gitRevisionAsync(empty)).toBe("unknown");
  });
});
