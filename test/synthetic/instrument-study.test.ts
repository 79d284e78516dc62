/**
 * The synthetic-instrument study on constructed data: the cap binds on a share of windows
 * known by construction; the last window's figures equal independent computations (plain
 * formulas and the covariance library's reference twins) for the sample, EWMA and
 * Ledoit–Wolf estimators and for ATR sizing; ATR-21 equals the technicalindicators package.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ATR } from "technicalindicators";
import { runStudy } from "../../studies/synthetic-instrument.ts";
import { ewmaCovarianceReference } from "../../src/covariance/ewma-covariance.reference.ts";
import { ledoitWolfReference } from "../../src/covariance/ledoit-wolf.reference.ts";
import { sampleCovarianceReference } from "../../src/covariance/sample-covariance.reference.ts";
import { deltaRatioVarianceReference } from "../../src/covariance/ratio-variance.reference.ts";
import type { InstrumentInput } from "../../src/synthetic/instrument-schema.ts";
import { instrumentOf, randomWalk, tempDir, weekdays, writeInstrument, writePrices } from "./fixtures.ts";

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

async function study(instrument: InstrumentInput, files: Record<string, ArrayLike<number>>) {
  const dir = tempDir();
  for (const [name, closes] of Object.entries(files)) writePrices(dir, name, closes);
  const out = join(dir, "out");
  const results = await runStudy({ instrument: writeInstrument(dir, instrument), dataDir: dir, out }) as { instruments: Record<string, any> };
  const csv = readFileSync(join(out, `${instrument.id}-windows.csv`), "utf8").trim().split("\n");
  const header = csv[0].split(",");
  const column = (name: string) => csv.slice(1).map((r) => Number(r.split(",")[header.indexOf(name)]));
  return { entry: results.instruments[instrument.id], column, out };
}

describe("the leverage cap (G6) on a constructed instrument", () => {
  it("binds in exactly the windows made only of calm changes (87 of 237)", async () => {
    // 300 closes: changes 1…150 alternate ±10 around 1000 (σ ≈ 10), changes 151…299 ±0.001.
    // Leverage = risk·S/σ = 0.001·S/σ: ≈ 0.1 in the rough part, ≥ 0.79 with one rough change
    // in the window, ≈ 1000 in a calm window, so the 4× cap binds iff the window (changes
    // e−62 … e) starts after change 150: ends e = 213 … 299, 87 of the 237 windows 63 … 299.
    const X = Float64Array.from({ length: 300 }, (_, t) => (t <= 150 ? 1000 + 10 * (t % 2) : 1000 + 10 * (150 % 2) + 0.001 * (t % 2)));
    const { entry, column } = await study(instrumentOf([{ name: "X", side: "base", weight: 1, file: "x.csv" }, { name: "USD", side: "quote", weight: 1, constant: 1 }],
      { sizing: { capital: 1_000_000, riskFraction: 0.001, cap: 4 } }), { "x.csv": X });
    expect(entry.windows).toBe(237);
    expect(entry.cap_binding_windows).toBe(87);
    expect(entry.cap_binding_share).toBe(87 / 237);
    const binds = column("cap_binds");
    expect(binds.indexOf(1)).toBe(213 - 63);
    expect(binds.slice(213 - 63).every((b) => b === 1)).toBe(true);
    expect(column("leverage").every((l) => l <= 4)).toBe(true);
    expect(entry.last_window.leverage).toBe(4);
    expect(entry.last_window.position).toBe((4 * 1_000_000) / entry.last_window.S);
  });
});

describe("last-window figures against independent computations", () => {
  const n = 260;
  const files = { "x.csv": randomWalk(n, 100, 1.5, 1), "y.csv": randomWalk(n, 50, 0.8, 2), "z.csv": randomWalk(n, 120, 1.1, 3) };
  const legs: InstrumentInput["legs"] = [
    { name: "X", side: "base", weight: 1, file: "x.csv" }, { name: "Y", side: "base", weight: 2, file: "y.csv" },
    { name: "Z", side: "quote", weight: 1, file: "z.csv" },
  ];
  const closes = Object.values(files);
  const A = (t: number) => closes[0][t] + 2 * closes[1][t], B = (t: number) => closes[2][t];
  const e = n - 1, k = 3, a = [1, 2, 0], b = [0, 0, 1];
  const changes = (from: number, to: number) => { // change rows from … to − 1 (row r = close r+1 − close r)
    const x = new Float64Array((to - from) * k);
    for (let r = from; r < to; r++) for (let i = 0; i < k; i++) x[(r - from) * k + i] = closes[i][r + 1] - closes[i][r];
    return x;
  };
  const expectWindow = (w: Record<string, number>, sigma: Float64Array) => {
    const g3 = deltaRatioVarianceReference(sigma, k, a, b, A(e), B(e));
    for (const [field, v] of [["var_A", g3.varA], ["var_B", g3.varB], ["cov_AB", g3.covAB], ["delta_vol", Math.sqrt(g3.variance)]] as const) {
      expect(rel(w[field], v), `${field}: study ${w[field]}, reference ${v}`).toBeLessThan(1e-12);
    }
  };

  it("sample covariance (RS-3): delta_vol, realised_vol, position and leverage", async () => {
    const { entry } = await study(instrumentOf(legs), files);
    const w = entry.last_window;
    expectWindow(w, sampleCovarianceReference(changes(e - 63, e), 63, k));
    const dS = Array.from({ length: 63 }, (_, j) => A(e - 62 + j) / B(e - 62 + j) - A(e - 63 + j) / B(e - 63 + j));
    const mean = dS.reduce((s, v) => s + v, 0) / 63;
    expect(rel(w.realised_vol, Math.sqrt(dS.reduce((s, v) => s + (v - mean) ** 2, 0) / 62))).toBeLessThan(1e-12);
    expect(w.S).toBe(A(e) / B(e));
    const position = 10_000 / w.delta_vol, leverage = (position * w.S) / 1_000_000;
    expect(w.cap_binds).toBe(leverage > 4);
    expect(rel(w.position, leverage > 4 ? (4 * 1_000_000) / w.S : position)).toBeLessThan(1e-14);
  });

  it("EWMA covariance equals the reference twin's recursion over every change to the window's end", async () => {
    const { entry } = await study(instrumentOf(legs, { covariance: { kind: "ewma", decay: 0.9 } }), files);
    const x = changes(0, e), state = new Float64Array(k * k);
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) state[i * k + j] = x[i] * x[j]; // Σ_0 = ΔX_1ΔX_1ᵀ
    ewmaCovarianceReference(x, e, k, 0.9, state, false);
    expectWindow(entry.last_window, state);
  });

  it("Ledoit–Wolf covariance equals the reference twin on the window's changes", async () => {
    const { entry } = await study(instrumentOf(legs, { covariance: { kind: "ledoit-wolf" } }), files);
    expectWindow(entry.last_window, ledoitWolfReference(changes(e - 63, e), 63, k).covariance);
  });

  it("ATR-21 unit risk: the study's ATR equals technicalindicators' ATR of S (H = L = C), and sizes the position", async () => {
    const { entry, column } = await study(instrumentOf(legs, { unitRisk: { kind: "atr", period: 21 } }), files);
    const S = Array.from({ length: n }, (_, t) => A(t) / B(t));
    const theirs = ATR.calculate({ high: S, low: S, close: S, period: 21 }); // theirs[j] is bar j + 21
    const atr = column("atr");
    expect(atr.length).toBe(n - 63);
    atr.forEach((v, w) => expect(rel(v, theirs[63 + w - 21]), `window ${w}`).toBeLessThan(1e-12));
    const lw = entry.last_window;
    expect(lw.atr_period).toBe(21);
    expect(lw.unit_risk).toBe(lw.atr);
    expect(rel(lw.position, Math.min(10_000 / lw.atr, (4 * 1_000_000) / lw.S))).toBeLessThan(1e-14);
  });

  it("an ATR period longer than the window: the first window ends where the first ATR exists", async () => {
    const { entry, column } = await study(instrumentOf(legs, { window: 10, unitRisk: { kind: "atr", period: 21 } }), files);
    expect(entry.windows).toBe(n - 21);
    expect(column("atr").every(Number.isFinite)).toBe(true);
    expect(column("realised_vol").length).toBe(n - 21);
  });
});

describe("legs: currency conversion and the as-of calendar", () => {
  it("a currency leg is X·FX (or X/FX with invert) on the aligned dates", async () => {
    const n = 100, X = randomWalk(n, 2000, 10, 7), FX = randomWalk(n, 150, 0.5, 8);
    const legs = (invert: boolean): InstrumentInput["legs"] => [
      { name: "GoldJPY", side: "base", weight: 1, file: "g.csv", currency: { file: "fx.csv", invert } }, { name: "JPY", side: "quote", weight: 1, constant: 1 },
    ];
    const times = await study(instrumentOf(legs(false)), { "g.csv": X, "fx.csv": FX });
    expect(times.entry.last_window.A).toBe(X[n - 1] * FX[n - 1]);
    expect(times.entry.legs[0].source).toMatch(/g\.csv × .*fx\.csv$/);
    const over = await study(instrumentOf(legs(true)), { "g.csv": X, "fx.csv": FX });
    expect(over.entry.last_window.A).toBe(X[n - 1] / FX[n - 1]);
  });

  it("as-of: keeps the reference leg's dates and takes the other leg's last close at most maxAgeDays old", async () => {
    const dir = tempDir();
    const dates = weekdays(120), X = randomWalk(120, 100, 1, 1), Y = randomWalk(120, 50, 1, 2);
    writePrices(dir, "x.csv", X, dates);
    const keep = dates.map((_, t) => t).filter((t) => t % 10 !== 5); // Y misses every tenth date
    writePrices(dir, "y.csv", keep.map((t) => Y[t]), keep.map((t) => dates[t]));
    const inst = instrumentOf([{ name: "X", side: "base", weight: 1, file: "x.csv" }, { name: "Y", side: "quote", weight: 1, file: "y.csv" }], { calendar: { kind: "as-of", reference: "X", maxAgeDays: 3 } });
    const r = await runStudy({ instrument: writeInstrument(dir, inst), dataDir: dir, out: join(dir, "out") }) as { instruments: Record<string, any> };
    // the missing dates t = 5, 15, … are Mondays: Y's last close there is Friday's, 3 days old
    expect(keep.length).toBe(108);
    expect(r.instruments.fixture.dates).toBe(120);
    const strict = await runStudy({ instrument: writeInstrument(dir, { ...inst, calendar: { kind: "as-of", reference: "X", maxAgeDays: 2 } }, "age2.json"), dataDir: dir, out: join(dir, "out3") }) as { instruments: Record<string, any> };
    expect(strict.instruments.fixture.dates).toBe(108);
    const inner = await runStudy({ instrument: writeInstrument(dir, { ...inst, calendar: { kind: "inner" } }, "inner.json"), dataDir: dir, out: join(dir, "out2") }) as { instruments: Record<string, any> };
    expect(inner.instruments.fixture.dates).toBe(keep.length);
  });
});

