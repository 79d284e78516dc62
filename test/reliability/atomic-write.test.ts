/**
 * Fault catalogue — an interrupted run never leaves a half-written results.json: a process
 * rewriting it in a loop is SIGKILLed at arbitrary moments, and the file is always one
 * complete version (or absent before the first write completes).
 */
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { killWriterAfter } from "./helpers.ts";

const killMidWrite = (dir: string, afterVersions: number, extraMs: number) => killWriterAfter("write-loop.ts", dir, afterVersions, extraMs);

describe("atomic results.json", () => {
  it("a process killed while writing leaves the previous complete file, never a partial one", async () => {
    const dir = mkdtempSync(join("out", "test-atomic-"));
    for (const [after, ms] of [[1, 0], [2, 5]]) {
      const seen = await killMidWrite(dir, after, ms);
      expect(existsSync(join(dir, "results.json"))).toBe(true);
      const doc = JSON.parse(readFileSync(join(dir, "results.json"), "utf8")); // throws on a torn file
      expect(doc.version).toBeGreaterThanOrEqual(seen); // the last completed version, or the one after it
      expect(doc.pad.length).toBe(4 << 20);
    }
  });
});
