/** Shared pieces of the browser tests: whether to run, a page that records errors, PNG blankness. */
import { inflateSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { chromiumAvailable } from "../../src/report/headless-chromium.ts";
import { RENDER_TIMEOUT_MS } from "../../src/report/png-export.ts";

/**
 * Browser tests skip only when Chromium is truly absent on a developer machine; in CI
 * (.ci/setup-chromium.sh installs it) a missing browser is a failure, not a skip.
 */
export const skipBrowser = !chromiumAvailable() && !process.env.CI;

/** A new page whose console errors and uncaught exceptions are collected in `errors`. */
export async function recordingPage(browser: Browser, width = 1200, height = 900): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height } });
  page.setDefaultTimeout(RENDER_TIMEOUT_MS); // a hang guard, not a requirement (png-export.ts)
  const errors: string[] = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(`console: ${m.text()}`); });
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  return { page, errors };
}

/**
 * Counts distinct colours of an 8-bit RGB/RGBA PNG (a blank image has one). Decodes
 * the scanlines with PNG's filters (spec §9) so the count is of real pixels.
 */
export function distinctColours(png: Buffer, cap = 64): number {
  if (png.readUInt32BE(0) !== 0x89504e47) throw new Error("not a PNG");
  let pos = 8, width = 0, height = 0, channels = 0;
  const idat: Buffer[] = [];
  while (pos < png.length) {
    const len = png.readUInt32BE(pos), type = png.toString("ascii", pos + 4, pos + 8);
    const body = png.subarray(pos + 8, pos + 8 + len);
    if (type === "IHDR") {
      width = body.readUInt32BE(0); height = body.readUInt32BE(4);
      if (body[8] !== 8) throw new Error("only 8-bit PNGs");
      channels = body[9] === 6 ? 4 : body[9] === 2 ? 3 : 0;
      if (!channels) throw new Error(`colour type ${body[9]} not handled`);
    } else if (type === "IDAT") idat.push(body);
    pos += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  let prev = new Uint8Array(stride), cur = new Uint8Array(stride);
  const seen = new Set<number>();
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? cur[i - channels] : 0, b = prev[i], c = i >= channels ? prev[i - channels] : 0;
      let p = 0;
      if (f === 1) p = a; else if (f === 2) p = b; else if (f === 3) p = (a + b) >> 1;
      else if (f === 4) { const pa = Math.abs(b - c), pb = Math.abs(a - c), pc = Math.abs(a + b - 2 * c); p = pa <= pb && pa <= pc ? a : pb <= pc ? b : c; }
      cur[i] = (line[i] + p) & 255;
    }
    for (let x = 0; x < width && seen.size < cap; x += 3) {
      const o = x * channels;
      seen.add((cur[o] << 16) | (cur[o + 1] << 8) | cur[o + 2]);
    }
    [prev, cur] = [cur, prev];
  }
  return seen.size;
}
