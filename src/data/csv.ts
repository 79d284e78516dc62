/**
 * Streaming CSV reader for price files: reads the file in 4 MiB chunks (memory bounded by
 * the chunk and the longest line, whatever the file's size), splits lines at LF, CRLF or a
 * lone CR (old Mac exports), optional final newline, double-quoted fields with "" escapes
 * (commas inside quotes are data, e.g. thousands separators). Each row comes with its
 * 1-based line number (the header is line 1) so every diagnostic can name it; blank lines
 * are skipped but counted. Quoted fields spanning lines are not supported: such a row is
 * split, and the loader's field-count check refuses it.
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";

const CHUNK = 4 << 20;
const LF = 10, CR = 13;

/** Where the text comes from: a file, or text already in memory (tests, `options.text`). */
export type CsvSource = { path: string } | { text: string };

export interface CsvHandlers {
  /** The header's fields (trimmed, BOM removed). */
  header(fields: string[]): void;
  /** One data row: trimmed fields, its line number and its raw text (for messages). */
  row(fields: string[], line: number, raw: string): void;
  /** Bytes read so far and the total: once before reading (0 of total), then after each chunk. */
  progress?(bytesRead: number, totalBytes: number): void;
}

/**
 * Reads `source` and calls the handlers row by row. Lines are decoded one by one from the
 * bytes (LF and CR never occur inside a UTF-8 sequence), so no string keeps a chunk alive.
 * @param chunkBytes bytes per read (4 MiB; tests use tiny chunks to cross every boundary)
 * @throws the file system's error when the file cannot be opened (the loader words it)
 */
export function readCsv(source: CsvSource, on: CsvHandlers, chunkBytes = CHUNK): void {
  let line = 0, first = true;
  const emit = (buf: Buffer, start: number, end: number) => {
    line++;
    const raw = buf.toString("utf8", start, end);
    if (raw.trim() === "") return;
    const fields = raw.includes('"') ? splitQuoted(raw) : raw.split(",");
    for (let i = 0; i < fields.length; i++) if (/^\s|\s$/.test(fields[i])) fields[i] = fields[i].trim();
    if (first) { first = false; on.header(fields.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, "") : h))); }
    else on.row(fields, line, raw);
  };
  /** Emits every complete line of buf[0, end); returns where the unfinished tail starts. */
  const lines = (buf: Buffer, end: number, final: boolean): number => {
    let start = 0;
    for (let i = 0; i < end; i++) {
      const c = buf[i];
      if (c !== LF && c !== CR) continue;
      if (c === CR && i + 1 === end && !final) return start; // a CR at the chunk's end may be half a CRLF
      emit(buf, start, i);
      if (c === CR && buf[i + 1] === LF && i + 1 < end) i++;
      start = i + 1;
    }
    if (final && start < end) { emit(buf, start, end); start = end; }
    return start;
  };
  if ("text" in source) {
    const buf = Buffer.from(source.text, "utf8");
    on.progress?.(0, buf.length);
    lines(buf, buf.length, true);
    on.progress?.(buf.length, buf.length);
    return;
  }
  const fd = openSync(source.path, "r");
  try {
    const total = fstatSync(fd).size;
    on.progress?.(0, total);
    let buf = Buffer.allocUnsafe(chunkBytes), filled = 0, done = 0;
    for (;;) {
      if (filled === buf.length) { const bigger = Buffer.allocUnsafe(buf.length * 2); buf.copy(bigger, 0, 0, filled); buf = bigger; } // a line longer than the buffer
      const n = readSync(fd, buf, filled, buf.length - filled, null);
      done += n;
      const end = filled + n, rest = lines(buf, end, n === 0);
      buf.copy(buf, 0, rest, end);
      filled = end - rest;
      on.progress?.(done, total);
      if (n === 0) break;
    }
  } finally {
    closeSync(fd);
  }
}

function splitQuoted(line: string): string[] {
  const fields: string[] = [];
  let cur = "", quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; }
      else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { fields.push(cur); cur = ""; }
    else cur += c;
  }
  fields.push(cur);
  return fields;
}
