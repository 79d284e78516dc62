/** A worker starting up removes the shard folders of workers that are gone, and only those. */
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { join, resolve } from "node:path";
import { sweepOrphanFolders } from "../../src/queue/shard-worker.ts";

describe("sweepOrphanFolders", () => {
  it("removes pacing-shard-<pid>-… folders whose pid no longer runs and keeps the rest", () => {
    const root = mkdtempSync(resolve("out", "test-sweep-"));
    const dead = spawnSync(process.execPath, ["-e", ""]).pid!; // has exited
    const gone = join(root, `pacing-shard-${dead}-0123456789abcdef-1-AbCdEf`);
    const live = join(root, `pacing-shard-${process.ppid}-0123456789abcdef-2-AbCdEf`);
    const mine = join(root, `pacing-shard-${process.pid}-0123456789abcdef-3-AbCdEf`);
    const other = join(root, "something-else");
    for (const d of [gone, live, mine, other]) mkdirSync(join(d, "inputs"), { recursive: true });
    expect(sweepOrphanFolders(root)).toEqual([gone]);
    expect([gone, live, mine, other].map(existsSync)).toEqual([false, true, true, true]);
  });
});
