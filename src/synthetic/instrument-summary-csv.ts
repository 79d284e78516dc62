/**
 * The summary figures of an instrument entry as CSV (results.csv): one row per figure,
 * `instrument,section,figure,estimate,lo,hi` (lo/hi empty where a figure has no interval).
 */
import type { InstrumentEntry } from "./instrument-document.ts";

type Cell = number | string | boolean | null;

/** Flattens the last window, the cap, the rebalancing and the pyramiding comparison. */
export function instrumentSummaryCsv(id: string, e: InstrumentEntry): string {
  const rows: Cell[][] = [];
  const add = (section: string, figure: string, estimate: Cell, lo: Cell = "", hi: Cell = "") => rows.push([id, section, figure, estimate, lo, hi]);
  for (const [k, v] of Object.entries(e.last_window)) add("last_window", k, v);
  add("sizing", "cap", e.cap);
  add("sizing", "cap_binding_share", e.cap_binding_share);
  add("sizing", "windows", e.windows);
  if (e.rebalance.kind === "weekly") {
    for (const side of ["base", "quote"] as const) {
      const r = (e.rebalance as { base: Record<string, unknown> | null; quote: Record<string, unknown> | null })[side];
      if (r) for (const [k, v] of Object.entries(r)) if (typeof v === "number") add(`rebalance_${side}`, k, v);
    }
  }
  const c = e.pyramiding.comparison;
  if (c) {
    for (const policy of ["no_pyramiding", "pyramiding", "difference"] as const) {
      for (const [k, v] of Object.entries(c[policy])) add(policy, k, v.estimate, v.lo, v.hi);
    }
  }
  return "instrument,section,figure,estimate,lo,hi\n" + rows.map((r) => r.map((x) => (x === null ? "" : String(x))).join(",")).join("\n") + "\n";
}
