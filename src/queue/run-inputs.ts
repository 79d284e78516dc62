/**
 * What identifies a queued run, and the input files it carries to the workers.
 *
 * A run is keyed by what it computes, not by how it was spelled: the study, its flags with
 * every file they name replaced by the file's canonical content (JSON re-serialised with
 * sorted keys, so reformatting does not matter; other files byte for byte), the shard
 * count, and the git revision of the checkout (which holds the presets and the engine).
 * Editing a --config file therefore starts a new run instead of resuming the old one.
 *
 * The files travel inside the job (workers on other machines, or in another folder, read
 * the coordinator's version, not their own): the worker writes them to its shard folder
 * and passes that copy to the study (materializeInputs).
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { gitRevision } from "../io/git-revision.ts";
import { UsageError } from "../errors.ts";

/** A file named by one of the study's flags. */
export interface InputFile {
  /** index in the flags of the token naming the file */
  arg: number;
  /** what precedes the path in that token ("" or e.g. "--config=") */
  prefix: string;
  /** the file's base name (kept so messages still name it) */
  name: string;
  content: string;
}

/** Largest input file the queue carries, bytes (a scenario is a few kB). */
export const MAX_INPUT_FILE_BYTES = 8 * 1024 * 1024;

/** Version of the key derivation: bump it when the recipe changes. */
const KEY_VERSION = 2;

/**
 * The run id (16 hex digits) and the input files of `study` run with `args` in `count` shards.
 * @param cwd folder relative paths in `args` are resolved against
 * @throws UsageError when a file named by a flag exceeds MAX_INPUT_FILE_BYTES
 */
export function queuedRunKey(study: string, args: string[], count: number, cwd = process.cwd()): { runId: string; files: InputFile[] } {
  const files: InputFile[] = [];
  args.forEach((token, arg) => {
    const eq = token.startsWith("--") ? token.indexOf("=") : -1;
    const prefix = eq >= 0 ? token.slice(0, eq + 1) : "", path = resolve(cwd, token.slice(prefix.length));
    if (token.slice(prefix.length) === "" || !existsSync(path) || !statSync(path).isFile()) return;
    const size = statSync(path).size;
    if (size > MAX_INPUT_FILE_BYTES) throw new UsageError(`queue: ${token.slice(prefix.length)} is ${size} bytes; the queue carries input files up to ${MAX_INPUT_FILE_BYTES} bytes — run the study directly with --shard i/N and npm run merge`);
    files.push({ arg, prefix, name: basename(path), content: readFileSync(path, "utf8") });
  });
  const keyed = args.map((token, i) => {
    const f = files.find((x) => x.arg === i);
    return f ? `${f.prefix}<file sha256 ${sha256(canonicalContent(f.content))}>` : token;
  });
  const runId = sha256(JSON.stringify([KEY_VERSION, study, keyed, count, gitRevision()])).slice(0, 16);
  return { runId, files };
}

/** The study's flags with each input file replaced by a copy written under `dir`. */
export function materializeInputs(args: string[], files: InputFile[], dir: string): string[] {
  const out = [...args];
  if (files.length === 0) return out;
  mkdirSync(join(dir, "inputs"), { recursive: true });
  files.forEach((f, k) => {
    const path = join(dir, "inputs", `${k}-${f.name}`);
    writeFileSync(path, f.content);
    out[f.arg] = f.prefix + path;
  });
  return out;
}

/** JSON text re-serialised with sorted keys; any other text as is. */
export function canonicalContent(text: string): string {
  try {
    return JSON.stringify(sortKeys(JSON.parse(text)));
  } catch {
    return text;
  }
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === "object") return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  return v;
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
