/**
 * The build stamp's check: a stat per source while they are untouched since the build, the
 * sources' hash as soon as one file's size, modification or change time differs.
 */
import { describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { STAMP_FILE, fileStat, hashSources, staleBuildReason, type BuildStamp } from "../../src/cli/build-stamp.ts";

const BUILT_AT = new Date("2026-01-01T00:00:00Z");

/** A package root with two sources and a stamp of them (stats taken as the build takes them). */
function builtRoot(): { root: string; stamp: BuildStamp; write: (s: BuildStamp) => void } {
  const root = mkdtempSync(join("out", "test-build-stamp-"));
  mkdirSync(join(root, "dist"));
  mkdirSync(join(root, "src"));
  const files = ["src/a.ts", "src/b.ts"];
  writeFileSync(join(root, files[0]), "export const a = 1;\n");
  writeFileSync(join(root, files[1]), "export const b = 2;\n");
  for (const f of files) utimesSync(join(root, f), BUILT_AT, BUILT_AT); // whole seconds: a time utimes can set back exactly
  const stats = files.map((f) => fileStat(join(root, f))!);
  const stamp: BuildStamp = { hash: hashSources(root, files), files, stats };
  const write = (s: BuildStamp) => writeFileSync(join(root, STAMP_FILE), JSON.stringify(s));
  write(stamp);
  return { root, stamp, write };
}

describe("staleBuildReason", () => {
  it("trusts untouched sources without hashing them: a stamp whose stats match is current even with another hash", () => {
    const { root, stamp, write } = builtRoot();
    expect(staleBuildReason(root)).toBeNull();
    write({ ...stamp, hash: "0".repeat(64) });
    expect(staleBuildReason(root)).toBeNull();
  });

  it("hashes as soon as a file's modification time differs: the same bytes are current, a wrong hash is stale", () => {
    const { root, stamp, write } = builtRoot();
    const later = new Date(statSync(join(root, "src/a.ts")).mtimeMs + 5000);
    utimesSync(join(root, "src/a.ts"), later, later);
    expect(staleBuildReason(root)).toBeNull();
    write({ ...stamp, hash: "0".repeat(64) });
    expect(staleBuildReason(root)).toMatch(/the sources changed since the last build \(2 files under src\/\)/);
  });

  it("sees an edit of the same size whose modification time was set back (the change time moved)", () => {
    const { root } = builtRoot();
    writeFileSync(join(root, "src/b.ts"), "export const b = 3;\n");
    utimesSync(join(root, "src/b.ts"), BUILT_AT, BUILT_AT);
    expect(statSync(join(root, "src/b.ts")).mtimeMs).toBe(BUILT_AT.getTime());
    expect(staleBuildReason(root)).toMatch(/the sources changed since the last build/);
  });

  it("hashes a stamp written without stats (an older build)", () => {
    const { root, stamp, write } = builtRoot();
    write({ hash: stamp.hash, files: stamp.files });
    expect(staleBuildReason(root)).toBeNull();
    writeFileSync(join(root, "src/a.ts"), "export const a = 2;\n");
    expect(staleBuildReason(root)).toMatch(/the sources changed/);
  });

  it("names a missing source", () => {
    const { root, stamp, write } = builtRoot();
    write({ ...stamp, files: [...stamp.files, "src/gone.ts"], stats: [...stamp.stats!, "1:2:3"] });
    expect(staleBuildReason(root)).toMatch(/source src\/gone\.ts is missing — run `npm run build`/);
  });
});
