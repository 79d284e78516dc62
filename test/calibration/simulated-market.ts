/**
 * Test helper: a seeded history from the profile's own model (regime-model.ts) — two regimes with
 * a Markov switch, normal or Student-t innovations (integer ν: Z/√(χ²_ν/ν), rescaled to the
 * regime's variance), optional normal jumps, optional persistent AR(1) drift — and the price
 * series it implies, so estimateProfile can be run on a history whose truth is known.
 */
import { PathStream } from "../../src/random/path-stream.ts";
import type { PriceSeries } from "../../src/data/price-series.ts";

export interface SimulatedMarket {
  steps: number; stepsPerYear: number; seed: number;
  /** annual σ of each regime */ sigma: [number, number];
  transition: [[number, number], [number, number]];
  /** Student-t ν (integer); absent = normal */ nu?: number;
  jumps?: { perYear: number; meanLog: number; sdLog: number };
  /** AR(1) drift per step with this time constant (steps) and stationary sd (per step) */
  trend?: { tau: number; sd: number };
}

export function simulateReturns(m: SimulatedMarket): Float64Array {
  const rng = new PathStream();
  rng.seed(m.seed, 0, 0);
  const normal = () => Math.sqrt(-2 * Math.log(rng.nextUniform())) * Math.cos(2 * Math.PI * rng.nextUniform());
  const x = new Float64Array(m.steps), dt = 1 / m.stepsPerYear;
  let r = 0, a = 0;
  const phi = m.trend ? Math.exp(-1 / m.trend.tau) : 0;
  for (let t = 0; t < m.steps; t++) {
    if (t > 0 && rng.nextUniform() < m.transition[r][1 - r]) r = 1 - r;
    const s = m.sigma[r] * Math.sqrt(dt);
    let e = normal();
    if (m.nu) { let c = 0; for (let k = 0; k < m.nu; k++) c += normal() ** 2; e = (e / Math.sqrt(c / m.nu)) * Math.sqrt((m.nu - 2) / m.nu); }
    x[t] = -0.5 * s * s + s * e + a;
    if (m.jumps && rng.nextUniform() < m.jumps.perYear * dt) x[t] += m.jumps.meanLog + m.jumps.sdLog * normal();
    if (m.trend) a = phi * a + m.trend.sd * Math.sqrt(1 - phi * phi) * normal();
  }
  return x;
}

/** Daily close-only series (no volume, no high/low) from log-returns, starting 2000-01-01. */
export function seriesFromReturns(x: Float64Array, file = "simulated.csv"): PriceSeries {
  const n = x.length + 1, close = new Float64Array(n), dates: string[] = [];
  close[0] = 100;
  for (let t = 1; t < n; t++) close[t] = close[t - 1] * Math.exp(x[t - 1]);
  for (let t = 0; t < n; t++) dates.push(new Date(Date.UTC(2000, 0, 1) + t * 86_400_000).toISOString().slice(0, 10));
  const nan = () => new Float64Array(n).fill(NaN);
  return { file, format: "clean", dates, lines: dates.map((_, i) => i + 2), open: nan(), high: nan(), low: nan(), close, volume: nan() };
}
