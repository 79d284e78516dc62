/**
 * The unconstrained coordinates θ the regime likelihood is maximised in, and back. For a model
 * with `jumps` and/or Student-t (`student`) innovations,
 *
 *   θ = [μ/s̄, ln s₀, ln s₁, logit p₀₁, logit p₁₀, (logit π, μ_J/s̄, ln(σ_J − σ_J,min)), (ln(ν − 2))]
 *
 * with s̄ the sample sd per step. σ_J,min = s̄ is the floor on the jump sd: as σ_J → 0 a jump
 * collapses to a shift of the mean on a few steps and the likelihood climbs without bound, so a
 * "jump" must add at least one typical step's variance. ν ∈ (2.05, 10⁴] (at 10⁴ a t is a normal to within 10⁻⁴: far enough that the gradient, not the wall, stops the fit).
 * Each coordinate's transform g maps an interval in θ to one in the natural parameter.
 */
import type { RegimeParams } from "./regime-model.ts";

export interface ModelSpec { jumps: boolean; student: boolean }

export type ParamName = "mean" | "sd0" | "sd1" | "p01" | "p10" | "jumpProb" | "jumpMean" | "jumpSd" | "nu";

export const logit = (p: number) => Math.log(p / (1 - p));
export const expit = (v: number) => 1 / (1 + Math.exp(-v));
const clampP = (p: number) => Math.min(1 - 1e-6, Math.max(1e-6, p));
export const NU_MIN = 2.05, NU_MAX = 10_000;

export interface RegimeCodec {
  spec: ModelSpec;
  names: ParamName[];
  /** per coordinate: natural value of θ_i, and the scale the interval is built in */
  transform: ((v: number) => number)[];
  scale: ("linear" | "log" | "logit")[];
  jumpSdFloor: number;
  encode(p: RegimeParams): number[];
  decode(th: number[]): RegimeParams;
  /** θ outside the model's domain (the likelihood is −∞ there) */
  outside(th: number[]): boolean;
}

/** @param sbar sample sd per step (the scale of μ and μ_J, and the jump-sd floor) */
export function regimeCodec(spec: ModelSpec, sbar: number): RegimeCodec {
  const floor = sbar;
  const names: ParamName[] = ["mean", "sd0", "sd1", "p01", "p10"];
  const transform: ((v: number) => number)[] = [(v) => v * sbar, Math.exp, Math.exp, expit, expit];
  const scale: RegimeCodec["scale"] = ["linear", "log", "log", "logit", "logit"];
  if (spec.jumps) { names.push("jumpProb", "jumpMean", "jumpSd"); transform.push(expit, (v) => v * sbar, (v) => floor + Math.exp(v)); scale.push("logit", "linear", "log"); }
  if (spec.student) { names.push("nu"); transform.push((v) => 2 + Math.exp(v)); scale.push("log"); }
  const iNu = names.indexOf("nu"), iJ = names.indexOf("jumpProb");
  return {
    spec, names, transform, scale, jumpSdFloor: floor,
    encode(p) {
      const th = [p.mean / sbar, Math.log(p.sd[0]), Math.log(p.sd[1]), logit(clampP(p.transition[0][1])), logit(clampP(p.transition[1][0]))];
      if (spec.jumps) th.push(logit(clampP(Math.min(0.45, p.jumpProb))), p.jumpMean / sbar, Math.log(Math.max(p.jumpSd - floor, 0.05 * floor)));
      if (spec.student) th.push(Math.log(Math.min(NU_MAX, Math.max(NU_MIN + 0.5, p.nu ?? 10)) - 2));
      return th;
    },
    decode(th) {
      const p01 = expit(th[3]), p10 = expit(th[4]);
      return {
        mean: th[0] * sbar, sd: [Math.exp(th[1]), Math.exp(th[2])], transition: [[1 - p01, p01], [p10, 1 - p10]],
        jumpProb: spec.jumps ? expit(th[iJ]) : 0, jumpMean: spec.jumps ? th[iJ + 1] * sbar : 0, jumpSd: spec.jumps ? floor + Math.exp(th[iJ + 2]) : 0,
        ...(spec.student ? { nu: 2 + Math.exp(th[iNu]) } : {}),
      };
    },
    outside(th) {
      if (th.some((v) => !Number.isFinite(v) || Math.abs(v) > 30)) return true;
      if (spec.jumps && th[iJ] > logit(0.5)) return true; // a "jump" in most steps is a regime, not a jump
      if (spec.student && (th[iNu] < Math.log(NU_MIN - 2) || th[iNu] > Math.log(NU_MAX - 2))) return true;
      return false;
    },
  };
}

/** The model's name as reported: normal, normal+jumps, t, t+jumps. */
export function modelName(spec: ModelSpec): string {
  return `${spec.student ? "t" : "normal"}${spec.jumps ? "+jumps" : ""}`;
}
