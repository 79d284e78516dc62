/**
 * Fault catalogue — a run that fails or is interrupted after its first output is computed
 * leaves the previous run's outputs whole: the pacing outputs (study, merge, queue) and
 * calibrate's profile/recommendation are each written as one set (src/io/write-output-set.ts).
 */
import { describe, expect, it, vi } from "vitest";
import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { writePacingOutputs } from "../../src/engine/write-pacing-outputs.ts";
import { runPacing } from "../../src/engine/run-pacing.ts";
import { checkOutputSet } from "../../src/io/write-output-set.ts";
import { buildReport } from "../../src/report/build-reports.ts";
import { main as calibrate } from "../../scripts/calibrate.ts";
import { smallRs1 } from "../shard/helpers.ts";

const fault = vi.hoisted(() => ({ report: false, search: false }));
vi.mock("../../src/report/pacing-report.ts", async (original) => {
  const m = await original<typeof import("../../src/report/pacing-report.ts")>();
  return { ...m, pacingReportParts: (...a: Parameters<typeof m.pacingReportParts>) => { if (fault.report) throw new Error("interrupted"); return m.pacingReportParts(...a); } };
});
vi.mock("../../src/calibration/pacing-search.ts", async (original) => {
  const m = await original<typeof import("../../src/calibration/pacing-search.ts")>();
  return { ...m, pacingSearch: (...a: Parameters<typeof m.pacingSearch>) => { if (fault.search) throw new Error("interrupted"); return m.pacingSearch(...a); } };
});

describe("a run's outputs are written together", () => {
  it("pacing: a failure while rendering report.html leaves the previous results.json, csv and report", async () => {
    const dir = mkdtempSync(join("out", "test-output-writers-"));
    const a = smallRs1(128, 20, 1), b = smallRs1(128, 20, 2);
    const opts = { workers: 1, blockPaths: 128, tracePaths: 4 } as const;
    writePacingOutputs(dir, a, await runPacing(a, opts), { gitRevision: "x", date: "x", blockPaths: 128 });
    const before = ["results.json", "results.csv", "report.html"].map((f) => readFileSync(join(dir, f), "utf8"));
    fault.report = true;
    const runB = await runPacing(b, opts);
    expect(() => writePacingOutputs(dir, b, runB, { gitRevision: "x", date: "x", blockPaths: 128 })).toThrow(/interrupted/);
    fault.report = false;
    expect(["results.json", "results.csv", "report.html"].map((f) => readFileSync(join(dir, f), "utf8"))).toEqual(before);
    expect(checkOutputSet(dir)).toEqual({ state: "complete", files: ["results.json", "results.csv", "report.html"] });
  });

  it("npm run report re-renders a complete set (keeping its manifest true) and refuses a mixed one", async () => {
    const dir = mkdtempSync(join("out", "test-output-writers-"));
    const a = smallRs1(128, 20, 1);
    const run = await runPacing(a, { workers: 1, blockPaths: 128, tracePaths: 4 });
    writePacingOutputs(dir, a, run, { gitRevision: "x", date: "x", blockPaths: 128 });
    buildReport(join(dir, "results.json"));
    expect(checkOutputSet(dir).state).toBe("complete");
    const other = mkdtempSync(join("out", "test-output-writers-"));
    writePacingOutputs(other, a, run, { gitRevision: "y", date: "y", blockPaths: 128 });
    copyFileSync(join(other, "results.json"), join(dir, "results.json")); // another run's results beside this report
    expect(() => buildReport(join(dir, "results.json"))).toThrow(/results\.json: not rendered — .*results\.json is not the file of this set/);
  });

  it("calibrate: a search that does not finish leaves the previous profile.json with its recommendation.json", async () => {
    const dir = join(mkdtempSync(join("out", "test-output-writers-")), "cal");
    const flags = ["--paths", "64", "--coarse-paths", "64", "--schemes", "ema", "--workers", "1", "--quiet", "--out", dir];
    await calibrate(["--data", "../shared/data/btc-usd_yahoo_1d.clean.csv", ...flags]);
    const before = ["profile.json", "recommendation.json", "report.html"].map((f) => readFileSync(join(dir, f), "utf8"));
    fault.search = true;
    await expect(calibrate(["--data", "../shared/data/eth-usd_yahoo_1d.clean.csv", ...flags])).rejects.toThrow(/interrupted/);
    fault.search = false;
    expect(["profile.json", "recommendation.json", "report.html"].map((f) => readFileSync(join(dir, f), "utf8"))).toEqual(before);
    expect(checkOutputSet(dir).state).toBe("complete");
  });
});
