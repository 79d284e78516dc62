/**
 * Every report under an output folder, opened in headless Chromium (Debian's chromium via
 * playwright-core): every plot drawn with non-empty traces, no console errors, PNGs not blank.
 * Screenshots are kept under out/e2e/screenshots as artefacts.
 */
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { buildReports, type BuildOutcome } from "../../src/report/build-reports.ts";
import { findResultsFiles } from "../../src/report/find-results.ts";
import { launchChromium } from "../../src/report/headless-chromium.ts";
import { waitForPlots, type PlotCheck } from "../../src/report/png-export.ts";
import { tinyRs1, instrumentsFixture } from "../report/fixtures.ts";
import { skipBrowser, recordingPage, distinctColours } from "./browser.ts";

const root = join("out", "e2e", "reports");
const shots = join("out", "e2e", "screenshots");
let browser: Browser;
let built: BuildOutcome;

describe.skipIf(skipBrowser)("reports in headless Chromium", () => {
  beforeAll(async () => {
    rmSync(root, { recursive: true, force: true });
    mkdirSync(shots, { recursive: true });
    await tinyRs1(join(root, "rs1"));
    instrumentsFixture(join(root, "rs3"));
    browser = await launchChromium();
    built = await buildReports({ outDir: root, files: findResultsFiles(root), browser });
  }, 180_000);
  afterAll(async () => { await browser?.close(); });

  it("built every report with PNGs, none failed", () => {
    expect(built.failures).toEqual([]);
    expect(built.reports.map((r) => r.kind).slice(0, 2)).toEqual(["pacing", "instruments"]);
    // the fixture's per-window CSV gives the rolling figures
    expect(built.reports[1].pngs.map((p) => p.split("/").pop())).toContain("btc_2nq_usd-vol.png");
    for (const r of built.reports) expect(r.pngs.length).toBeGreaterThan(0);
  });

  it("every plot rendered with non-empty traces and the page logged no errors", async () => {
    for (const r of built.reports) {
      const { page, errors } = await recordingPage(browser);
      await page.goto(pathToFileURL(resolve(r.html)).href, { waitUntil: "load" });
      const plots: PlotCheck[] = await waitForPlots(page);
      expect(plots.length, r.html).toBeGreaterThan(0);
      for (const p of plots) {
        expect(p.rendered, `${r.html} #${p.id}`).toBe(true);
        expect(p.traces, `${r.html} #${p.id} traces`).toBeGreaterThan(0);
        expect(p.points, `${r.html} #${p.id} points`).toBeGreaterThan(0);
      }
      // each plotly element holds drawn trace groups, not just axes
      const drawn = await page.evaluate(`Array.from(document.querySelectorAll(".plot")).map((el) => el.querySelectorAll(".trace, .point, .scatterlayer path, .heatmaplayer image").length)`) as number[];
      for (const n of drawn) expect(n).toBeGreaterThan(0);
      await page.screenshot({ path: join(shots, `${r.html.split("/").slice(-2, -1)[0]}-report.png`), fullPage: true });
      expect(errors, r.html).toEqual([]);
      await page.close();
    }
  }, 300_000);

  it("the PNGs exist and are not blank", () => {
    for (const r of built.reports) {
      for (const png of r.pngs) expect(distinctColours(readFileSync(png)), png).toBeGreaterThan(8);
    }
  });

  it("the index links every report and opens without errors", async () => {
    const { page, errors } = await recordingPage(browser);
    await page.goto(pathToFileURL(resolve(built.index)).href, { waitUntil: "load" });
    const links = await page.evaluate(`Array.from(document.querySelectorAll("a")).map((a) => a.getAttribute("href"))`) as string[];
    expect(links).toContain("rs1/report.html");
    expect(links).toContain("rs3/report.html");
    await page.screenshot({ path: join(shots, "index.png"), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
