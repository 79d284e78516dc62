/**
 * The explorer's sliders: each pacing parameter of RS-1's schemes, its range and the
 * scheme field it sets. Ranges follow the scheme definitions (domain.md): rates and
 * EMA weights are per step in (0, 1], c and β shape the volatility scheme.
 */
export interface Parameter {
  /** element id and key in the values map */
  id: string;
  /** symbol shown on the slider */
  label: string;
  scheme: string;
  field: string;
  min: number;
  max: number;
  step: number;
}

export const PARAMETERS: Parameter[] = [
  { id: "eta", label: "η (rate)", scheme: "rate", field: "eta", min: 0.01, max: 1, step: 0.01 },
  { id: "lambda", label: "λ (ema)", scheme: "ema", field: "lambda", min: 0.01, max: 1, step: 0.01 },
  { id: "c", label: "c (vol)", scheme: "vol", field: "c", min: 0.05, max: 2, step: 0.05 },
  { id: "beta", label: "β (vol)", scheme: "vol", field: "beta", min: 0.5, max: 4, step: 0.1 },
  { id: "lambdaUp", label: "λ_up", scheme: "asymmetric", field: "lambdaUp", min: 0.01, max: 1, step: 0.01 },
  { id: "lambdaDown", label: "λ_down", scheme: "asymmetric", field: "lambdaDown", min: 0.01, max: 1, step: 0.01 },
];

/** The preset's value of each parameter (the sliders' starting points). */
export function initialValues(schemes: { name: string; [k: string]: unknown }[]): Record<string, number> {
  const values: Record<string, number> = {};
  for (const p of PARAMETERS) {
    const s = schemes.find((x) => x.name === p.scheme);
    values[p.id] = typeof s?.[p.field] === "number" ? (s[p.field] as number) : p.min;
  }
  return values;
}

/** The preset's schemes with the slider values applied (a new array; the preset is not mutated). */
export function applyValues<S extends { name: string }>(schemes: S[], values: Record<string, number>): S[] {
  return schemes.map((s) => {
    const copy: Record<string, unknown> = { ...s };
    for (const p of PARAMETERS) if (p.scheme === s.name) copy[p.field] = values[p.id];
    return copy as S;
  });
}
