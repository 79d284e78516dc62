/**
 * Fault catalogue — an interrupted run never leaves a mixed set of outputs: the files of a
 * run are written as one set (writeOutputSet), and a reader (checkOutputSet) either finds
 * one complete set or learns that the write was interrupted.
 */
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, existsSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { killWriterAfter } from "./helpers.ts";
import { writeOutputSet, checkOutputSet, replaceInOutputSet, MANIFEST_FILE } from "../../src/io/write-output-set.ts";

const killMidSet = (dir: string, afterVersions: number, extraMs: number) => killWriterAfter("write-set-loop.ts", dir, afterVersions, extraMs);
const versionOf = (dir: string) => [
  JSON.parse(readFileSync(join(dir, "results.json"), "utf8")).version,
  Number(/version (\d+)/.exec(readFileSync(join(dir, "report.html"), "utf8"))![1]),
];

describe("output sets", () => {
  it("a process killed while writing leaves one complete set, or a set its reader knows is incomplete — never a silent mix", async () => {
    for (const [after, ms] of [[1, 0], [2, 3], [2, 11]]) {
      const dir = mkdtempSync(join("out", "test-output-set-"));
      await killMidSet(dir, after, ms);
      const state = checkOutputSet(dir);
      if (state.state === "complete") {
        const [a, b] = versionOf(dir);
        expect(a, `results.json and report.html of one version (${JSON.stringify(state)})`).toBe(b);
      } else {
        expect(state.state).toBe("incomplete");
      }
      writeOutputSet(dir, { "results.json": JSON.stringify({ version: 0 }), "report.html": "<!-- version 0 -->" }); // the next run repairs it
      expect(checkOutputSet(dir)).toEqual({ state: "complete", files: ["results.json", "report.html"] });
      expect(existsSync(join(dir, `.staging-${process.pid}`))).toBe(false);
    }
  });

  it("a new set replaces the previous one whole: files it lacks go, unrelated files stay", () => {
    const dir = mkdtempSync(join("out", "test-output-set-"));
    writeFileSync(join(dir, "notes.txt"), "mine");
    writeOutputSet(dir, { "profile.json": "{\"a\":1}", "recommendation.json": "{}", "report.html": "full" });
    writeOutputSet(dir, { "profile.json": "{\"a\":2}", "report.html": "profile only" });
    expect(existsSync(join(dir, "recommendation.json"))).toBe(false);
    expect(readFileSync(join(dir, "notes.txt"), "utf8")).toBe("mine");
    expect(checkOutputSet(dir)).toEqual({ state: "complete", files: ["profile.json", "report.html"] });
  });

  it("rewriting one file of a set (npm run report re-rendering report.html) keeps the set complete", () => {
    const dir = mkdtempSync(join("out", "test-output-set-"));
    writeOutputSet(dir, { "results.json": "{\"v\":1}", "report.html": "v1" });
    replaceInOutputSet(dir, "report.html", "v1, re-rendered");
    replaceInOutputSet(dir, "index.html", "not in the set");
    expect(readFileSync(join(dir, "report.html"), "utf8")).toBe("v1, re-rendered");
    expect(checkOutputSet(dir)).toEqual({ state: "complete", files: ["results.json", "report.html"] });
  });

  it("a reader names the file that does not belong to the set, and an interrupted write", () => {
    const dir = mkdtempSync(join("out", "test-output-set-"));
    writeOutputSet(dir, { "results.json": "{\"v\":1}", "report.html": "v1" });
    writeFileSync(join(dir, "report.html"), "v0"); // an old report beside the new results
    expect(checkOutputSet(dir)).toEqual({ state: "incomplete", reason: `${join(dir, "report.html")} is not the file of this set (its content differs from ${MANIFEST_FILE}) — run again to rewrite the outputs` });
    const other = mkdtempSync(join("out", "test-output-set-"));
    mkdirSync(join(other, ".staging-999999999"));
    writeFileSync(join(other, "results.json"), "{}");
    expect(checkOutputSet(other)).toMatchObject({ state: "incomplete", reason: expect.stringMatching(/\.staging-999999999 is left from an interrupted write and outputs\.json is missing/) });
    expect(checkOutputSet(mkdtempSync(join("out", "test-output-set-")))).toEqual({ state: "unmanaged" });
  });

  it("a file given in parts is written as the parts one after another, and listed with the hash of those bytes", () => {
    const dir = mkdtempSync(join("out", "test-output-set-"));
    const parts = [Buffer.from("<head>"), Buffer.alloc(100_000, 120), new Uint8Array(0), Buffer.from("</tail>")];
    writeOutputSet(dir, { "report.html": parts, "results.json": "{}" });
    const joined = Buffer.concat(parts);
    expect(readFileSync(join(dir, "report.html")).equals(joined)).toBe(true);
    const manifest = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), "utf8"));
    expect(manifest.files["report.html"]).toBe(createHash("sha256").update(joined).digest("hex"));
    expect(checkOutputSet(dir).state).toBe("complete");
  });
});
