/**
 * Minimal CSV reader for price files: LF or CRLF line endings, optional final newline,
 * double-quoted fields with "" escapes. Keeps each row's 1-based line number so every
 * diagnostic can name it.
 */
export interface CsvTable {
  header: string[];
  /** Data rows; `line` is the 1-based line number in the file (the header is line 1). */
  rows: { line: number; fields: string[] }[];
}

/** Splits CSV text into a header and data rows (blank lines skipped). */
export function parseCsv(text: string): CsvTable {
  const lines = text.split(/\r?\n/);
  const out: CsvTable = { header: [], rows: [] };
  let first = true;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (raw.trim() === "") continue;
    const fields = raw.includes('"') ? splitQuoted(raw) : raw.split(",");
    if (first) {
      out.header = fields.map((h) => h.trim().replace(/^\uFEFF/, ""));
      first = false;
    } else {
      out.rows.push({ line: i + 1, fields: fields.map((f) => f.trim()) });
    }
  }
  return out;
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
