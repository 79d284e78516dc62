/**
 * Loads an instrument's legs (instrument-schema.ts) onto one calendar: each price file once
 * under the instrument's data policy, currency legs converted (X·FX or X/FX), constant legs
 * filled, and the dates aligned by inner join or as-of (align-calendars.ts). Errors name the
 * instrument file, the leg field, the price file and the fix.
 */
import { existsSync, statSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { loadPrices, type LoadOptions } from "../data/load-prices.ts";
import { alignAsOf, alignInner, type AlignedCloses } from "../data/align-calendars.ts";
import type { DataPolicy, LoadedPrices } from "../data/price-series.ts";
import { UsageError } from "../errors.ts";
import type { Instrument } from "./instrument-schema.ts";

/** One leg on the aligned dates, in its basket's currency. */
export interface AlignedLeg {
  name: string; side: "base" | "quote"; weight: number;
  /** closes on the aligned dates (converted when the leg has a currency) */ close: Float64Array;
  /** true for a constant leg (no file) */ constant: boolean;
  /** where the closes came from, for the results */ source: string;
}

/** A price file as loaded, with the leg field that named it. */
export interface LoadedFile {
  key: string; /** as the instrument names it */ file: string; /** resolved against --data-dir */ path: string;
  /** the first leg that named it, and the field */ leg: string; field: string; loaded: LoadedPrices;
}

export interface InstrumentLegs { dates: string[]; legs: AlignedLeg[]; files: LoadedFile[] }

export interface LegOptions {
  /** folder that relative leg files are resolved against */ dataDir: string;
  /** overrides the instrument's data policy (the RS-3 study's --policy) */ policy?: DataPolicy;
  /** the instrument file, named in messages */ source?: string;
  /** fewest aligned dates accepted (default: the first window's closes) */ minDates?: number;
}

/**
 * @throws UsageError when a file is missing, unreadable, lacks the named column, has no rows or
 * data faults under `strict`, or when fewer than `minDates` dates align
 */
export function loadInstrumentLegs(instrument: Instrument, options: LegOptions): InstrumentLegs {
  const source = options.source ?? instrument.id, policy = options.policy ?? instrument.data.policy;
  const files: LoadedFile[] = [];
  const fileOf = (spec: { file: string; format?: LoadOptions["format"]; column?: string }, leg: string, field: string): LoadedFile => {
    const path = isAbsolute(spec.file) ? spec.file : join(options.dataDir, spec.file);
    const key = `${path}\u0000${spec.format ?? ""}\u0000${spec.column ?? ""}`;
    const known = files.find((f) => f.key === key);
    if (known) return known;
    if (!existsSync(path)) throw new UsageError(`${source}: ${field}: file ${path} does not exist — check the file name and --data-dir`);
    if (!statSync(path).isFile()) throw new UsageError(`${source}: ${field}: ${path} is a folder, not a price file — name a CSV file`);
    if (statSync(path).size === 0) throw new UsageError(`${source}: ${field}: ${path} is empty — give a price file with a header and rows`);
    let loaded: LoadedPrices;
    try {
      loaded = loadPrices(path, { policy, format: spec.format, column: spec.column });
    } catch (e) {
      if (e instanceof RangeError || e instanceof TypeError || e instanceof UsageError) throw new UsageError(`${source}: ${field}: ${e.message}`);
      throw e;
    }
    if (loaded.series.dates.length < 2) throw new UsageError(`${source}: ${field}: ${path} has ${loaded.series.dates.length} usable price row(s) (empty, header only, or every row set aside) — give a file with a price history`);
    const f = { key, file: spec.file, path, leg, field, loaded };
    files.push(f);
    return f;
  };
  const refs = instrument.legs.map((l, i) => ({
    main: l.file !== undefined ? fileOf({ file: l.file, format: l.format, column: l.column }, l.name, `legs[${i}].file`) : null,
    fx: l.currency ? fileOf(l.currency, l.name, `legs[${i}].currency.file`) : null,
  }));
  const minDates = options.minDates ?? 2;
  const cal = instrument.calendar;
  let aligned: AlignedCloses;
  try {
    const series = files.map((f) => f.loaded.series);
    aligned = cal.kind === "inner" ? alignInner(series, minDates)
      : alignAsOf(series, cal.reference === undefined ? 0 : files.indexOf(refs[instrument.legs.findIndex((l) => l.name === cal.reference)].main!), cal.maxAgeDays, minDates);
  } catch (e) {
    if (e instanceof RangeError) throw new UsageError(`${source}: calendar (${cal.kind}): ${e.message}`);
    throw e;
  }
  const n = aligned.dates.length;
  const closeOf = (f: LoadedFile) => aligned.closes[files.indexOf(f)];
  const legs = instrument.legs.map((l, i): AlignedLeg => {
    const { main, fx } = refs[i];
    if (!main) return { name: l.name, side: l.side, weight: l.weight, close: new Float64Array(n).fill(l.constant!), constant: true, source: `constant ${l.constant}` };
    const x = closeOf(main), rate = fx ? closeOf(fx) : null;
    const close = rate ? Float64Array.from(x, (v, t) => (l.currency!.invert ? v / rate[t] : v * rate[t])) : x;
    return { name: l.name, side: l.side, weight: l.weight, close, constant: false, source: main.path + (fx ? ` ${l.currency!.invert ? "÷" : "×"} ${fx.path}` : "") };
  });
  return { dates: aligned.dates, legs, files };
}
