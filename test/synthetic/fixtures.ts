/**
 * Price files and instrument files built in a temporary folder, for the synthetic-instrument
 * tests: closes on consecutive weekdays, in the `clean` layout of ../shared/data.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { InstrumentInput } from "../../src/synthetic/instrument-schema.ts";

/** n consecutive weekdays from Monday 2021-01-04, as YYYY-MM-DD. */
export function weekdays(n: number, from = "2021-01-04"): string[] {
  const out: string[] = [];
  for (let d = new Date(from + "T00:00:00Z"); out.length < n; d.setUTCDate(d.getUTCDate() + 1)) {
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

/** A fresh temporary folder. */
export const tempDir = (prefix = "synthetic-") => mkdtempSync(join(tmpdir(), prefix));

/** Writes DIR/NAME in the clean layout (open = high = low = close, volume 0); returns NAME. */
export function writePrices(dir: string, name: string, closes: ArrayLike<number>, dates = weekdays(closes.length)): string {
  const rows = Array.from(closes, (c, t) => `${dates[t]},${c},${c},${c},${c},0`);
  writeFileSync(join(dir, name), "date,open,high,low,close,volume\n" + rows.join("\n") + "\n");
  return name;
}

/** A random walk (seeded LCG, steps of ±`step`·u), starting at `start`. */
export function randomWalk(n: number, start: number, step: number, seed: number): Float64Array {
  let s = seed >>> 0;
  const u = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32) * 2 - 1;
  const x = new Float64Array(n);
  x[0] = start;
  for (let t = 1; t < n; t++) x[t] = x[t - 1] + step * u();
  return x;
}

/** Writes an instrument file (a plain object) into DIR; returns its path. */
export function writeInstrument(dir: string, instrument: InstrumentInput | Record<string, unknown>, name = "instrument.json"): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(instrument, null, 2));
  return path;
}

/** A minimal valid instrument over the given legs (sample covariance, sigma unit risk). */
export function instrumentOf(legs: InstrumentInput["legs"], extra: Partial<InstrumentInput> = {}): InstrumentInput {
  return { id: "fixture", legs, sizing: { capital: 1_000_000, riskFraction: 0.01, cap: 4 }, ...extra };
}
