/**
 * The explorer's controls: each pacing parameter of the rs1-benchmarks schemes (RS-1's six,
 * gp, ac and the jump guard), its range and the scheme field it sets. Ranges follow the scheme
 * definitions (domain.md; docs/optimal-pacing.md): rates and EMA weights are per step in (0, 1],
 * c and β shape the volatility scheme, γ and λ are risk aversions per unit of E₀, θ is in
 * units of σ̂·√dt. A parameter with `choices` is a menu (the jump guard's `then` scheme).
 */
export interface Parameter {
  /** element id and key in the values map */
  id: string;
  /** symbol shown on the control */
  label: string;
  scheme: string;
  field: string;
  min: number;
  max: number;
  step: number;
  /** the starting value when the preset's scheme leaves the field out (gp's γ defaults to the target's) */
  fallback?: number;
  /** a menu of scheme names instead of a slider */
  choices?: string[];
}

export type Values = Record<string, number | string>;

export const PARAMETERS: Parameter[] = [
  { id: "eta", label: "η (rate)", scheme: "rate", field: "eta", min: 0.01, max: 1, step: 0.01 },
  { id: "lambda", label: "λ (ema)", scheme: "ema", field: "lambda", min: 0.01, max: 1, step: 0.01 },
  { id: "c", label: "c (vol)", scheme: "vol", field: "c", min: 0.05, max: 2, step: 0.05 },
  { id: "beta", label: "β (vol)", scheme: "vol", field: "beta", min: 0.5, max: 4, step: 0.1 },
  { id: "lambdaUp", label: "λ_up", scheme: "asymmetric", field: "lambdaUp", min: 0.01, max: 1, step: 0.01 },
  { id: "lambdaDown", label: "λ_down", scheme: "asymmetric", field: "lambdaDown", min: 0.01, max: 1, step: 0.01 },
  { id: "gpGamma", label: "γ (gp)", scheme: "gp", field: "riskAversion", min: 0.5, max: 30, step: 0.5, fallback: 3 },
  { id: "acLambda", label: "λ (ac)", scheme: "ac", field: "riskAversion", min: 0.25, max: 15, step: 0.25 },
  { id: "threshold", label: "θ (guard)", scheme: "jump-guard", field: "threshold", min: 1, max: 10, step: 0.1 },
  {
    id: "then", label: "then", scheme: "jump-guard", field: "then", min: 0, max: 0, step: 0,
    choices: ["instant", "rate", "ema", "vol", "liquidity", "asymmetric", "gp", "ac"],
  },
];

/** The preset's value of each parameter (the controls' starting points). */
export function initialValues(schemes: { name: string; [k: string]: unknown }[]): Values {
  const values: Values = {};
  for (const p of PARAMETERS) {
    const v = schemes.find((x) => x.name === p.scheme)?.[p.field];
    values[p.id] = p.choices ? (typeof v === "string" ? v : p.choices[0]) : typeof v === "number" ? v : (p.fallback ?? p.min);
  }
  return values;
}

/** The preset's schemes with the control values applied (a new array; the preset is not mutated). */
export function applyValues<S extends { name: string }>(schemes: S[], values: Values): S[] {
  return schemes.map((s) => {
    const copy: Record<string, unknown> = { ...s };
    for (const p of PARAMETERS) if (p.scheme === s.name) copy[p.field] = values[p.id];
    return copy as S;
  });
}
