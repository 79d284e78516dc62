/** The report's HTML as bytes is the HTML string's UTF-8, byte for byte, with plotly.js inlined whole. */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { plotlyHtml, plotlyHtmlBytes, type ReportPage } from "../../src/report/plotly-html.ts";

const page: ReportPage = {
  title: "a <test> — ünïcode ✓ 𝜎",
  facts: { seed: 7, "git revision": "abc-dirty", note: "ruin ≤ 1%" },
  notes: ["σ̂ & λ"],
  figures: [{ id: "f", title: "fig", data: [{ x: [1, 2], y: [3, -0], name: "</script>" }], layout: { height: 600 }, caption: "κ" }],
  appendix: { title: "Configuration", json: { name: "résumé" } },
};

describe("plotlyHtmlBytes", () => {
  it("is the UTF-8 encoding of plotlyHtml, byte for byte", () => {
    expect(plotlyHtmlBytes(page).equals(Buffer.from(plotlyHtml(page), "utf8"))).toBe(true);
  });

  it("inlines plotly.js's file unchanged, non-ASCII characters included", () => {
    const plotly = readFileSync(createRequire(import.meta.url).resolve("plotly.js-dist-min/plotly.min.js"));
    expect(plotly.some((b) => b >= 0x80)).toBe(true); // the case the bytes path exists for
    const html = plotlyHtmlBytes(page);
    const at = html.indexOf(plotly);
    expect(at).toBeGreaterThan(0);
    expect(html.subarray(at - 8, at).toString()).toBe("<script>");
    expect(html.subarray(at + plotly.length, at + plotly.length + 9).toString()).toBe("</script>");
  });
});
