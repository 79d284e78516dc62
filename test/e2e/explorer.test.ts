/**
 * The live explorer in headless Chromium: the kernel compiles in the page, the first run
 * draws the metrics, and moving a pacing slider re-runs RS-1 and changes the chart.
 * A screenshot is kept at out/e2e/screenshots/explorer.png.
 */
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Server } from "node:http";
import type { Browser } from "playwright-core";
import { buildExplorer } from "../../explorer/build-explorer.ts";
import { serveStatic } from "../../explorer/serve-static.ts";
import { launchChromium } from "../../src/report/headless-chromium.ts";
import { RENDER_TIMEOUT_MS } from "../../src/report/png-export.ts";
import { skipBrowser, recordingPage } from "./browser.ts";

const shots = join("out", "e2e", "screenshots");
let browser: Browser;
let server: Server;
let url = "";

/** Page expression: the y values plotly holds for every trace of the metrics chart. */
const CHART_Y = `JSON.stringify((document.getElementById("metrics").data || []).map((t) => t.y))`;

describe.skipIf(skipBrowser)("explorer in headless Chromium", () => {
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    const dir = await buildExplorer(join("out", "e2e", "explorer"));
    ({ server, url } = await serveStatic(dir));
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await new Promise((ok) => server?.close(ok));
  });

  it("re-runs and redraws when a pacing control moves, the benchmark kinds' included", async () => {
    const { page, errors } = await recordingPage(browser, 1300, 850);
    await page.goto(url, { waitUntil: "load" });
    await page.waitForFunction(`Number(document.body.dataset.runs || 0) >= 1`, undefined, { timeout: RENDER_TIMEOUT_MS });
    const before = await page.evaluate(CHART_Y) as string;
    const traces = JSON.parse(before) as number[][];
    expect(traces.length).toBe(6);
    for (const y of traces) expect(y.length).toBe(9); // RS-1's six schemes, gp, ac, jump-guard

    // λ_down of the asymmetric scheme to its maximum, by keyboard as a user would
    await page.locator("#lambdaDown").press("End");
    await page.locator("#eta").press("Home");
    await page.waitForFunction(`Number(document.body.dataset.runs) >= 2`, undefined, { timeout: RENDER_TIMEOUT_MS });
    await page.waitForFunction(`${CHART_Y} !== ${JSON.stringify(before)}`, undefined, { timeout: RENDER_TIMEOUT_MS });
    const after = JSON.parse(await page.evaluate(CHART_Y) as string) as number[][];
    expect(await page.locator("#lambdaDown").inputValue()).toBe("1");
    expect(after).not.toEqual(traces);
    // the instant scheme is untouched by these sliders: same paths, same result (common random numbers)
    expect(after.map((y) => y[0])).toEqual(traces.map((y) => y[0]));
    await page.screenshot({ path: join(shots, "explorer.png") });

    // the benchmark kinds' controls (one page load for both checks: page loads are slow on a loaded machine)
    expect(await page.locator("#gpGamma").inputValue()).toBe("3");
    expect(await page.locator("#acLambda").inputValue()).toBe("1.5");
    expect(await page.locator("#threshold").inputValue()).toBe("4");
    expect(await page.locator("#then").inputValue()).toBe("ema");
    const runs = Number(await page.evaluate("document.body.dataset.runs"));
    const mid = await page.evaluate(CHART_Y) as string;
    await page.locator("#then").selectOption("instant"); // the guard now follows instant: its outputs change
    await page.locator("#acLambda").press("End");
    await page.waitForFunction(`Number(document.body.dataset.runs) > ${runs}`, undefined, { timeout: RENDER_TIMEOUT_MS });
    await page.waitForFunction(`${CHART_Y} !== ${JSON.stringify(mid)}`, undefined, { timeout: RENDER_TIMEOUT_MS });
    const moved = JSON.parse(await page.evaluate(CHART_Y) as string) as number[][], was = JSON.parse(mid) as number[][];
    expect(moved.map((y) => y[8])).not.toEqual(was.map((y) => y[8])); // jump-guard
    expect(moved.map((y) => y[7])).not.toEqual(was.map((y) => y[7])); // ac
    expect(moved.map((y) => y[6])).toEqual(was.map((y) => y[6])); // gp untouched
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);

});
