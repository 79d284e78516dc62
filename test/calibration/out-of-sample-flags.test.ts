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

  it("flags a ruin cap that holds in sample and fails out of sample, confidently when the interval is above it", () => {
    expect(constraintCheck(0.01, est(0.005, 0.002), est(0.061, 0.01))).toMatchObject({ fails_out_of_sample: true, fails_confidently: true });
    expect(constraintCheck(0.01, est(0.005, 0.002), est(0.012, 0.01))).toMatchObject({ fails_out_of_sample: true, fails_confidently: false });
    expect(constraintCheck(0.01, est(0.005, 0.002), est(0.01, 0.01))).toMatchObject({ fails_out_of_sample: false, fails_confidently: false });
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
      extensionRounds: 1, refineSteps: 1, noiseSd: 0.5, profile: { allowFallback: true },
    });
    const ema = report.schemes[0];
    expect(ema.replay.constraint.in_sample_ruin).toBeLessThanOrEqual(0.01);
    expect(ema.replay.constraint.fails_out_of_sample).toBe(true);
    expect(ema.constraint_failures).toContain("replay");
    // recommendation.json: the kind's entry carries the same failure; a kind the later search lacks carries null
    const rec = withOutOfSampleConstraints({ schemes: { ema: { params: ema.params }, vol: { params: {} } } }, report);
    expect(rec.schemes.ema.constraints_out_of_sample).toMatchObject({ calibrated_params: ema.params, fails: ema.constraint_failures });
    expect(rec.schemes.ema.constraints_out_of_sample!.replay.fails_out_of_sample).toBe(true);
    expect(rec.schemes.vol.constraints_out_of_sample).toBeNull();
    const csv = outOfSampleCsv(report).trim().split("\n");
    const header = csv[0].split(","), replay = csv.find((l) => l.split(",")[1] === "replay")!.split(",");
    expect(replay[header.indexOf("constraint_fails_out_of_sample")]).toBe("true");
    expect(replay[header.indexOf("interval")]).toBe("unpaired");
    expect(outOfSampleLines(report).some((l) => /^FLAG ema@lambda=[\d.e-]+: ruin ≤ 0\.01 fails out of sample \(replay\)/.test(l))).toBe(true);
    // the report draws the flag, and every comparison carries its paired degradation against re-calibrating
    expect(outOfSampleFigures(report)[1].caption).toMatch(/FLAG — the ruin cap fails out of sample for: .*ema@lambda=[\d.e-]+ \(replay\)/);
    const paired = replay[header.indexOf("paired_vs_recalibrated")], lo = replay[header.indexOf("paired_vs_recalibrated_lo")];
    expect(Number(paired)).toBe(ema.replay.paired_degradation.objective.estimate);
    expect(Number(lo)).toBeLessThanOrEqual(Number(paired));
    expect(outOfSampleLines(report).some((l) => l.startsWith("ema@lambda=") && l.includes("vs re-calibrated on the later window lambda "))).toBe(true);
  });
});
