/**
 * What the data policy did to an instrument's price files, for the results: the rows it set
 * aside (with the loader's reason) and the count of each warning kind, per file leg.
 */
import type { InstrumentLegs } from "./instrument-legs.ts";

export interface SetAsideRow { leg: string; date: string; reason: string; file: string; row: number; value: string }

/** Rows the data policy set aside ("dropped row" repairs), per file, named by the leg that uses it. */
export function setAsideRows(data: InstrumentLegs): SetAsideRow[] {
  return data.files.flatMap((f) => f.loaded.repairs.filter((x) => x.action === "dropped row").map((x) => ({
    leg: f.leg, date: x.date, reason: f.loaded.diagnostics.find((d) => d.line === x.line && d.kind === x.kind)?.message ?? x.kind,
    file: f.file, row: x.line, value: x.value,
  })));
}

/** Warning (and info) counts by kind, per file leg. */
export function warningCounts(data: InstrumentLegs): Record<string, Record<string, number>> {
  const warnings: Record<string, Record<string, number>> = {};
  for (const f of data.files) {
    const c: Record<string, number> = {};
    for (const d of f.loaded.diagnostics) if (d.severity !== "error") c[d.kind] = (c[d.kind] ?? 0) + 1;
    warnings[f.leg] = c;
  }
  return warnings;
}
