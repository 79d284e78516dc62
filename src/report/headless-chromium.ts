/**
 * Headless Chromium from Debian's `chromium` package, driven by playwright-core (no browser
 * downloads: the executable is the system one). Used for PNG export and the browser tests.
 */
import { existsSync } from "node:fs";
import type { Browser } from "playwright-core";

/** Where the browser is: $CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
}

/** True when the Chromium executable exists (PNG export and browser tests can run). */
export function chromiumAvailable(): boolean {
  return existsSync(chromiumPath());
}

/** How to get PNGs when Chromium is absent (one line, for CLI output). */
export const PNG_HINT = "PNG figures need headless Chromium from Debian's chromium package — run `bash .ci/setup-chromium.sh` (apt-get install chromium), then `npm run report` to write them";

/**
 * Flags for a root, offline, sandbox-less container: no GPU, and no background
 * networking (a closed network otherwise refuses many connections at every start).
 */
export const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
  "--disable-dev-shm-usage",
];

/**
 * Launches headless Chromium (playwright gives it a fresh temporary profile).
 * @throws Error naming the path and the fix when the executable is missing
 */
export async function launchChromium(): Promise<Browser> {
  if (!chromiumAvailable()) throw new Error(`chromium: not found at ${chromiumPath()} — ${PNG_HINT}`);
  const { chromium } = await import("playwright-core");
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}
