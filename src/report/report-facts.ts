/**
 * Header facts every report shows, computed the same way for every study: a one-line
 * configuration summary with a fingerprint of the full configuration, and the run time.
 */
import { createHash } from "node:crypto";

/**
 * "<name> · sha256:<12 hex>" — the name (if the configuration has one) and a fingerprint of
 * its canonical JSON (keys sorted), so two reports with the same fingerprint ran the same configuration.
 */
export function configurationSummary(config: unknown): string {
  const name = config && typeof config === "object" && "name" in config ? String((config as { name: unknown }).name) : null;
  const digest = createHash("sha256").update(canonicalJson(config)).digest("hex").slice(0, 12);
  return name ? `${name} · sha256:${digest}` : `sha256:${digest}`;
}

/** Total wall-clock seconds of the run (from `timing.total_seconds`, else `simulation_seconds`), or "?" when absent. */
export function runTimeFact(timing: Record<string, unknown> | undefined): string {
  const t = timing?.total_seconds ?? timing?.simulation_seconds;
  return typeof t === "number" && Number.isFinite(t) ? t.toFixed(3) : "?";
}

/**
 * When the run happened: `timing.date` (where studies keep it, beside the other facts that
 * differ between two runs of one seed), else an older document's `provenance.date` or `date`.
 */
export function dateFact(doc: Record<string, unknown>): string | null {
  const timing = doc.timing as Record<string, unknown> | undefined;
  const provenance = doc.provenance as Record<string, unknown> | undefined;
  const d = timing?.date ?? provenance?.date ?? doc.date;
  return typeof d === "string" ? d : null;
}

/** JSON with object keys sorted at every level (a stable text to hash). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]))
      : v) ?? "null";
}
