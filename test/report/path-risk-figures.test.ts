import { describe, expect, it } from "vitest";
import { rs1Scenario } from "../../src/scenario/presets/rs1.ts";
import { validateScenario } from "../../src/scenario/validate-scenario.ts";
import { runPacing } from "../../src/engine/run-pacing.ts";
import { pacingDocument } from "../../src/engine/pacing-document.ts";
import { pacingReportPage } from "../../src/report/pacing-report.ts";

describe("pacing report: path-risk figures", async () => {
  const scenario = validateScenario({ ...rs1Scenario, paths: 256, horizonSteps: 400 });
  const doc = pacingDocument(scenario, await runPacing(scenario, { workers: 1, tracePaths: 20 }), { gitRevision: "test", date: "2026-01-01", blockPaths: 512 });

  it("shows the drawdown distribution, ruin by year, and the paired differences as a forest plot and a table", () => {
    const page = pacingReportPage(doc);
    expect(page.figures.map((f) => f.id)).toEqual(expect.arrayContaining(["drawdown", "ruin-by-year", "forest", "paired-table"]));
    const forest = page.figures.find((f) => f.id === "forest")!;
    // one panel per output of the paired differences (ruin by year aside: it has its own figure), each scheme but the baseline in it
    expect(forest.data).toHaveLength(Object.keys(doc.paired_differences.schemes.ema).filter((m) => !m.startsWith("ruin_by_year_")).length);
    expect((forest.data[0] as { y: string[] }).y).toEqual(["rate", "ema", "vol", "liquidity", "asymmetric"]);
    const box = page.figures.find((f) => f.id === "drawdown")!.data[0] as { median: number[] };
    expect(box.median[0]).toBeCloseTo(doc.schemes.instant.max_drawdown_median.estimate!, 12);
  });

  it("lets the frontier's axes switch to drawdown and CVaR", () => {
    const frontier = pacingReportPage(doc).figures.find((f) => f.id === "frontier")!;
    const menus = (frontier.layout as { updatemenus: { buttons: { label: string }[] }[] }).updatemenus;
    expect(menus[0].buttons.map((b) => b.label)).toContain("max_drawdown_median");
    expect(menus[1].buttons.map((b) => b.label)).toEqual(expect.arrayContaining(["ruin_probability", "max_drawdown_p95", "cvar5_terminal_return"]));
  });

  it("still renders a document written before path risk (no such fields)", () => {
    const old = structuredClone(doc) as unknown as Record<string, any>;
    delete old.ruin_by_year;
    delete old.plots.drawdown;
    for (const r of Object.values<Record<string, unknown>>(old.schemes)) for (const m of ["max_drawdown_median", "max_drawdown_p95", "cvar5_terminal_return", "time_under_water", "funding"]) delete r[m];
    const ids = pacingReportPage(old as never).figures.map((f) => f.id);
    expect(ids).not.toContain("drawdown");
    expect(ids).not.toContain("ruin-by-year");
    expect(ids).toContain("frontier");
  });
});
