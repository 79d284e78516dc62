/**
 * The rs1-benchmarks preset (issue 14): RS-1's schemes plus gp, ac and a jump guard over ema,
 * paired against gp; runnable by name through the RS-1 study's --config and `pacing run`, with
 * every RS-1 and path-risk output, the same bytes for any worker count.
 */
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { rs1BenchmarksScenario } from "../../src/scenario/presets/rs1-benchmarks.ts";
import { rs1Scenario } from "../../src/scenario/presets/rs1.ts";
import { presetScenario } from "../../src/scenario/presets/preset-scenarios.ts";
import { validateScenario } from "../../src/scenario/validate-scenario.ts";
import { runPacing } from "../../src/engine/run-pacing.ts";
import { METRICS } from "../../src/engine/pacing-results.ts";
import { PATH_RISK_METRICS } from "../../src/engine/path-risk-results.ts";
import { main as study } from "../../studies/rs1-pacing-thin-book.ts";
import { main as run } from "../../src/cli/run-command.ts";
import { documentBytes } from "../shard/helpers.ts";
import { optimalPacingConstants } from "../../src/pacing/optimal-rates.ts";
import { UsageError } from "../../src/errors.ts";

const small = ["--paths", "128", "--steps", "200", "--workers", "1", "--block", "64", "--trace", "16", "--quiet"];

describe("preset rs1-benchmarks", () => {
  it("is RS-1 with gp, ac (λ = γ/2) and a jump guard over ema, paired against gp", () => {
    const s = validateScenario(rs1BenchmarksScenario);
    expect(s.schemes.slice(0, 6)).toEqual(validateScenario(rs1Scenario).schemes);
    expect(s.schemes.slice(6)).toEqual([
      { name: "gp", kind: "gp" },
      { name: "ac", kind: "ac", riskAversion: 1.5 },
      { name: "jump-guard", kind: "jump-guard", threshold: 4, then: "ema" },
    ]);
    expect(s.baseline).toBe("gp");
    expect({ ...s, schemes: [], baseline: "", name: "" }).toEqual({ ...validateScenario(rs1Scenario), schemes: [], baseline: "", name: "" });
    expect(presetScenario("rs1-benchmarks")).toBe(rs1BenchmarksScenario);
    expect(presetScenario("no-such")).toBeUndefined();
  });

  it("runs by name through the study's --config and through `pacing run`, with every RS-1 and path-risk output", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rs1-benchmarks-"));
    await study(["--config", "rs1-benchmarks", "--out", join(dir, "study"), ...small]);
    await run(["rs1-benchmarks", "--out", join(dir, "run"), ...small]);
    const doc = JSON.parse(readFileSync(join(dir, "study", "results.json"), "utf8"));
    expect(readFileSync(join(dir, "run", "results.json"), "utf8").replace(/"(date|git_revision|total_seconds|simulation_seconds)": [^,\n]*/g, ""))
      .toBe(readFileSync(join(dir, "study", "results.json"), "utf8").replace(/"(date|git_revision|total_seconds|simulation_seconds)": [^,\n]*/g, ""));
    expect(Object.keys(doc.schemes)).toEqual(["instant", "rate", "ema", "vol", "liquidity", "asymmetric", "gp", "ac", "jump-guard"]);
    for (const name of ["gp", "ac", "jump-guard"]) {
      for (const m of [...METRICS, ...PATH_RISK_METRICS]) expect(doc.schemes[name][m], `${name}.${m}`).toHaveProperty("estimate");
      expect(doc.schemes[name].max_drawdown_p95.estimate).toBeGreaterThan(0);
    }
    expect(doc.paired_differences.baseline).toBe("gp");
    expect(doc.plots.drawdown.schemes["jump-guard"]).toHaveLength(5);
    // results.json's per-regime constants are optimal-rates.ts's, to the last bit
    const s = validateScenario(rs1BenchmarksScenario);
    const gp = optimalPacingConstants(s, { kind: "gp" }), ac = optimalPacingConstants(s, { kind: "ac", riskAversion: 1.5 });
    expect(doc.schemes.gp.rate_per_step).toEqual(gp.rate_per_step);
    expect(doc.schemes.gp.aim_scale).toEqual(gp.aim_scale);
    expect(doc.schemes.ac.rate_per_step).toEqual(ac.rate_per_step);
    expect(doc.schemes.ac.aim_scale).toBeUndefined();
    expect(doc.schemes.ema.rate_per_step).toBeUndefined();
  }, 60_000);

  it("takes --baseline to pair against another scheme (the jump guard's paired effect: --baseline ema), and refuses a name that is no scheme", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rs1-benchmarks-baseline-"));
    await run(["rs1-benchmarks", "--baseline", "ema", "--out", dir, ...small]);
    const doc = JSON.parse(readFileSync(join(dir, "results.json"), "utf8"));
    expect(doc.paired_differences.baseline).toBe("ema");
    expect(doc.paired_differences.schemes["jump-guard"].ruin_probability.paired.lo).not.toBeNull();
    await expect(run(["rs1-benchmarks", "--baseline", "emma", "--out", join(dir, "x"), ...small])).rejects.toThrow(UsageError);
    await expect(run(["rs1-benchmarks", "--baseline", "emma", "--out", join(dir, "x"), ...small])).rejects.toThrow(/baseline: must name a scheme \(instant, .*jump-guard\); got "emma"/);
  }, 60_000);

  it("gives the same bytes on 1 and 2 workers", async () => {
    const s = validateScenario({ ...rs1BenchmarksScenario, paths: 192, horizonSteps: 200 });
    const opts = { blockPaths: 64, tracePaths: 16 } as const;
    const one = documentBytes(s, await runPacing(s, { ...opts, workers: 1 }), 64);
    expect(documentBytes(s, await runPacing(s, { ...opts, workers: 2 }), 64)).toBe(one);
  }, 60_000);
});
