/** `npm run report` without a browser: kind detection, errors that name the file, the index. */
import { describe, it, expect, beforeAll } from "vitest";
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { buildReports } from "../../src/report/build-reports.ts";
import { findResultsFiles } from "../../src/report/find-results.ts";
import { readResultsFile } from "../../src/report/results-file.ts";
import { detectReportKind } from "../../src/report/report-kinds.ts";
import { configurationSummary } from "../../src/report/report-facts.ts";
import { main as report } from "../../scripts/report.ts";
import { tinyRs1, instrumentsFixture, realRs3 } from "./fixtures.ts";
import { buildReport } from "../../src/report/build-reports.ts";

const root = join("out", "test-report");
let rs1File = "";

beforeAll(async () => {
  rmSync(root, { recursive: true, force: true });
  rs1File = await tinyRs1(join(root, "rs1"));
  instrumentsFixture(join(root, "rs3"));
}, 60_000);

describe("report kinds", () => {
  it("detects RS-1 by scenario + schemes + paired_differences and RS-3 by instruments", () => {
    expect(detectReportKind(readResultsFile(rs1File), rs1File).kind).toBe("pacing");
    const rs3 = join(root, "rs3", "results.json");
    expect(detectReportKind(readResultsFile(rs3), rs3).kind).toBe("instruments");
  });

  it("detects a comparison table (the calibration study's shape) and draws every numeric column", () => {
    const doc = { study: "calibrate-markets", seed: 1, git_revision: "x", date: "d", explanations: ["btc: fast"],
      table: [{ market: "btc", gp_rate: 0.1, ema_ruin: { estimate: 0, lo: 0, hi: 0.01 } }, { market: "eth", gp_rate: 0.2, ema_ruin: { estimate: 0.01, lo: 0, hi: 0.02 } }] };
    const kind = detectReportKind(doc, "t.json");
    expect(kind.kind).toBe("table");
    const page = kind.page(doc);
    expect(page.notes).toEqual(["btc: fast"]);
    expect((page.figures[0].data as { name: string }[]).map((t) => t.name)).toEqual(["gp_rate", "ema_ruin"]);
    expect(() => detectReportKind({ table: [] }, "t.json")).toThrow(/t\.json: malformed a comparison-table study .* table: must be a non-empty array/);
  });

  it("reads -inf back as a number", () => {
    const f = join(root, "inf", "results.json");
    mkdirSync(join(root, "inf"), { recursive: true });
    writeFileSync(f, '{"x": "-inf", "y": "inf"}');
    expect(readResultsFile(f)).toEqual({ x: -Infinity, y: Infinity });
    rmSync(join(root, "inf"), { recursive: true });
  });

  it("names the file and what is wrong", () => {
    const dir = join(root, "bad");
    mkdirSync(dir, { recursive: true });
    const f = join(dir, "results.json");
    writeFileSync(f, "{ not json");
    expect(() => readResultsFile(f)).toThrow(/out\/test-report\/bad\/results\.json: is not valid JSON/);
    writeFileSync(f, "[1, 2]");
    expect(() => readResultsFile(f)).toThrow(/results\.json: must hold a JSON object.*got an array/);
    expect(() => readResultsFile(join(dir, "missing.json"))).toThrow(/missing\.json: cannot be read \(ENOENT\)/);
    expect(() => detectReportKind({ foo: 1 }, f)).toThrow(/results\.json: not a results document any report knows \(top-level keys: foo\) — expected a pacing study/);
    const doc = readResultsFile(rs1File);
    delete (doc.schemes as Record<string, Record<string, unknown>>).ema.slippage;
    (doc as Record<string, unknown>).seed = "one";
    expect(() => detectReportKind(doc, f)).toThrow(/malformed a pacing study \(RS-1 shape\) — seed: must be a number; got a string \("one"\); schemes\.ema\.slippage: must be an object; got missing/);
    rmSync(dir, { recursive: true });
  });

  it("fingerprints a configuration independently of key order", () => {
    expect(configurationSummary({ name: "A", x: 1, y: [1, 2] })).toBe(configurationSummary({ y: [1, 2], x: 1, name: "A" }));
    expect(configurationSummary({ name: "A", x: 1 })).not.toBe(configurationSummary({ name: "A", x: 2 }));
  });
});

describe("the real RS-3 study's results.json", () => {
  it.skipIf(!existsSync(join("..", "shared", "data")))("renders as an instruments report with the rolling figures from its window CSVs", () => {
    const file = realRs3(join("out", "test-report-rs3"))!;
    const { html, entry } = buildReport(file);
    expect(entry.kind).toBe("instruments");
    const text = readFileSync(html, "utf8");
    for (const id of ["volatility", "btc_2nq_usd-vol", "btc_2nq_usd-lev", "gold_usdjpy-price", "gold_usdjpy-corr"]) expect(text).toContain(`id="${id}"`);
  }, 60_000);
});

describe("buildReports", () => {
  it("writes a report beside each results.json and an index linking them, with the header facts", async () => {
    const files = findResultsFiles(root);
    expect(files).toEqual([join(root, "rs1", "results.json"), join(root, "rs3", "results.json")]);
    const out = await buildReports({ outDir: root, files });
    expect(out.failures).toEqual([]);
    const html = readFileSync(join(root, "rs1", "report.html"), "utf8");
    for (const fact of ["seed", "configuration", "git revision", "date", "run time (s)"]) expect(html).toContain(`<th>${fact}</th>`);
    expect(html).toMatch(/RS-1 · sha256:[0-9a-f]{12}/);
    const index = readFileSync(out.index, "utf8");
    expect(index).toContain('href="rs1/report.html"');
    expect(index).toContain('href="rs3/report.html"');
  });

  it("lists a malformed file on the index and fails the command with its name (exit 2)", async () => {
    const dir = join(root, "broken");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "results.json"), '{"scenario": "RS-1"}');
    await expect(report(["--out-dir", root, "--no-png", "--quiet"])).rejects.toThrow(/broken\/results\.json: not a results document/);
    expect(readFileSync(join(root, "index.html"), "utf8")).toContain("Could not render");
    expect(existsSync(join(root, "rs1", "report.html"))).toBe(true);
    rmSync(dir, { recursive: true });
    await expect(report([join(root, "nope", "results.json"), "--no-png", "--quiet"])).rejects.toThrow(/nope\/results\.json: no such results file/);
    await expect(report(["--out-dir", join(root, "absent"), "--quiet"])).rejects.toThrow(/absent: is not a folder/);
  });
});
