/**
 * Progress of loading a long price file, on stderr: a bar on a terminal, else a line at every
 * tenth (logs stay short). Files under `minBytes` load in a few seconds and show nothing.
 */
import { progressBar } from "../cli/progress-bar.ts";

/**
 * An `onProgress` for loadPrices, or undefined when disabled.
 * @param minBytes smallest file that shows progress (default 32 MiB, about 3 s to load)
 */
export function loadProgress(label: string, enabled: boolean, minBytes = 32 << 20): ((done: number, total: number) => void) | undefined {
  if (!enabled) return undefined;
  const tty = process.stderr.isTTY === true, bar = progressBar(`loading ${label}`, tty), start = performance.now();
  let tenth = 0;
  return (done, total) => {
    if (total < minBytes) return;
    const mb = (x: number) => Math.round(x / 2 ** 20);
    if (tty) { bar.update(mb(done), mb(total)); return; }
    const t = Math.floor((10 * done) / total);
    if (t <= tenth) return;
    tenth = t;
    process.stderr.write(`loading ${label}: ${10 * t}% (${mb(done)} of ${mb(total)} MiB, ${((performance.now() - start) / 1000).toFixed(1)} s)\n`);
  };
}
