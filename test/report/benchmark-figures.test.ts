import { describe, expect, it } from "vitest";
import { rs1BenchmarksScenario } from "../../src/scenario/presets/rs1-benchmarks.ts";
import { rs1Scenario } from "../../src/scenario/presets/rs1.ts";
import { validateScenario } from "../../src/scenario/validate-scenario.ts";
import { runPacing } from "../../src/engine/run-pacing.ts";
import { pacingDocument, type PacingDocument } from "../../src/engine/pacing-document.ts";
import { pacingReportPage } from "../../src/report/pacing-report.ts";
import { distance } from "../../src/report/benchmark-distance.ts";
import { gpReference } from "../../src/report/benchmark-figures.ts";

type Heatmap = { y: string[]; x: string[]; z: number[][]; text: string[][] };

async function documentOf(input: object): Promise<PacingDocument> {
  const scenario = validateScenario({ ...input, paths: 256, horizonSteps: 300 });
  return pacingDocument(scenario, await runPacing(scenario, { workers: 1, tracePaths: 16 }), { gitRevision: "test", date: "2026-01-01", blockPaths: 512 });
}

describe("pacing report: the benchmark section", async () => {
  const doc = await documentOf(rs1BenchmarksScenario);
  const vsEma = await documentOf({ ...rs1BenchmarksScenario, baseline: "ema" });
  const figure = (d: PacingDocument, id: string) => pacingReportPage(d).figures.find((f) => f.id === id);

  it("shows GP's objective per scheme, each scheme's distance from gp, and the jump guard beside its scheme", () => {
    const ids = pacingReportPage(doc).figures.map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining(["benchmark-objective", "benchmark-distance", "jump-guard"]));
    const bars = figure(doc, "benchmark-objective")!.data[0] as { x: string[]; y: number[] };
    expect(bars.x).toEqual(Object.keys(doc.schemes));
    expect(bars.y[bars.x.indexOf("ema")]).toBeCloseTo(doc.schemes.ema.gp_objective.estimate! * 365, 12); // annualised
  });

  it("measures the distance from gp with the run's paired differences, annualising GP's objective", () => {
    const t = figure(doc, "benchmark-distance")!.data[0] as Heatmap;
    expect(t.y).toEqual(["instant", "rate", "ema", "vol", "liquidity", "asymmetric", "ac", "jump-guard"]);
    const d = doc.paired_differences.schemes.ema.gp_objective;
    const cell = t.text[t.y.indexOf("ema")][0];
    expect(cell.startsWith((d.estimate! * 365).toPrecision(3))).toBe(true);
    expect(cell).toContain((d.paired.lo! * 365).toPrecision(3));
    expect(distance(doc, "ema", "gp", "ruin_probability")).toEqual({ ...doc.paired_differences.schemes.ema.ruin_probability.paired, estimate: doc.paired_differences.schemes.ema.ruin_probability.estimate, paired: true });
  });

  it("colours a cell green only when the interval says better than gp: more objective or growth, less ruin, cost or drawdown", () => {
    const fake = structuredClone(doc);
    const set = (metric: string, lo: number, hi: number) => (fake.paired_differences.schemes.ema[metric] = { estimate: (lo + hi) / 2, paired: { lo, hi }, unpaired: { lo, hi } });
    set("gp_objective", 1e-4, 2e-4); // more objective: better
    set("ruin_probability", 0.01, 0.02); // more ruin: worse
    set("terminal_log_growth", -0.1, 0.1); // not resolved
    set("slippage", -0.02, -0.01); // less slippage: better
    const t = figure(fake, "benchmark-distance")!.data[0] as Heatmap;
    const row = t.z[t.y.indexOf("ema")];
    expect([row[0], row[1], row[2], row[4]]).toEqual([1, -1, 0, 1]);
  });

  it("falls back to unpaired intervals when the run is paired against another scheme, and says so", () => {
    expect(gpReference(vsEma)).toBe("gp");
    const d = distance(vsEma, "rate", "gp", "ruin_probability");
    const a = vsEma.schemes.rate.ruin_probability, b = vsEma.schemes.gp.ruin_probability;
    expect(d.paired).toBe(false);
    expect(d.estimate).toBeCloseTo(a.estimate! - b.estimate!, 15);
    expect(d.hi! - d.estimate!).toBeCloseTo(Math.hypot((a.hi! - a.lo!) / 2, (b.hi! - b.lo!) / 2), 15);
    expect(figure(vsEma, "benchmark-distance")!.title).toContain("unpaired");
    expect(figure(doc, "benchmark-distance")!.title).toContain("paired 95%");
  });

  it("pairs the jump guard with the scheme it guards when that scheme is the baseline", () => {
    const text = (d: PacingDocument) => ((figure(d, "jump-guard")!.layout as { annotations: { text: string }[] }).annotations[0].text);
    expect(text(vsEma)).toMatch(/jump-guard − ema:<br>.* paired/);
    const ruin = vsEma.paired_differences.schemes["jump-guard"].ruin_probability;
    expect(distance(vsEma, "jump-guard", "ema", "ruin_probability")).toEqual({ estimate: ruin.estimate, lo: ruin.paired.lo, hi: ruin.paired.hi, paired: true });
    expect(text(doc)).toMatch(/ unpaired/);
    const bars = figure(doc, "jump-guard")!.data[0] as { x: string[]; y: number[] };
    expect(bars.x).toEqual(["ema", "jump-guard"]);
    expect(bars.y).toEqual([doc.schemes.ema.ruin_probability.estimate, doc.schemes["jump-guard"].ruin_probability.estimate]);
  });

  it("notes gp's and ac's per-regime rate and gp's aim scale", () => {
    const notes = pacingReportPage(doc).notes!.join("\n");
    expect(notes).toContain(`gp: rate per step [${doc.schemes.gp.rate_per_step!.map((x) => x.toFixed(4)).join(", ")}], aim scale [`);
    expect(notes).toContain("ac: rate per step [");
  });

  it("is absent from a run without benchmarks (RS-1)", async () => {
    const ids = pacingReportPage(await documentOf(rs1Scenario)).figures.map((f) => f.id);
    expect(ids.filter((id) => id.startsWith("benchmark") || id === "jump-guard")).toEqual([]);
  });
});
