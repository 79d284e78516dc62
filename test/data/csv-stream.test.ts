/**
 * The streaming CSV reader reads a file in chunks; where the chunks end must not matter
 * (a CRLF split across two reads, a line longer than the buffer, a multi-byte character cut
 * in two). Law: for any text and any chunk size, the rows equal those of the whole text.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readCsv, type CsvSource } from "../../src/data/csv.ts";

mkdirSync("out", { recursive: true });
const dir = mkdtempSync(join("out", "test-csv-stream-"));

function rows(source: CsvSource, chunk?: number) {
  const out: string[] = [];
  let progress = 0;
  readCsv(source, { header: (h) => out.push(`H ${JSON.stringify(h)}`), row: (f, line, raw) => out.push(`${line} ${JSON.stringify(f)} ${raw}`), progress: (done, total) => { expect(done).toBeGreaterThanOrEqual(progress); expect(done).toBeLessThanOrEqual(total); progress = done; } }, chunk);
  return out;
}

describe("readCsv streams in chunks", () => {
  it("any chunk size gives the rows of the whole text (LF, CRLF, CR, quotes, UTF-8)", () => {
    const cell = fc.constantFrom("2024-01-02", "10.5", "", " 7 ", '"1,021.75"', '"a ""q"""', "é€", "null");
    const eol = fc.constantFrom("\n", "\r\n", "\r");
    const line = fc.tuple(fc.array(cell, { minLength: 1, maxLength: 4 }), eol).map(([c, e]) => c.join(",") + e);
    let k = 0;
    fc.assert(fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), fc.boolean(), fc.integer({ min: 1, max: 9 }), (lines, bom, chunk) => {
      const text = (bom ? "\uFEFF" : "") + lines.join("");
      const path = join(dir, `f${k++}.csv`);
      writeFileSync(path, text);
      expect(rows({ path }, chunk)).toEqual(rows({ text }));
    }), { numRuns: 300, seed: 18 });
  });

  it("line numbers count blank lines; a CR-only file is not one long line", () => {
    expect(rows({ text: "a,b\r\r1,2\r3,4" })).toEqual(['H ["a","b"]', '3 ["1","2"] 1,2', '4 ["3","4"] 3,4']);
  });
});
