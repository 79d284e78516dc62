/**
 * The profile's estimators one by one, on constructed inputs with known answers (milliseconds each).
 */
import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { studentTCdf } from "../../src/calibration/student-t-cdf.ts";
import { logStudentDensity, logGamma } from "../../src/calibration/regime-model.ts";
import { identifiedVariances, invertSpd } from "../../src/calibration/observed-information.ts";
import { bfgs } from "../../src/calibration/quasi-newton.ts";
import { corwinSchultzSpread } from "../../src/calibration/corwin-schultz-spread.ts";
import { modelTailProbability, tailCheck } from "../../src/calibration/posterior-predictive.ts";
import { resampleToBar, parseBar } from "../../src/calibration/bar-resample.ts";
import { trendPersistence } from "../../src/calibration/trend-persistence.ts";
import { liquidityProfile } from "../../src/calibration/liquidity-profile.ts";
import { estimateProfile } from "../../src/calibration/market-profile.ts";
import { PathStream } from "../../src/random/path-stream.ts";
import type { PriceSeries } from "../../src/data/price-series.ts";

function rng(seed: number) {
  const s = new PathStream();
  s.seed(seed, 0, 0);
  return { u: () => s.nextUniform(), z: () => Math.sqrt(-2 * Math.log(s.nextUniform())) * Math.cos(2 * Math.PI * s.nextUniform()) };
}

describe("Student-t", () => {
  it("cdf matches the closed forms for ν = 1 (Cauchy) and ν = 2", () => {
    fc.assert(fc.property(fc.double({ min: -50, max: 50, noNaN: true }), (t) => {
      expect(studentTCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 11);
      expect(studentTCdf(t, 2)).toBeCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), 11);
    }));
  });
  it("lnΓ matches factorials and Γ(½) = √π", () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 11);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 11);
    expect(logGamma(150.5)).toBeCloseTo(602.5139548705855, 9);
  });
  it("the density scaled to variance v integrates to 1 with variance v", () => {
    const v = 0.0004, nu = 5, m = 0.001, h = 1e-5;
    let mass = 0, second = 0;
    for (let x = m - 1; x <= m + 1; x += h) { const f = Math.exp(logStudentDensity(x, m, v, nu)) * h; mass += f; second += f * (x - m) ** 2; }
    expect(mass).toBeCloseTo(1, 4);
    expect(second / v).toBeCloseTo(1, 2);
  });
});

describe("identifiedVariances (generalised inverse)", () => {
  it("equals the diagonal of the inverse for a positive-definite matrix", () => {
    const a = [[4, 1, 0.5], [1, 3, 0.2], [0.5, 0.2, 2]];
    const inv = invertSpd(a)!;
    identifiedVariances(a).forEach((v, i) => expect(v!).toBeCloseTo(inv[i][i], 12));
  });
  it("keeps the identified parameters when another block is singular, and nulls the rest", () => {
    // parameters 2 and 3 enter only through their sum: that block has rank 1
    const a = [[4, 1, 0, 0], [1, 3, 0, 0], [0, 0, 5, 5], [0, 0, 5, 5]];
    expect(invertSpd(a)).toBeNull();
    const v = identifiedVariances(a), inv = invertSpd([[4, 1], [1, 3]])!;
    expect(v[0]!).toBeCloseTo(inv[0][0], 12);
    expect(v[1]!).toBeCloseTo(inv[1][1], 12);
    expect(v[2]).toBeNull();
    expect(v[3]).toBeNull();
  });
  it("drops a parameter whose differences left the domain (a non-finite row) and keeps the others", () => {
    const a = [[4, 1, NaN], [1, 3, NaN], [NaN, NaN, NaN]];
    const v = identifiedVariances(a), inv = invertSpd([[4, 1], [1, 3]])!;
    expect(v[0]!).toBeCloseTo(inv[0][0], 12);
    expect(v[1]!).toBeCloseTo(inv[1][1], 12);
    expect(v[2]).toBeNull();
  });
});

describe("bfgs", () => {
  it("finds the minimum of Rosenbrock's valley and of a quadratic with a wall", () => {
    const r = bfgs((x) => 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2, [-1.2, 1], 1e-6, 20_000);
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 4);
    expect(r.x[1]).toBeCloseTo(1, 4);
    const w = bfgs((x) => (x[0] > 3 ? Infinity : (x[0] - 2) ** 2 + (x[1] + 1) ** 2), [0, 0], 1e-8);
    expect(w.x[0]).toBeCloseTo(2, 5);
    expect(w.x[1]).toBeCloseTo(-1, 5);
  });
});

/** Days of a midprice random walk traded at bid or ask (full spread s): high/low/close per day. */
function quotedDays(days: number, sigmaDay: number, spread: number, gapEvery = 0) {
  const r = rng(11), M = 200;
  const high = new Float64Array(days), low = new Float64Array(days), close = new Float64Array(days);
  let mid = 100;
  for (let d = 0; d < days; d++) {
    if (gapEvery && d % gapEvery === 0) mid *= 1.05; // a jump while the market is closed
    let h = 0, l = Infinity, c = mid;
    for (let k = 0; k < M; k++) {
      mid *= Math.exp((sigmaDay / Math.sqrt(M)) * r.z());
      c = mid * (r.u() < 0.5 ? 1 + spread / 2 : 1 - spread / 2);
      h = Math.max(h, c); l = Math.min(l, c);
    }
    high[d] = h; low[d] = l; close[d] = c;
  }
  return { high, low, close };
}

describe("Corwin–Schultz spread", () => {
  it("recovers a spread that is large against the daily range, and calls it informative", () => {
    const q = quotedDays(1500, 0.004, 0.01);
    const cs = corwinSchultzSpread(q.high, q.low, q.close)!;
    expect(cs.informative).toBe(true);
    expect(cs.spread).toBeGreaterThan(0.007);
    expect(cs.spread).toBeLessThan(0.013);
  });
  it("says 'not informative' when there is no spread (the range is all volatility)", () => {
    const q = quotedDays(1500, 0.02, 0);
    const cs = corwinSchultzSpread(q.high, q.low, q.close)!;
    expect(cs.informative).toBe(false);
    expect(cs.negative_share).toBeGreaterThan(0.2);
  });
  it("says 'not informative' when clipping the negative two-day estimates more than doubles a small spread", () => {
    const q = quotedDays(4000, 0.01, 0.002);
    const cs = corwinSchultzSpread(q.high, q.low, q.close)!;
    expect(cs.raw_mean).toBeGreaterThan(2 * cs.raw_se); // the unclipped mean alone would call it resolved
    expect(cs.spread).toBeGreaterThan(2 * 0.002);
    expect(cs.informative).toBe(false);
  });
  it("the overnight adjustment takes most of a gap between sessions out of the two-day range", () => {
    const plain = quotedDays(1500, 0.004, 0.01), gapped = quotedDays(1500, 0.004, 0.01, 3);
    const a = corwinSchultzSpread(plain.high, plain.low, plain.close)!.spread;
    const adjusted = corwinSchultzSpread(gapped.high, gapped.low, gapped.close)!.spread;
    const unadjusted = corwinSchultzSpread(gapped.high, gapped.low, new Float64Array(1500).fill(NaN))!.spread; // no close: no adjustment
    expect(Math.abs(adjusted - a)).toBeLessThan(0.3 * a);
    expect(Math.abs(unadjusted - a)).toBeGreaterThan(1.5 * Math.abs(adjusted - a));
  });
});

describe("posterior predictive tail check", () => {
  it("with one regime and normal innovations it is Φ; with t it matches a large sample", () => {
    const p = { mean: 0, sd: [0.02, 0.02] as [number, number], transition: [[0.9, 0.1], [0.1, 0.9]] as [[number, number], [number, number]], jumpProb: 0, jumpMean: 0, jumpSd: 0 };
    const L = Math.log(0.95), m = -0.5 * 0.02 ** 2;
    // Φ((L − m)/s) by the t cdf at large ν (independent of the normal cdf used inside)
    expect(modelTailProbability(p, L)).toBeCloseTo(studentTCdf((L - m) / 0.02, 1e7), 6);
    const r = rng(5), nu = 4, draws = 400_000;
    let below = 0;
    for (let k = 0; k < draws; k++) {
      let c = 0; for (let j = 0; j < nu; j++) c += r.z() ** 2;
      const x = m + 0.02 * (r.z() / Math.sqrt(c / nu)) * Math.sqrt((nu - 2) / nu);
      if (x < L) below++;
    }
    const prob = modelTailProbability({ ...p, nu }, L), se = Math.sqrt(prob * (1 - prob) / draws);
    expect(Math.abs(below / draws - prob)).toBeLessThan(4 * se);
  });
  it("counts the data's days below each threshold and flags a model outside their interval", () => {
    const x = new Float64Array(1000).fill(0.001);
    for (let k = 0; k < 30; k++) x[k * 30] = -0.15;
    const p = { mean: 0, sd: [0.01, 0.01] as [number, number], transition: [[0.9, 0.1], [0.1, 0.9]] as [[number, number], [number, number]], jumpProb: 0, jumpMean: 0, jumpSd: 0 };
    const rows = tailCheck(x, 250, 0.02, { thin: p });
    expect(rows[0].data.count).toBe(30);
    expect(rows[0].data.per_year).toBeCloseTo(7.5, 12);
    expect(rows[0].models.thin.miss).toBe(true);
    expect(rows[1].data.count).toBe(0);
    expect(rows[1].models.thin.miss).toBe(false);
  });
});

function minuteSeries(days: number): PriceSeries {
  const n = days * 1440, dates: string[] = [], close = new Float64Array(n), r = rng(2);
  let c = 100;
  for (let i = 0; i < n; i++) { c *= Math.exp(0.0005 * r.z()); close[i] = c; dates.push(new Date(Date.UTC(2023, 0, 1) + i * 60_000).toISOString().slice(0, 19) + "Z"); }
  return { file: "m.csv", format: "clean", dates, lines: dates.map((_, i) => i + 2), open: close.slice(), high: close.map((v) => v * 1.001), low: close.map((v) => v * 0.999), close, volume: new Float64Array(n).fill(2) };
}

describe("bar resampling", () => {
  it("turns minute bars into daily OHLCV bars and leaves daily bars alone", () => {
    const s = minuteSeries(3), d = resampleToBar(s, parseBar("1d"), "1d");
    expect(d.resampled).toBe(true);
    expect(d.series.dates).toEqual(["2023-01-01", "2023-01-02", "2023-01-03"]);
    expect(d.series.close[1]).toBe(s.close[2 * 1440 - 1]);
    expect(d.series.open[1]).toBe(s.open[1440]);
    expect(d.series.high[0]).toBe(Math.max(...s.high.slice(0, 1440)));
    expect(d.series.low[2]).toBe(Math.min(...s.low.slice(2880)));
    expect(d.series.volume[0]).toBe(2 * 1440);
    expect(resampleToBar(d.series, parseBar("1d"), "1d").resampled).toBe(false);
    expect(resampleToBar(s, parseBar("1h"), "1h").series.dates.length).toBe(72);
  });
  it("refuses a bar finer than the file's, and a malformed bar", () => {
    const d = resampleToBar(minuteSeries(3), parseBar("1d"), "1d").series;
    expect(() => resampleToBar(d, parseBar("1h"), "1h")).toThrow(/longer than the profile's bar 1h — use --bar/);
    expect(() => parseBar("5x")).toThrow(/--bar: expected a bar length/);
  });
  it("a profile of minute bars is fitted on the profile's bar: refused with advice when too short, sane at --bar 1h", () => {
    expect(() => estimateProfile(minuteSeries(3))).toThrow(/2 returns \(its 4320 bars of 1 min resampled to 1d bars\).*--bar 1h/);
    // a pure random walk of 72,000 minutes (σ = 0.05%/min ≈ 36%/yr): no trend, no swarm of jumps
    const p = estimateProfile(minuteSeries(50), { bar: "1h" });
    expect(p.bar).toMatchObject({ bar: "1h", resampled: true, source_rows: 50 * 1440 });
    expect(p.window.observations).toBe(50 * 24 - 1);
    expect(p.trend.lr_statistic).toBeLessThan(5.99);
    expect(p.engine_market.jumps.intensity_per_year * 50 / 365).toBeLessThan(10);
    const annual = 0.0005 * Math.sqrt(525_960);
    const pooled = Math.sqrt(p.volatility.regimes.reduce((a, r) => a + r.share_of_time * r.sigma_annual ** 2, 0));
    expect(Math.abs(Math.log(pooled / annual))).toBeLessThan(0.1); // not a calm σ of 0.2%/yr
    expect(p.liquidity.intraday?.bars).toBe(50 * 1440); // the minute bars serve resilience
  });
});

describe("trend persistence", () => {
  it("white noise gives no signal; a signal persisting beyond the grid is censored", () => {
    // under no signal the LR exceeds χ²₂'s 5.99 on about 2% of series (τ is not identified then,
    // so χ²₂ is only a guide: its simulated 95% point is 4.4 at n = 4000)
    const r = rng(10), n = 4000, standardise = (v: Float64Array) => {
      const m = v.reduce((s, u) => s + u, 0) / n, sd = Math.sqrt(v.reduce((s, u) => s + (u - m) ** 2, 0) / n);
      return v.map((u) => (u - m) / sd);
    };
    const quiet = trendPersistence(standardise(Float64Array.from({ length: n }, () => r.z())));
    expect(quiet.lrStatistic).toBeLessThan(5.99);
    // a drift that moves steadily across the whole history (a ramp): persistence beyond τ = 2000 steps
    const persistent = Float64Array.from({ length: n }, (_, t) => 0.3 * ((2 * t) / n - 1) + r.z());
    const fit = trendPersistence(standardise(persistent));
    expect(fit.lrStatistic).toBeGreaterThan(5.99);
    expect(fit.censored).toBe("above");
  });
});

describe("Amihud depth window", () => {
  it("uses the recent two years by default and reports the full-sample figure beside it", () => {
    const n = 2000, spy = 250, r = rng(4);
    const close = new Float64Array(n), volume = new Float64Array(n);
    let c = 100;
    for (let t = 0; t < n; t++) { c *= Math.exp(0.01 * r.z()); close[t] = c; volume[t] = 1e3 * Math.pow(100, t / n); } // volume ×100 over the history
    const dates = Array.from({ length: n }, (_, t) => new Date(Date.UTC(2000, 0, 1) + t * 86_400_000).toISOString().slice(0, 10));
    const nan = new Float64Array(n).fill(NaN);
    const s: PriceSeries = { file: "v.csv", format: "clean", dates, lines: dates.map((_, i) => i + 2), open: nan, high: nan, low: nan, close, volume };
    const x = Float64Array.from({ length: n - 1 }, (_, t) => Math.log(close[t + 1] / close[t]));
    const calm = new Uint8Array(n - 1).fill(1);
    const recent = liquidityProfile(s, x, calm, [0.15, 0.3], spy, {}, []);
    const full = liquidityProfile(s, x, calm, [0.15, 0.3], spy, { depthWindow: "full" }, []);
    expect(recent.amihud!.window).toMatchObject({ choice: "recent", steps: 2 * spy, first_date: dates[n - 1 - 2 * spy + 1], last_date: dates[n - 1] });
    expect(full.amihud!.window.choice).toBe("full");
    expect(recent.amihud!.full_sample.depth).toBeCloseTo(full.depth, 9);
    // the recent window traded ~10× the full sample's median value: depth ~10× larger
    expect(recent.depth / full.depth).toBeGreaterThan(4);
  });
});
