/**
 * Writes every plotly figure of a report page as a PNG (for the README and papers), by
 * opening the HTML in headless Chromium and screenshotting each plot element once plotly has
 * drawn it. File names are the figure ids: `<dir>/<id>.png`.
 */
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { chromiumAvailable, launchChromium, PNG_HINT } from "./headless-chromium.ts";

/** Per plot element on the page: its id and how many traces / data points plotly drew. */
export interface PlotCheck {
  id: string;
  rendered: boolean;
  traces: number;
  points: number;
}

/**
 * How long a page may take to load and draw its plots before it counts as hung (ms). A 5 MB report
 * with plotly inline takes about 18 s in headless Chromium beside other work on 2 cores, and more on
 * a shared machine; Playwright's default of 30 s failed there, so the guard is set well above it.
 */
export const RENDER_TIMEOUT_MS = 120_000;

/** Waits until every `.plot` element of the page has been drawn by plotly, then describes them. */
export async function waitForPlots(page: Page, timeoutMs = RENDER_TIMEOUT_MS): Promise<PlotCheck[]> {
  // Page scripts are strings, not functions: tsx compiles functions with helpers (__name)
  // that do not exist inside the page.
  await page.waitForFunction(`(() => {
    const plots = Array.from(document.querySelectorAll(".plot"));
    return plots.length > 0 && plots.every((p) => p.querySelector(".main-svg") !== null);
  })()`, undefined, { timeout: timeoutMs });
  return page.evaluate(DESCRIBE_PLOTS) as Promise<PlotCheck[]>;
}

/** A page expression describing every `.plot` element: id, drawn or not, trace and point counts. */
export const DESCRIBE_PLOTS = `Array.from(document.querySelectorAll(".plot")).map((el) => {
  const data = el.data || [];
  const count = (v) => (Array.isArray(v) ? v.filter((x) => x !== null && x !== undefined).length : 0);
  const points = data.reduce((a, t) => a + Math.max(count(t.y), count(t.x), count(t.z)), 0);
  return { id: el.id, rendered: el.querySelector(".main-svg") !== null, traces: data.length, points };
})`;

/**
 * Opens `htmlPath` in `browser` and writes one PNG per plot to `outDir`.
 * @returns the PNG paths, in page order
 * @throws Error naming the page when a plot does not render within the timeout
 */
export async function exportReportPngs(browser: Browser, htmlPath: string, outDir: string): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, deviceScaleFactor: 1 });
  page.setDefaultTimeout(RENDER_TIMEOUT_MS);
  try {
    await page.goto(pathToFileURL(resolve(htmlPath)).href, { waitUntil: "load" });
    let plots: PlotCheck[];
    try {
      plots = await waitForPlots(page);
    } catch (e) {
      throw new Error(`${htmlPath}: plots did not render in headless Chromium (${(e as Error).message.split("\n")[0]}) — open the page in a browser and check its console`);
    }
    const written: string[] = [];
    for (const p of plots) {
      const file = join(outDir, `${p.id}.png`);
      await page.locator(`#${p.id}`).screenshot({ path: file, animations: "disabled" });
      written.push(file);
    }
    return written;
  } finally {
    await page.close();
  }
}

/** What a PNG export did: the files written, or why none were (with the way to get them). */
export type PngOutcome = { written: string[] } | { skipped: string };

/**
 * PNGs for a study's report when Chromium is present; otherwise a skip with the hint to print.
 * For studies: call after writing report.html, e.g. `writeReportPngs(join(out, "report.html"), join(out, "figures"))`.
 */
export async function writeReportPngs(htmlPath: string, outDir: string): Promise<PngOutcome> {
  if (!chromiumAvailable()) return { skipped: PNG_HINT };
  const browser = await launchChromium();
  try {
    return { written: await exportReportPngs(browser, htmlPath, outDir) };
  } finally {
    await browser.close();
  }
}
