/**
 * Refuses a loaded price history that calibration cannot use, before any fit, with what is
 * wrong: every row set aside by the loader (which would otherwise surface as "−1 returns are
 * too few"), or a close that never moves (σ = 0 and an infinite depth, which even
 * --allow-fallback must not turn into a profile).
 */
import type { LoadedPrices } from "../data/price-series.ts";
import { UsageError } from "../errors.ts";

/**
 * @param loaded what loadPrices returned
 * @param file   the --data path, for messages
 * @throws UsageError when no row is left, or every close is the same
 */
export function checkUsableHistory(loaded: LoadedPrices, file: string): void {
  const { close, dates } = loaded.series;
  const dropped = loaded.repairs.filter((r) => r.action === "dropped row");
  if (close.length === 0) {
    const kinds = new Map<string, number>();
    for (const r of dropped) kinds.set(r.kind, (kinds.get(r.kind) ?? 0) + 1);
    const why = [...kinds].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${n} × ${k}`).join(", ");
    throw new UsageError(`--data ${file}: every row was set aside (${dropped.length} of ${dropped.length}${why ? `: ${why}` : ""}), so nothing is left to calibrate on — check --format and --column, or run with --policy strict to see each row's fault`);
  }
  if (close.length > 1 && close.every((c) => c === close[0])) {
    throw new UsageError(`--data ${file}: the close is ${close[0]} on all ${close.length} rows (${dates[0]} … ${dates[dates.length - 1]}) — a flat series has no volatility to calibrate; check --column or the file`);
  }
}
