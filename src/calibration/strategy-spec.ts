/**
 * The user's strategy on the command line (`--strategy`, issue 15 item 1), parsed into the
 * scenario's validated target objects (targetSchema, domain.md S1/S2):
 *   signal[:noise=0.5,gamma=3,cap=3]   RS-1's synthetic signal (the default)
 *   vol-target:sigma=0.2,cap=4         L* = min(cap, σ_target/σ̂)
 *   trend:tau=60,gamma=3,cap=3         L* = clip(m/(γ·σ̂²), ±cap), m the trend estimate of time constant τ steps
 *   constant:leverage=2                L* = 2
 *   series:FILE.csv                    a leverage column by date, replayed on the price history (strategy-series.ts)
 * Missing keys take targetSchema's defaults (the signal's are RS-1's). One parser for the
 * calibrate command and the calibrate-markets study.
 */
import { targetSchema } from "../scenario/scenario-schema.ts";
import { UsageError, show } from "../errors.ts";
import type { z } from "zod";

export type TargetConfig = z.output<typeof targetSchema>;
export type ModelTarget = Exclude<TargetConfig, { kind: "series" }>;

/** A parsed --strategy: a target the engine simulates, or a leverage file replayed on the history. */
export type StrategySpec = { kind: "target"; target: ModelTarget } | { kind: "series"; file: string };

/** Per strategy kind, each spec key and the target field it sets. */
export const STRATEGY_KEYS: Record<ModelTarget["kind"], Record<string, string>> = {
  signal: { noise: "noiseSd", gamma: "riskAversion", cap: "maxLeverage" },
  "vol-target": { sigma: "sigmaTarget", cap: "cap" },
  trend: { tau: "timeConstantSteps", gamma: "riskAversion", cap: "maxLeverage" },
  constant: { leverage: "leverage" },
};

/** The signal target's defaults when none are given: RS-1's (reference-scenarios.md). */
export const SIGNAL_DEFAULTS = { noiseSd: 0.5, riskAversion: 3, maxLeverage: 3 } as const;

const EXAMPLES = "signal, vol-target:sigma=0.2,cap=4, trend:tau=60,gamma=3,cap=3, constant:leverage=2 or series:FILE.csv";
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Parses a --strategy value (see the module comment).
 * @param flag the flag's name for messages (default "--strategy")
 * @throws UsageError naming the flag, the value and the fix: unknown kind, unknown or repeated
 *   key, a value that is not a decimal number, or one out of targetSchema's range
 */
export function parseStrategy(spec: string, flag = "--strategy"): StrategySpec {
  const colon = spec.indexOf(":");
  const kind = colon < 0 ? spec : spec.slice(0, colon), rest = colon < 0 ? "" : spec.slice(colon + 1);
  if (kind === "series") {
    if (!rest) throw new UsageError(`${flag}: series needs a file — e.g. series:leverage.csv (a date column and a leverage column)`);
    return { kind: "series", file: rest };
  }
  const keys = STRATEGY_KEYS[kind as ModelTarget["kind"]];
  if (!keys || !Object.hasOwn(STRATEGY_KEYS, kind)) throw new UsageError(`${flag}: unknown strategy ${show(kind)} — use ${EXAMPLES}`);
  const fields: Record<string, number | string> = { kind };
  if (kind === "signal") Object.assign(fields, SIGNAL_DEFAULTS);
  const seen = new Set<string>();
  for (const part of rest ? rest.split(",") : []) {
    const m = /^([a-z]+)=(.*)$/.exec(part);
    const field = m && Object.hasOwn(keys, m[1]) ? keys[m[1]] : undefined;
    if (!m || !field) throw new UsageError(`${flag}: ${show(part)} in ${show(spec)} is not key=value with key in ${Object.keys(keys).join(", ")} — e.g. ${example(kind as ModelTarget["kind"])}`);
    if (seen.has(m[1])) throw new UsageError(`${flag}: ${m[1]} given twice in ${show(spec)} — give each key once`);
    seen.add(m[1]);
    if (!DECIMAL.test(m[2])) throw new UsageError(`${flag}: ${m[1]} must be a decimal number; got ${show(m[2])} in ${show(spec)} — e.g. ${example(kind as ModelTarget["kind"])}`);
    fields[field] = Number(m[2]);
  }
  const parsed = targetSchema.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue.path[0] ?? "");
    const key = Object.entries(keys).find(([, f]) => f === field)?.[0] ?? field;
    throw new UsageError(`${flag}: ${key} ${issue.message}; got ${show(fields[field])} in ${show(spec)} — e.g. ${example(kind as ModelTarget["kind"])}`);
  }
  return { kind: "target", target: parsed.data as ModelTarget };
}

/** The spec string of a strategy: parseStrategy(formatStrategy(s)) equals s. */
export function formatStrategy(s: StrategySpec): string {
  if (s.kind === "series") return `series:${s.file}`;
  const keys = STRATEGY_KEYS[s.target.kind];
  const t = s.target as Record<string, unknown>;
  const parts = Object.entries(keys).map(([k, f]) => `${k}=${t[f]}`);
  return parts.length ? `${s.target.kind}:${parts.join(",")}` : s.target.kind;
}

/** The default strategy: RS-1's signal. */
export const DEFAULT_STRATEGY: StrategySpec = { kind: "target", target: { kind: "signal", ...SIGNAL_DEFAULTS } };

function example(kind: ModelTarget["kind"]): string {
  return { signal: "signal:noise=0.5,gamma=3,cap=3", "vol-target": "vol-target:sigma=0.2,cap=4", trend: "trend:tau=60,gamma=3,cap=3", constant: "constant:leverage=2" }[kind];
}
