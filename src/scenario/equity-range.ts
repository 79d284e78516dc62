/**
 * The range the single-precision engine can hold, derived from a scenario: the kernel keeps
 * each path's equity, position, peak and returns in f32 (largest finite value 3.4e38 = e^88.7),
 * so a scenario whose paths can grow equity past that, or whose one-step log-return can
 * overflow e^x, would come back as ∞/NaN or as a false "ruin 0". Such scenarios are refused
 * here, before the run, with the bound that failed and the field to change.
 *
 * Two bounds, both on a path 6 standard deviations out (about 1e-9 per path; with Student-t
 * innovations the one-step shock is each regime's t quantile of that probability, innovation-tail.ts):
 * - one step: |x| ≤ (|f̄| + 6σ_f + σ²/2 + λ_J|k̄|)·dt + 6σ_max√dt + (|μ_J| + 6σ_J) ≤ 40, so that
 *   e^x − 1, x² and x²/dt (the EWMA variance update) stay finite in f32;
 * - the horizon: the log-growth of equity held at a leverage L ≤ L_max (the target's cap) over
 *   Y years, with drift μ and variance v per year, is at most
 *   G = max over L ∈ [0, L_max], v ∈ [σ_min², σ_max²] of L·(μ·Y + 6·√(v·Y)) − L²·v·Y/2,
 *   where the drag term is Itô's (a levered GBM's log-growth is Lμ − L²v/2 a year) and the
 *   variance v ranges over every mix of the regimes (jump variance λ_J(μ_J² + σ_J²) added).
 *   μ is the alpha's long-run mean plus 6 sd of its average over the horizon (an AR(1) with time
 *   constant τ averaged over N steps has sd ≈ σ_f·√(min(1, 2τ/N))). The bound asks
 *   ln(E₀) + G ≤ 80, leaving e^8.7 ≈ 6,000× of room below the f32 limit for one step's move.
 *   RS-1 gives G ≈ 29.5 (38.7 at any longer horizon).
 * Supplied returns: a bootstrap or replay uses its history's mean and variance; correlated legs
 * are held to the one-step bound only (their instrument's variance is not a single number).
 */
import type { Scenario } from "./scenario-schema.ts";
import { show } from "../errors.ts";
import { innovationTailMultiplier } from "./innovation-tail.ts";

/** ln of the largest equity (in account units) the bound lets a path reach: e^80 ≈ 5.5e34. */
export const LOG_EQUITY_LIMIT = 80;
/** Largest one-step log-return magnitude the bound admits. */
export const LOG_RETURN_LIMIT = 40;
const Z = 6;

/** The largest |L*| the scenario's target can ask for (its cap). */
export function targetLeverageCap(s: Scenario): number {
  const t = s.target;
  switch (t.kind) {
    case "signal": case "trend": return t.maxLeverage;
    case "constant": return Math.abs(t.leverage);
    case "series": return t.values.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    case "vol-target": return t.cap;
  }
}

/**
 * The 6-sd upper bound G on a path's log-growth of equity over the horizon (formula above).
 * @param mu drift per year; v range of variance per year [vLo, vHi]; years the horizon
 */
export function logGrowthBound(leverageCap: number, mu: number, vLo: number, vHi: number, years: number): number {
  let best = 0;
  const n = 200;
  for (let i = 1; i <= n; i++) {
    const L = (leverageCap * i) / n;
    // for a given L the bound is concave in √v with its peak at √v = Z/(L·√Y); clip to the range
    const vStar = Math.min(vHi, Math.max(vLo, (Z * Z) / (L * L * years)));
    for (const v of [vLo, vHi, vStar]) best = Math.max(best, L * (mu * years + Z * Math.sqrt(v * years)) - (L * L * v * years) / 2);
  }
  return best;
}

/**
 * Adds a problem (through `at`) for each bound the scenario breaks, naming the figure, the
 * limit and the fields to change.
 */
export function checkEquityRange(s: Scenario, at: (field: string, rule: string, value: unknown) => void): void {
  const m = s.market, dt = 1 / m.stepsPerYear, years = s.horizonSteps * dt;
  const sigmas = m.regimes.map((r) => r.sigma);
  const j = m.jumps.enabled ? m.jumps : { intensityPerYear: 0, meanLog: 0, sdLog: 0 };
  const kBar = Math.expm1(j.meanLog + (j.sdLog * j.sdLog) / 2);
  const jumpVar = j.intensityPerYear * (j.meanLog ** 2 + j.sdLog ** 2);
  const sMax = Math.max(...sigmas), sMin = Math.min(...sigmas);
  const stepDrift = (Math.abs(m.alpha.mean) + Z * m.alpha.sd + (sMax * sMax) / 2 + j.intensityPerYear * Math.abs(kBar)) * dt;
  const jumpStep = m.jumps.enabled ? Math.abs(j.meanLog) + Z * j.sdLog : 0;
  // Student-t innovations: each regime's t quantile of the same tail probability (innovation-tail.ts)
  const nu = m.innovations?.kind === "student-t" ? m.innovations.nu : null;
  const shock = Math.max(...sigmas.map((sigma, r) => sigma * innovationTailMultiplier(nu?.[r]))) * Math.sqrt(dt);
  const step = stepDrift + shock + jumpStep;
  if (!(step <= LOG_RETURN_LIMIT)) {
    at("market", `one step's log-return can reach ${show(step)} (6 sd out: drift·dt ${show(stepDrift)} + ${nu ? "the t's quantile" : "6σ√dt"} ${show(shock)} + jump ${show(jumpStep)}), above the ${LOG_RETURN_LIMIT} the single-precision engine holds — use more stepsPerYear (now ${show(m.stepsPerYear)}), smaller volatilities${nu ? ", a larger ν (market.innovations.nu)" : ""} or smaller jumps (meanLog, sdLog)`, { stepsPerYear: m.stepsPerYear, sigmaMax: sMax, jumps: m.jumps });
    return;
  }
  const L = targetLeverageCap(s);
  let mu: number, vLo: number, vHi: number;
  if (s.returns && s.returns.kind === "correlated-legs") return;
  if (s.returns) {
    const r = s.returns.returns, n = r.length, mean = r.reduce((a, b) => a + b, 0) / n;
    const v = (r.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, n - 1)) * m.stepsPerYear;
    mu = Math.abs(mean) * m.stepsPerYear + v / 2; vLo = v; vHi = v;
  } else {
    const averaged = m.alpha.sd * Math.sqrt(Math.min(1, (2 * m.alpha.timeConstantSteps) / s.horizonSteps));
    mu = Math.abs(m.alpha.mean) + Z * averaged; vLo = sMin * sMin + jumpVar; vHi = sMax * sMax + jumpVar;
  }
  const g = logGrowthBound(L, mu, vLo, vHi, years), room = LOG_EQUITY_LIMIT - Math.log(Math.max(1, s.initialEquity));
  if (!(g <= room)) {
    at("horizonSteps", `a path's equity can grow by e^${g.toFixed(1)} over ${years.toPrecision(4)} years at leverage up to ${show(L)} (6 sd out), past the single-precision engine's e^${room.toFixed(1)} (ln 5.5e34${s.initialEquity > 1 ? " less ln E₀" : ""}) — use fewer horizonSteps, a lower leverage cap or a smaller drift (market.alpha.mean)`, s.horizonSteps);
  }
}
