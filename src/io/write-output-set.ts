/**
 * Writes a run's output files as one set, so that no reader — and no interruption — ever
 * meets a new results.json beside an old report.html:
 *
 * 1. every file is written into a staging folder DIR/.staging-<pid>/ (same file system);
 * 2. the previous set's manifest DIR/outputs.json is removed: from here until step 4 the
 *    folder holds no complete set, and the staging folder left behind says so;
 * 3. each staged file is renamed into DIR, and files of the previous set that the new one
 *    lacks are removed (a --profile-only run leaves no stale recommendation.json);
 * 4. the manifest — every file's name and sha256 — is written last, atomically, and the
 *    staging folder removed.
 *
 * Callers build every file's content before calling, so a failure while computing or
 * rendering leaves the previous set untouched. Files not in any set (a user's notes, PNGs
 * written later) are left alone. Readers call checkOutputSet.
 */
import { createHash } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writevSync } from "node:fs";
import { dirname, join } from "node:path";
import { writeFileAtomic } from "./write-atomic.ts";
import { processRunning } from "./process-running.ts";

/** A file's content: text (written as UTF-8), bytes, or bytes in parts written one after another (a large report is not copied into one buffer first). */
export type FileContent = string | Uint8Array | readonly Uint8Array[];

/** The manifest of a folder's output set. */
export const MANIFEST_FILE = "outputs.json";
const STAGING = /^\.staging-(\d+)$/;

/**
 * @param dir   output folder (created if missing)
 * @param files file name (relative to dir, "/" for subfolders) → content
 * @throws Error from the file system (the previous set is intact unless the failure is in step 3)
 */
export function writeOutputSet(dir: string, files: Record<string, FileContent>): void {
  mkdirSync(dir, { recursive: true });
  removeDeadStaging(dir);
  const staging = join(dir, `.staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  const hashes: Record<string, string> = {};
  for (const [name, content] of Object.entries(files)) {
    const parts = partsOf(content); // encoded once, for the write and the hash
    mkdirSync(dirname(join(staging, name)), { recursive: true });
    writeParts(join(staging, name), parts);
    hashes[name] = sha256(parts);
  }
  const previous = readManifest(dir);
  rmSync(join(dir, MANIFEST_FILE), { force: true });
  for (const name of Object.keys(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    renameSync(join(staging, name), join(dir, name));
  }
  for (const name of Object.keys(previous?.files ?? {})) if (!(name in files)) rmSync(join(dir, name), { force: true });
  writeManifest(dir, hashes);
  rmSync(staging, { recursive: true, force: true });
}

function writeManifest(dir: string, files: Record<string, string>): void {
  writeFileAtomic(join(dir, MANIFEST_FILE), JSON.stringify({ format: "output-set", version: 1, files }, null, 2) + "\n");
}

/**
 * Rewrites one file of a folder's set (e.g. `npm run report` re-rendering report.html from
 * results.json), keeping the manifest true: the file is written atomically and its hash
 * updated. A file the folder's manifest does not list is simply written atomically.
 */
export function replaceInOutputSet(dir: string, name: string, content: string | Uint8Array): void {
  const manifest = readManifest(dir);
  if (!manifest || !(name in manifest.files)) {
    writeFileAtomic(join(dir, name), content);
    return;
  }
  rmSync(join(dir, MANIFEST_FILE), { force: true });
  writeFileAtomic(join(dir, name), content);
  writeManifest(dir, { ...manifest.files, [name]: sha256(partsOf(content)) });
}

/** What checkOutputSet found. */
export type OutputSetState =
  | { state: "complete"; files: string[] }
  | { state: "incomplete"; reason: string }
  /** written before manifests existed (no manifest, no staging folder): taken as is */
  | { state: "unmanaged" };

/**
 * Whether `dir` holds one complete output set: its manifest is present and every file it
 * lists has the recorded content; or a write was interrupted (a staging folder of a process
 * that is gone, or a file whose content is not the manifest's).
 */
export function checkOutputSet(dir: string): OutputSetState {
  const manifest = readManifest(dir);
  const stale = existsSync(dir) ? readdirSync(dir).filter((n) => { const m = STAGING.exec(n); return m && !processRunning(Number(m[1])); }) : [];
  if (!manifest) {
    return stale.length ? { state: "incomplete", reason: `${join(dir, stale[0])} is left from an interrupted write and ${MANIFEST_FILE} is missing — run again to rewrite the outputs` } : { state: "unmanaged" };
  }
  for (const [name, hash] of Object.entries(manifest.files)) {
    const path = join(dir, name);
    if (!existsSync(path)) return { state: "incomplete", reason: `${path} is listed in ${MANIFEST_FILE} but missing — run again to rewrite the outputs` };
    if (sha256([readFileSync(path)]) !== hash) return { state: "incomplete", reason: `${path} is not the file of this set (its content differs from ${MANIFEST_FILE}) — run again to rewrite the outputs` };
  }
  return { state: "complete", files: Object.keys(manifest.files) };
}

function readManifest(dir: string): { files: Record<string, string> } | undefined {
  try {
    const m = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), "utf8"));
    return m && typeof m.files === "object" ? m : undefined;
  } catch {
    return undefined;
  }
}

/** Staging folders of processes that are gone (their write was interrupted). */
function removeDeadStaging(dir: string): void {
  for (const n of readdirSync(dir)) {
    const m = STAGING.exec(n);
    if (m && !processRunning(Number(m[1]))) rmSync(join(dir, n), { recursive: true, force: true });
  }
}

/** A file's content as the bytes written, in order (text as UTF-8). */
function partsOf(content: FileContent): readonly Uint8Array[] {
  return typeof content === "string" ? [Buffer.from(content, "utf8")] : content instanceof Uint8Array ? [content] : content;
}

/** SHA-256 of the parts one after another, hex. */
function sha256(parts: readonly Uint8Array[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part);
  return hash.digest("hex");
}

/** Writes `parts` one after another to a new file at `path`. */
function writeParts(path: string, parts: readonly Uint8Array[]): void {
  const fd = openSync(path, "w");
  try {
    let written = 0;
    const total = parts.reduce((a, p) => a + p.byteLength, 0);
    while (written < total) written += writevSync(fd, unwritten(parts, written));
  } finally {
    closeSync(fd);
  }
}

/** The parts after their first `skip` bytes (writev may write less than asked). */
function unwritten(parts: readonly Uint8Array[], skip: number): Uint8Array[] {
  const rest: Uint8Array[] = [];
  for (const p of parts) {
    if (skip >= p.byteLength) { skip -= p.byteLength; continue; }
    rest.push(skip > 0 ? p.subarray(skip) : p);
    skip = 0;
  }
  return rest;
}
