import { describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { main } from "../../studies/calibrate-markets.ts";

const DATA = new URL("../../../shared/data", import.meta.url).pathname;

describe.skipIf(!existsSync(DATA))("the calibrate-markets study at a tiny size", () => {
  it("writes a profile and recommendation per market, a comparison table and explanations", async () => {
    const out = mkdtempSync(join("out", "test-calibrate-markets-"));
    await main(["--data-dir", DATA, "--out", out, "--markets", "sp500,usdjpy", "--paths", "64", "--coarse-paths", "64", "--workers", "2", "--quiet"]); // two markets on two threads (market-lanes.ts)
    const doc = JSON.parse(readFileSync(join(out, "results.json"), "utf8"));
    // one row per market and strategy: a vol-targeting and a trend-following book by default
    expect(doc.table.map((r: { market: string; strategy_kind: string }) => `${r.market} ${r.strategy_kind}`)).toEqual(["sp500 vol-target", "sp500 trend", "usdjpy vol-target", "usdjpy trend"]);
    for (const row of doc.table) {
      expect(row.sigma_stressed).toBeGreaterThan(row.sigma_calm);
      expect(Number.isFinite(row.gp_rate)).toBe(true);
      expect(row.ema_lambda_lo).toBeLessThanOrEqual(row.ema_lambda);
      expect(row.ema_lambda_hi).toBeGreaterThanOrEqual(row.ema_lambda);
    }
    expect(JSON.stringify(doc.explanations)).toMatch(/sp500|S&P/i);
    for (const m of ["sp500", "usdjpy"]) {
      expect(existsSync(join(out, m, "profile.json"))).toBe(true);
      for (const k of ["vol-target", "trend"]) expect(existsSync(join(out, m, k, "recommendation.json"))).toBe(true);
    }
    expect(existsSync(join(out, "report.html"))).toBe(true);
  }, 240_000); // two profile fits and four small searches: ~35 s on an idle machine
});
