/**
 * The volatility, jump, tail and engine sections of a market profile, from the three-way model
 * choice (regime-model-choice.ts): the chosen model's regimes, innovations and jumps with their
 * labelled intervals; the posterior predictive tail check of the chosen model and of the model the
 * engine simulates; and `engine_market`, what the scenario gets.
 *
 * The engine simulates the `engine` fit (market-profile.ts passes the chosen one): normal or
 * Student-t innovations (the kernel's t, scaled to each regime's variance as in the likelihood,
 * ν shared by both regimes), with its jumps if it has them.
 * Units: σ annual (per-step sd·√steps_per_year); transition per step; jump intensity per year.
 */
import type { RegimeFit, LabelledInterval } from "./regime-fit.ts";
import type { ModelChoice } from "./regime-model-choice.ts";
import { modelName } from "./regime-codec.ts";
import type { RegimeParams } from "./regime-model.ts";
import { tailCheck, type TailCheckRow } from "./posterior-predictive.ts";
import type { ProfileOverrides, Quality } from "./market-profile.ts";

export interface VolatilitySection {
  method: string; model: string;
  innovations: { distribution: "normal" | "student-t"; nu: number | null; nu_interval: LabelledInterval | null; note: string };
  regimes: { sigma_annual: number; interval: LabelledInterval | null; share_of_time: number; expected_duration_steps: number }[];
  transition: [[number, number], [number, number]];
  switch_intervals: { p01: LabelledInterval | null; p10: LabelledInterval | null };
  log_likelihood: number; converged: boolean; evaluations: number; starts: number[];
  em: { iterations: number; converged: boolean; log_likelihood: number };
  fallback: string | null; fit_quality: Quality;
}

export interface JumpSection {
  method: string; intensity_per_year: number; mean_log: number; sd_log: number; sd_floor: number;
  intervals: { intensity_per_year: LabelledInterval | null; mean_log: LabelledInterval | null; sd_log: LabelledInterval | null };
  threshold: { k: number; count: number; intensity_per_year: { estimate: number; lo: number; hi: number }; mean_log: number | null; sd_log: number | null };
  fit_quality: Quality;
}

export interface EngineMarket {
  model: string; note: string;
  /** the diffusion shock's law (absent: normal); a t is scaled to each regime's variance */
  innovations?: { distribution: "normal" | "student-t"; nu: number | null };
  regimes: { sigma_annual: number }[];
  transition: [[number, number], [number, number]];
  jumps: { intensity_per_year: number; mean_log: number; sd_log: number };
}

export interface TailSection { method: string; models: Record<string, string>; rows: TailCheckRow[]; misses: string[] }

const scale = (i: LabelledInterval | null, k: number): LabelledInterval | null => (i ? { ...i, lo: i.lo * k, hi: i.hi * k } : null);
const good = (i: LabelledInterval | null) => i !== null && i.status === "estimated";

/** The sections above. `chosen` and `engine` are fits in `choice`; `share1` the smoothed stressed share. */
export function volatilitySections(x: Float64Array, spy: number, sampleSd: number, choice: ModelChoice, chosen: RegimeFit, engine: RegimeFit, share1: number, ov: ProfileOverrides) {
  const p = chosen.params, iv = chosen.intervals, ann = Math.sqrt(spy), n = x.length;
  const student = chosen.spec.student;
  const transition = ov.transition ?? p.transition;
  const sigma: [number, number] = ov.sigma_annual ?? [p.sd[0] * ann, p.sd[1] * ann];
  const unidentified = (["sd0", "sd1", "p01", "p10"] as const).filter((k) => !good(iv[k]));
  const volatility: VolatilitySection = {
    method: "two-regime Markov switching, maximum likelihood (Hamilton filter; BFGS from several starts, checked by a simplex) started from Baum–Welch EM; innovations and jumps chosen by BIC among normal+jumps, t, t+jumps (model_choice); 95% intervals from the observed information (generalised inverse: identified parameters keep theirs)",
    model: choice.chosen,
    innovations: student
      ? { distribution: "student-t", nu: p.nu!, nu_interval: iv.nu, note: `Student-t scaled to each regime's variance, ν shared by both regimes${good(iv.nu) ? "" : "; ν's interval is wide (tails weakly identified)"}` }
      : { distribution: "normal", nu: null, nu_interval: null, note: "normal within each regime" },
    regimes: [0, 1].map((r) => ({
      sigma_annual: sigma[r], interval: ov.sigma_annual ? null : scale(r === 0 ? iv.sd0 : iv.sd1, ann),
      share_of_time: r === 0 ? 1 - share1 : share1, expected_duration_steps: 1 / transition[r][1 - r],
    })),
    transition, switch_intervals: ov.transition ? { p01: null, p10: null } : { p01: iv.p01, p10: iv.p10 },
    log_likelihood: chosen.logLikelihood, converged: chosen.converged, evaluations: chosen.evaluations, starts: chosen.starts,
    em: { iterations: chosen.em.iterations, converged: chosen.em.converged, log_likelihood: chosen.em.logLikelihood },
    fallback: chosen.fallback,
    fit_quality: ov.sigma_annual || ov.transition ? { status: "override", note: "set by the user" }
      : unidentified.length ? { status: "weak", note: `${unidentified.join(", ")}: ${unidentified.map((k) => (iv[k] ? "interval spans more than ×10" : "not identified (singular information)")).join("; ")}` }
        : { status: "estimated", note: `stressed regime ${(100 * share1).toFixed(1)}% of steps; σ₁/σ₀ = ${(p.sd[1] / p.sd[0]).toFixed(2)}` },
  };
  const thr = chosen.threshold, jumpsOn = chosen.spec.jumps;
  const jumpBad = (["jumpProb", "jumpMean", "jumpSd"] as const).filter((k) => !good(iv[k]));
  const jumps: JumpSection = {
    method: jumpsOn ? `normal jumps (at most one a step, sd ≥ sd_floor = the sample sd per step) in the same likelihood; started from a |z| > k threshold on returns standardised by the predicted regime volatility`
      : `the chosen model (${choice.chosen}) has no jumps: its fat tails are the t innovations; the threshold |z| > ${thr.k} count is reported beside`,
    intensity_per_year: ov.jump_intensity_per_year ?? p.jumpProb * spy, mean_log: ov.jump_mean_log ?? p.jumpMean, sd_log: ov.jump_sd_log ?? p.jumpSd,
    sd_floor: sampleSd,
    intervals: { intensity_per_year: scale(iv.jumpProb, spy), mean_log: iv.jumpMean, sd_log: iv.jumpSd },
    threshold: { k: thr.k, count: thr.steps.length, intensity_per_year: thr.intensityPerYear, mean_log: thr.meanLog, sd_log: thr.sdLog },
    fit_quality: ov.jump_intensity_per_year !== undefined ? { status: "override", note: "set by the user" }
      : !jumpsOn ? { status: "weak", note: `no jump component in the chosen model (${choice.chosen})` }
        : jumpBad.length ? { status: "weak", note: `${jumpBad.join(", ")}: not identified or interval spans more than ×10` }
          : { status: "estimated", note: `threshold count ${thr.steps.length} in ${(n / spy).toFixed(1)} years vs likelihood ${(p.jumpProb * n).toFixed(1)}` },
  };
  const e = engine.params, same = engine === chosen;
  const engineModel = modelName(engine.spec), bic = (m: string) => choice.candidates.find((c) => c.model === m)?.bic ?? NaN;
  const engineMarket: EngineMarket = {
    model: engineModel,
    note: same ? `the chosen model: the engine simulates it as fitted${engine.spec.student ? ` (Student-t innovations, ν = ${e.nu!.toPrecision(3)} in both regimes)` : ""}`
      : `the engine simulates the ${engineModel} fit of the same data instead of the chosen ${choice.chosen} (ΔBIC ${(bic(engineModel) - bic(choice.chosen)).toFixed(1)}); compare their tail frequencies in tail_check`,
    innovations: engine.spec.student ? { distribution: "student-t", nu: e.nu! } : { distribution: "normal", nu: null },
    regimes: (ov.sigma_annual ?? [e.sd[0] * ann, e.sd[1] * ann]).map((s) => ({ sigma_annual: s })),
    transition: ov.transition ?? e.transition,
    jumps: { intensity_per_year: ov.jump_intensity_per_year ?? e.jumpProb * spy, mean_log: ov.jump_mean_log ?? e.jumpMean, sd_log: ov.jump_sd_log ?? e.jumpSd },
  };
  const models: Record<string, RegimeParams> = { [choice.chosen]: p };
  if (!same) models[`engine (${engineModel})`] = e;
  const rows = tailCheck(x, spy, sampleSd, models);
  const tail: TailSection = {
    method: "posterior predictive check: each model's stationary frequency of steps below the threshold, per year, against the data's count with its exact Poisson 95% interval (miss = outside it)",
    models: { chosen: choice.chosen, engine: same ? choice.chosen : `engine (${engineModel})` },
    rows, misses: rows.flatMap((r) => Object.entries(r.models).filter(([, m]) => m.miss).map(([k, m]) => `${k}: ${m.per_year.toPrecision(3)}/yr below ${r.label} vs data ${r.data.per_year.toPrecision(3)} [${r.data.lo.toPrecision(3)}, ${r.data.hi.toPrecision(3)}]`)),
  };
  return { volatility, jumps, engineMarket, tail, sigma };
}
