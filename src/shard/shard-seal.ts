/**
 * The content hash of a shard file: its text is sealed by putting the SHA-256 of the rest
 * of the text first, `{"content_sha256":"<64 hex>",…`, and checked before the text is
 * read. Any change after writing — a flipped bit, a hand-edited count, a truncated copy —
 * makes the shard refused at merge instead of silently merged. (Deliberate tampering with a
 * recomputed hash is what the semantic checks, check-block-summaries.ts, are for.)
 */
import { createHash } from "node:crypto";
import { UsageError } from "../errors.ts";

const SEAL = /^\{"content_sha256":"([0-9a-f]{64})",/;

/**
 * Seals JSON object text `body` (as JSON.stringify writes it, starting with "{").
 * @throws Error when `body` is not the text of a non-empty JSON object
 */
export function sealShardText(body: string): string {
  if (!body.startsWith("{\"")) throw new Error("sealShardText: the body must be the text of a non-empty JSON object — this is a bug");
  return `{"content_sha256":"${sha256(body)}",${body.slice(1)}`;
}

/**
 * The body of sealed `text` (see sealShardText) once its hash matches.
 * @param source names the shard in error messages
 * @throws UsageError when the seal is missing or the hash does not match the content
 */
export function unsealShardText(text: string, source: string): string {
  const m = SEAL.exec(text);
  if (!m) throw new UsageError(`${source}: no content hash at the start (content_sha256) — the shard was written by an older toolkit or edited by hand; re-run that shard`);
  const body = `{${text.slice(m[0].length)}`;
  const actual = sha256(body);
  if (actual !== m[1]) throw new UsageError(`${source}: content hash mismatch (recorded ${m[1].slice(0, 12)}…, content ${actual.slice(0, 12)}…) — the shard file was changed or damaged after it was written; re-run that shard`);
  return body;
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
