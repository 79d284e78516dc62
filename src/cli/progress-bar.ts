/**
 * A progress bar with ETA on stderr, drawn only when stderr is a terminal (and not --quiet),
 * so logs and CI output stay clean.
 */
export function progressBar(label: string, enabled = process.stderr.isTTY === true) {
  const start = performance.now();
  let last = 0;
  return {
    update(done: number, total: number): void {
      if (!enabled) return;
      const now = performance.now();
      if (done < total && now - last < 100) return;
      last = now;
      const frac = total > 0 ? done / total : 1;
      const elapsed = (now - start) / 1000;
      const eta = frac > 0 ? elapsed * (1 / frac - 1) : NaN;
      const width = 30;
      const bar = "#".repeat(Math.round(frac * width)).padEnd(width, ".");
      process.stderr.write(`\r${label} [${bar}] ${(frac * 100).toFixed(0).padStart(3)}% ${done}/${total}  ${elapsed.toFixed(1)}s elapsed, ETA ${Number.isFinite(eta) ? eta.toFixed(1) + "s" : "?"}   `);
      if (done >= total) process.stderr.write("\n");
    },
  };
}
