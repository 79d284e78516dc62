/**
 * Draws of a market profile's fitted parameters from their uncertainty (issue 15, item 6), for
 * evaluating a recommendation across what the fit does not pin down.
 *
 * Each parameter with a 95% interval labelled `estimated` is drawn independently from the
 * normal approximation of its estimator on a scale where the interval is near symmetric:
 * g(θ) ~ N(g(θ̂), s²), s = (g(hi) − g(lo)) / (2·1.96), with g = ln for positive quantities
 * (σ per regime, jump intensity and sd, τ), logit for probabilities (the switching
 * probabilities, the EWMA decay) and the identity for the jump mean. The intervals come from
 * the observed information (regime-fit.ts), so this is its marginal distribution per
 * parameter; correlations between estimates are ignored (stated in `method`). A parameter
 * without an interval, or whose interval is `weak` (spans more than ×10), is held at its
 * estimate and listed in `held_fixed` with the reason; the liquidity fields carry no interval
 * and are held. The draw moves what the engine simulates (engine_market, trend, ewma): a
 * shift z·s of the chosen model's parameter is applied to the engine's on the same scale.
 * Seeded: PathStream(seed, stream DRAW_STREAM, path = draw index), normals by Box–Muller.
 */
import type { MarketProfile } from "./market-profile.ts";
import type { LabelledInterval } from "./regime-fit.ts";
import { PathStream } from "../random/path-stream.ts";
import { Z95 } from "../metrics/intervals.ts";

/** The random stream of the fit draws ("FIT" in ASCII): distinct from every engine stream. */
export const DRAW_STREAM = 0x464954;

export interface ProfileDraws { profiles: MarketProfile[]; drawn: string[]; held_fixed: string[]; method: string }

type Scale = "log" | "logit" | "identity";
const g = { log: Math.log, logit: (p: number) => Math.log(p / (1 - p)), identity: (x: number) => x };
const gInv = { log: Math.exp, logit: (y: number) => 1 / (1 + Math.exp(-y)), identity: (y: number) => y };

interface Drawable { name: string; estimate: number; interval: { lo: number; hi: number; status?: string } | null; scale: Scale; apply: (p: MarketProfile, shift: (v: number) => number) => void }

function drawables(p: MarketProfile): Drawable[] {
  const v = p.volatility, j = p.jumps;
  const out: Drawable[] = v.regimes.map((r, i) => ({
    name: `sigma_annual[${i}]`, estimate: r.sigma_annual, interval: r.interval, scale: "log" as Scale,
    apply: (q: MarketProfile, f: (x: number) => number) => { q.engine_market.regimes[i].sigma_annual = f(q.engine_market.regimes[i].sigma_annual); },
  }));
  const sw = v.switch_intervals ?? { p01: null, p10: null };
  out.push(
    { name: "p01", estimate: v.transition[0][1], interval: sw.p01, scale: "logit", apply: (q, f) => { const t = q.engine_market.transition; t[0][1] = f(t[0][1]); t[0][0] = 1 - t[0][1]; } },
    { name: "p10", estimate: v.transition[1][0], interval: sw.p10, scale: "logit", apply: (q, f) => { const t = q.engine_market.transition; t[1][0] = f(t[1][0]); t[1][1] = 1 - t[1][0]; } },
  );
  if (p.engine_market.jumps.intensity_per_year > 0) {
    const iv = j.intervals ?? { intensity_per_year: null, mean_log: null, sd_log: null };
    out.push(
      { name: "jump_intensity_per_year", estimate: j.intensity_per_year, interval: iv.intensity_per_year, scale: "log", apply: (q, f) => { q.engine_market.jumps.intensity_per_year = f(q.engine_market.jumps.intensity_per_year); } },
      { name: "jump_mean_log", estimate: j.mean_log, interval: iv.mean_log, scale: "identity", apply: (q, f) => { q.engine_market.jumps.mean_log = f(q.engine_market.jumps.mean_log); } },
      { name: "jump_sd_log", estimate: j.sd_log, interval: iv.sd_log, scale: "log", apply: (q, f) => { q.engine_market.jumps.sd_log = f(q.engine_market.jumps.sd_log); } },
    );
  }
  const trendOk = p.trend.fit_quality?.status === "estimated" ? "estimated" : "weak";
  out.push({ name: "trend_time_constant_steps", estimate: p.trend.time_constant_steps, interval: p.trend.interval ? { ...p.trend.interval, status: trendOk } : null, scale: "log", apply: (q, f) => { q.trend.time_constant_steps = f(q.trend.time_constant_steps); } });
  const ewmaOk = p.ewma.fit_quality?.status === "estimated" ? "estimated" : "weak";
  out.push({ name: "ewma_decay", estimate: p.ewma.decay, interval: p.ewma.interval ? { ...p.ewma.interval, status: ewmaOk } : null, scale: "logit", apply: (q, f) => { q.ewma.decay = f(q.ewma.decay); } });
  return out;
}

/** The log-scale sd of a drawable, or a reason it is held fixed. */
function spreadOf(d: Drawable): number | string {
  const iv = d.interval as (LabelledInterval | { lo: number; hi: number; status?: string }) | null;
  if (!iv) return "no interval";
  if (iv.status !== undefined && iv.status !== "estimated") return `interval ${iv.status}`;
  const lo = g[d.scale](iv.lo), hi = g[d.scale](iv.hi);
  const s = (hi - lo) / (2 * Z95);
  return Number.isFinite(s) && s >= 0 ? s : "interval not usable on its scale";
}

/** `n` seeded draws of the profile (see the module comment). */
export function drawProfiles(profile: MarketProfile, n: number, seed: number): ProfileDraws {
  const ds = drawables(profile).map((d) => ({ d, s: spreadOf(d) }));
  const rng = new PathStream();
  const profiles = Array.from({ length: n }, (_, i) => {
    rng.seed(seed, DRAW_STREAM, i);
    const normal = () => Math.sqrt(-2 * Math.log(rng.nextUniform())) * Math.cos(2 * Math.PI * rng.nextUniform());
    const q = structuredClone(profile);
    for (const { d, s } of ds) {
      const z = normal(); // drawn for every parameter, so a held one does not shift the others' draws
      if (typeof s === "number") d.apply(q, (x) => gInv[d.scale](g[d.scale](x) + z * s));
    }
    return q;
  });
  return {
    profiles,
    drawn: ds.filter((x) => typeof x.s === "number").map((x) => x.d.name),
    held_fixed: [...ds.filter((x) => typeof x.s !== "number").map((x) => `${x.d.name} (${x.s})`), "liquidity: depth, thinning, resilience, spread (no interval)"],
    method: `${n} independent draws per parameter from the normal approximation of its 95% interval (observed information) on a log, logit or linear scale; correlations between estimates ignored; seed ${seed}, stream ${DRAW_STREAM}`,
  };
}
