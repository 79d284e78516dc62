/**
 * Fault catalogue, the CSV loader: random and mutated price files never crash the loader,
 * never yield a NaN, non-positive or unsorted price, and always fail with a typed error
 * whose message names the file. Hostile shapes outside the catalogue (issue 18): line endings,
 * quoted thousands and respelled instants do not change what is read; a row with a field too
 * many or a hex close is never read.
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
  const junk = fc.constantFrom(".", "null", "", "-5", "0", "1e309", "NaN", "abc", "2020-13-45", "12/31/1999", "\"", ",,", "Infinity", "-0", "1,5", "0x64", "0b1", "2020-02-30", "\"1,021.75\"", "2020-01-05T00:00:00Z");

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

  describe("hostile shapes: laws", () => {
    // BTC prices above 1,000, so thousands separators occur
    const btc = readFileSync(new URL("../../../shared/data/btcusdt_binance_1d.clean.csv", import.meta.url).pathname, "utf8").split("\n").slice(0, 81);
    const body = btc.slice(1), header = btc[0];
    /** The loaded series as comparable data, or the error message. */
    const read = (text: string, policy: "strict" | "repair") => {
      try {
        const s = loadPrices(LABEL, { text, policy }).series;
        return JSON.stringify({ d: s.dates, l: s.lines, c: Array.from(s.close), o: Array.from(s.open), v: Array.from(s.volume) });
      } catch (e) {
        return (e as Error).message;
      }
    };
    const rowsArb = fc.subarray(body, { minLength: 2 });
    const policyArb = fc.constantFrom("strict" as const, "repair" as const);

    it("LF, CRLF and CR-only line endings read the same", () => {
      fc.assert(fc.property(rowsArb, policyArb, (rows, policy) => {
        const text = (eol: string) => [header, ...rows].join(eol) + eol;
        const lf = read(text("\n"), policy);
        expect(read(text("\r\n"), policy)).toBe(lf);
        expect(read(text("\r"), policy)).toBe(lf);
      }), { numRuns: 60, seed: 18 });
    });

    it("quoting numbers with thousands separators and respelling dates as midnight UTC change nothing", () => {
      const group = (v: string) => { const m = /^(\d+)(\.\d+)?$/.exec(v); return m ? `"${m[1].replace(/\B(?=(\d{3})+$)/g, ",")}${m[2] ?? ""}"` : v; };
      fc.assert(fc.property(rowsArb, fc.array(fc.boolean(), { minLength: 80, maxLength: 80 }), policyArb, (rows, pick, policy) => {
        const plain = read([header, ...rows].join("\n"), policy);
        const hostile = rows.map((r, i) => {
          const f = r.split(",");
          if (!pick[i]) return r;
          return [`${f[0]}T00:00:00Z`, ...f.slice(1).map(group)].join(",");
        });
        expect(read([header, ...hostile].join("\n"), policy)).toBe(plain);
      }), { numRuns: 60, seed: 18 });
    });

    it("a row with an extra field, a missing field, a hex close or a decimal comma is never read: refused, or set aside under repair", () => {
      const damage = fc.constantFrom((f: string[]) => [...f, "7"], (f: string[]) => f.slice(0, -1), (f: string[]) => [...f.slice(0, 4), "0x64", f[5]], (f: string[]) => [...f.slice(0, 4), `"${f[4].replace(".", ",")}"`, f[5]]); // column 4 is the close
      fc.assert(fc.property(rowsArb, fc.nat(), damage, policyArb, (rows, at, hurt, policy) => {
        const i = at % rows.length, line = i + 2;
        const text = [header, ...rows.map((r, j) => (j === i ? hurt(r.split(",")).join(",") : r))].join("\n");
        const s = loadOrTypedError(text, policy);
        if (policy === "strict") expect(s).toBeNull();
        if (s) { expectSoundSeries(s); expect(s.lines).not.toContain(line); }
      }), { numRuns: 120, seed: 18 });
    });
  });
});
