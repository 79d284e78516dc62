/**
 * Fault catalogue, the CSV loader: random and mutated price files never crash the loader,
 * never yield a NaN, non-positive or unsorted price, and always fail with a typed error
 * whose message names the file.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { existsSync, readFileSync } from "node:fs";
import { loadPrices } from "../../src/data/load-prices.ts";

const FILE = new URL("../../../shared/data/gold-futures_yahoo_1d.csv", import.meta.url).pathname;
const LABEL = "fuzz.csv";

/** Loads text under a policy; returns the series or checks the error is typed and names the file. */
function loadOrTypedError(text: string, policy: "strict" | "repair") {
  try {
    return loadPrices(LABEL, { text, policy }).series;
  } catch (e) {
    expect(e).toBeInstanceOf(Error);
    expect(["RangeError", "TypeError", "DataFaultError", "UsageError"]).toContain((e as Error).name);
    expect((e as Error).message).toContain(LABEL);
    return null;
  }
}

function expectSoundSeries(s: NonNullable<ReturnType<typeof loadOrTypedError>>) {
  for (let i = 0; i < s.close.length; i++) {
    expect(Number.isFinite(s.close[i]) && s.close[i] > 0).toBe(true);
    if (i > 0) expect(s.dates[i] > s.dates[i - 1]).toBe(true);
  }
}

describe.skipIf(!existsSync(FILE))("loadPrices under random input", () => {
  const lines = readFileSync(FILE, "utf8").split(/\r?\n/).slice(0, 80);
  const junk = fc.constantFrom(".", "null", "", "-5", "0", "1e309", "NaN", "abc", "2020-13-45", "12/31/1999", "\"", ",,", "Infinity", "-0", "1,5");

  it("arbitrary text: a series or a typed error naming the file", () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), fc.constantFrom("strict" as const, "repair" as const), (text, policy) => {
      const s = loadOrTypedError(text, policy);
      if (s) expectSoundSeries(s);
    }), { numRuns: 400 });
  });

  it("mutated real files: junk fields, swapped, duplicated and dropped rows, a damaged header", () => {
    const mutation = fc.record({
      kind: fc.constantFrom("field", "swap", "duplicate", "drop", "header", "crlf"),
      row: fc.integer({ min: 1, max: lines.length - 2 }), other: fc.integer({ min: 1, max: lines.length - 2 }),
      col: fc.integer({ min: 0, max: 6 }), value: junk,
    });
    const outcomes = { loaded: 0, refused: 0 };
    fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.constantFrom("strict" as const, "repair" as const), (ms, policy) => {
      const rows = lines.map((l) => l.split(","));
      for (const m of ms) {
        if (m.kind === "field" && rows[m.row]) rows[m.row][m.col % rows[m.row].length] = m.value;
        if (m.kind === "swap") [rows[m.row], rows[m.other]] = [rows[m.other], rows[m.row]];
        if (m.kind === "duplicate") rows.splice(m.other, 0, [...rows[m.row]]);
        if (m.kind === "drop") rows.splice(m.row, 1);
        if (m.kind === "header") rows[0][m.col % rows[0].length] = m.value;
      }
      const eol = ms.some((m) => m.kind === "crlf") ? "\r\n" : "\n";
      const s = loadOrTypedError(rows.map((r) => r.join(",")).join(eol), policy);
      if (s) expectSoundSeries(s);
      outcomes[s ? "loaded" : "refused"]++;
    }), { numRuns: 300, seed: 11 });
    // both outcomes occur: the mutations reach past the header check and also trip the policy
    expect(outcomes.loaded).toBeGreaterThan(30);
    expect(outcomes.refused).toBeGreaterThan(30);
  });
});
