import { describe, expect, it } from "vitest";
import { constraintCheck, unpairedDegradation } from "../../src/calibration/degradation.ts";
import { outOfSampleValidation } from "../../src/calibration/out-of-sample.ts";
import { outOfSampleCsv, outOfSampleLines } from "../../src/calibration/out-of-sample-table.ts";
import { outOfSampleFigures } from "../../src/calibration/out-of-sample-figures.ts";
import { withOutOfSampleConstraints } from "../../src/calibration/recommendation-document.ts";
import type { PriceSeries } from "../../src/data/price-series.ts";

const est = (estimate: number, half: number) => ({ estimate, lo: estimate - half, hi: estimate + half });

describe("a degradation carries its interval and says which kind", () => {
  it("is out − in, ± the root sum of squares of the two half-widths, labelled unpaired", () => {
    const d = unpairedDegradation(est(0.02, 0.003), est(0.05, 0.004));
    expect(d.estimate).toBeCloseTo(0.03, 15);
    expect(d.hi! - d.estimate!).toBeCloseTo(0.005, 15);
    expect(d.estimate! - d.lo!).toBeCloseTo(0.005, 15);
    expect(d.interval).toBe("unpaired");
  });

  /** A window's estimates: ruin and drawdown p95 (shallow unless given). */
  const win = (ruin: ReturnType<typeof est>, dd = est(0.1, 0.01)) => ({ ruin_probability: ruin, max_drawdown_p95: dd });

  it("flags a ruin cap that holds in sample and fails out of sample, confidently when the interval is above it", () => {
    const caps = { maxRuin: 0.01 };
    expect(constraintCheck(caps, win(est(0.005, 0.002)), win(est(0.061, 0.01)))).toMatchObject({ fails_out_of_sample: true, fails_confidently: true, failing: ["ruin"] });
    expect(constraintCheck(caps, win(est(0.005, 0.002)), win(est(0.012, 0.01)))).toMatchObject({ fails_out_of_sample: true, fails_confidently: false });
    expect(constraintCheck(caps, win(est(0.005, 0.002)), win(est(0.01, 0.01)))).toMatchObject({ fails_out_of_sample: false, fails_confidently: false, failing: [] });
    expect(constraintCheck(caps, win(est(0.005, 0.002)), win(est(0.061, 0.01))).ruin).toMatchObject({ cap: 0.01, in_sample: 0.005, out_of_sample: 0.061 });
    // no drawdown cap: no drawdown check, however deep
    expect(constraintCheck(caps, win(est(0.005, 0.002)), win(est(0.005, 0.002), est(0.9, 0.01))).max_drawdown_p95).toBeUndefined();
  });

  it("checks the drawdown cap (--max-drawdown) too: a deeper drawdown p95 out of sample fails while ruin holds", () => {
    const caps = { maxRuin: 0.01, maxDrawdown: 0.3 };
    const c = constraintCheck(caps, win(est(0.005, 0.002), est(0.2, 0.02)), win(est(0.004, 0.002), est(0.42, 0.05)));
    expect(c.ruin.fails_out_of_sample).toBe(false);
    expect(c.max_drawdown_p95).toMatchObject({ cap: 0.3, in_sample: 0.2, out_of_sample: 0.42, holds_in_sample: true, fails_out_of_sample: true, fails_confidently: true });
    // a cap that already failed in sample says so
    expect(constraintCheck(caps, win(est(0.005, 0.002), est(0.35, 0.01)), win(est(0.005, 0.002), est(0.4, 0.01))).max_drawdown_p95).toMatchObject({ holds_in_sample: false, fails_out_of_sample: true });
    expect(c).toMatchObject({ fails_out_of_sample: true, fails_confidently: true, failing: ["max_drawdown_p95"] });
    // within the cap by its estimate but not by its interval: not a failure
    expect(constraintCheck(caps, win(est(0.005, 0.002)), win(est(0.005, 0.002), est(0.29, 0.05))).failing).toEqual([]);
    // both fail
    expect(constraintCheck(caps, win(est(0.005, 0.002)), win(est(0.05, 0.002), est(0.35, 0.1))).failing).toEqual(["ruin", "max_drawdown_p95"]);
  });
});

/** Calm prices (σ 10%/yr) then the same with a −45% day every 60 days: a cap that holds early fails late. */
function calmThenCrashes(n: number): PriceSeries {
  let s = 12345;
  const u = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) + 0.5) / 4294967296;
  const close = new Float64Array(n);
  close[0] = 100;
  for (let t = 1; t < n; t++) {
    const z = Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
    const crash = t > n * 0.6 && t % 60 === 0 ? Math.log(0.55) : 0;
    close[t] = close[t - 1] * Math.exp(0.1 / Math.sqrt(252) * z + crash);
  }
  const dates = Array.from({ length: n }, (_, i) => new Date(Date.UTC(2000, 0, 1) + i * 86400000).toISOString().slice(0, 10));
  return { file: "calm-then-crashes", format: "yahoo" as PriceSeries["format"], dates, lines: dates.map((_, i) => i + 2), open: close, high: close, low: close, close, volume: new Float64Array(n).fill(1e6) };
}

describe("out of sample, a constraint that fails is flagged in the JSON, the CSV and the lines for console and report", () => {
  it("fires on a market whose later window crashes", async () => {
    const report = await outOfSampleValidation(calmThenCrashes(1400), {
      split: 0.6, kinds: ["ema"], coarsePaths: 64, refinePaths: 64, intervalPaths: 64, evaluationPaths: 128, workers: 1, horizonYears: 1,
      extensionRounds: 1, refineSteps: 1, noiseSd: 0.5, profile: { allowFallback: true }, objective: { maxDrawdown: 0.3 },
    });
    const ema = report.schemes[0];
    expect(ema.replay.constraint.ruin.in_sample).toBeLessThanOrEqual(0.01);
    expect(ema.replay.constraint.ruin.fails_out_of_sample).toBe(true);
    expect(ema.constraint_failures).toContain("replay");
    // the drawdown cap holds in the calm early window and fails in the crashes
    expect(ema.replay.constraint.max_drawdown_p95!.in_sample).toBeLessThanOrEqual(0.3);
    expect(ema.replay.constraint.max_drawdown_p95!.fails_out_of_sample).toBe(true);
    expect(ema.failures_by_constraint.max_drawdown_p95).toContain("replay");
    expect(ema.failures_by_constraint.ruin).toContain("replay");
    // recommendation.json: the kind's entry carries the same failure; a kind the later search lacks carries null
    const rec = withOutOfSampleConstraints({ schemes: { ema: { params: ema.params }, vol: { params: {} } } }, report);
    expect(rec.schemes.ema.constraints_out_of_sample).toMatchObject({ calibrated_params: ema.params, fails: ema.constraint_failures });
    expect(rec.schemes.ema.constraints_out_of_sample!.replay.fails_out_of_sample).toBe(true);
    expect(rec.schemes.ema.constraints_out_of_sample!.replay.max_drawdown_p95).toMatchObject({ cap: 0.3, fails_out_of_sample: true });
    expect(rec.schemes.ema.constraints_out_of_sample!.fails_by_constraint).toEqual(ema.failures_by_constraint);
    expect(rec.schemes.vol.constraints_out_of_sample).toBeNull();
    const csv = outOfSampleCsv(report).trim().split("\n");
    const header = csv[0].split(","), replay = csv.find((l) => l.split(",")[1] === "replay")!.split(",");
    expect(replay[header.indexOf("constraint_fails_out_of_sample")]).toBe("true");
    expect(replay[header.indexOf("max_drawdown")]).toBe("0.3");
    expect(replay[header.indexOf("constraints_failing")]).toBe("ruin;max_drawdown_p95");
    expect(replay[header.indexOf("constraints_failing_in_sample")]).toBe(""); // both held in the calm window
    const failedBefore = structuredClone(report);
    failedBefore.schemes[0].replay.constraint.max_drawdown_p95!.holds_in_sample = false;
    const replayBefore = outOfSampleCsv(failedBefore).trim().split("\n").find((l) => l.split(",")[1] === "replay")!.split(",");
    expect(replayBefore[header.indexOf("constraints_failing_in_sample")]).toBe("max_drawdown_p95");
    expect(replay[header.indexOf("interval")]).toBe("unpaired");
    expect(outOfSampleLines(report).some((l) => /^FLAG ema@lambda=[\d.e-]+: ruin ≤ 0\.01 fails out of sample \(replay\)/.test(l))).toBe(true);
    expect(outOfSampleLines(report).some((l) => /^FLAG ema@lambda=[\d.e-]+: max_drawdown_p95 ≤ 0\.3 fails out of sample \(replay\)/.test(l))).toBe(true);
    // it held in the calm window, so its line does not say it failed in sample already
    expect(outOfSampleLines(report).filter((l) => /^FLAG ema@lambda=[\d.e-]+: max_drawdown_p95 ≤ 0\.3 fails out of sample \(replay\)/.test(l)).every((l) => !l.includes("in sample already"))).toBe(true);
    // the report draws the flag, and every comparison carries its paired degradation against re-calibrating
    expect(outOfSampleFigures(report)[1].caption).toMatch(/FLAG — the ruin cap fails out of sample for: .*ema@lambda=[\d.e-]+ \(replay\)/);
    expect(outOfSampleFigures(report)[1].caption).toMatch(/FLAG — the drawdown cap \(max_drawdown_p95\) fails out of sample for: .*ema@lambda=[\d.e-]+ \(replay\)/);
    const paired = replay[header.indexOf("paired_vs_recalibrated")], lo = replay[header.indexOf("paired_vs_recalibrated_lo")];
    expect(Number(paired)).toBe(ema.replay.paired_degradation.objective.estimate);
    expect(Number(lo)).toBeLessThanOrEqual(Number(paired));
    expect(outOfSampleLines(report).some((l) => l.startsWith("ema@lambda=") && l.includes("vs re-calibrated on the later window lambda "))).toBe(true);
  });
});
