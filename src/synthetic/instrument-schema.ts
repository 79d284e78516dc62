/**
 * A synthetic instrument S = A/B as validated data (zod): its legs and baskets (domain.md
 * (G1)), calendar and data policy, the covariance estimator of the delta method (G3), unit
 * risk (G4, G5), sizing and leverage cap (G4, G6), rebalancing with its cost (G7), pyramiding
 * (G8) and, optionally, how to pace it. Every field is JSON; `instrumentJsonSchema()` exports
 * the JSON Schema. Definitions of every figure: docs/synthetic-instruments.md.
 */
// zod by named imports, not its `z` namespace (see scenario-schema.ts)
import { array as zArray, boolean as zBoolean, discriminatedUnion, enum as zEnum, literal, number as zNumber, strictObject, string as zString, toJSONSchema, union } from "zod";
import type { input, output } from "zod";
import { FORMAT_NAMES } from "../data/price-formats.ts";
import { costSchema, schemeSchema } from "../scenario/scenario-schema.ts";
import { boundedNumber } from "../scenario/bounded-number.ts";

const num = boundedNumber;
const int = (lo: number, hi: number) =>
  zNumber({ error: `must be an integer in [${lo}, ${hi}]` }).refine((v) => Number.isInteger(v) && v >= lo && v <= hi, { message: `must be an integer in [${lo}, ${hi}]` });
const BIG = 1e15;

/** The leverage cap presets of the seeds (domain.md (G6), (S1)): indices 2–4×, FX 5–7×. */
export const CAP_PRESETS = { index: 4, fx: 7 } as const;

const source = {
  file: zString().min(1, "must name a price file").describe("price file, relative to --data-dir (or absolute)"),
  format: zEnum(FORMAT_NAMES, { error: `must be one of ${FORMAT_NAMES.join(", ")}` }).optional().describe("file layout; detected from the header when omitted"),
  column: zString().min(1).optional().describe("which column is the close (multiccy currency, yahoo \"Adj Close\", a FRED series)"),
};

const legSchema = strictObject({
  name: zString().min(1, "must be a non-empty name"),
  side: zEnum(["base", "quote"], { error: 'must be "base" (in A) or "quote" (in B)' }),
  weight: num(-BIG, BIG).refine((v) => v !== 0, { message: "must not be 0" }).describe("aᵢ (or bⱼ) of (G1): units of the leg in its basket"),
  file: source.file.optional(),
  format: source.format,
  column: source.column,
  constant: num(0, BIG, true).optional().describe("a constant price instead of a file (e.g. USD = 1 in a USD account)"),
  currency: strictObject({
    ...source,
    invert: zBoolean().default(false).describe("false: leg × rate (rate = account currency per leg currency); true: leg ÷ rate"),
  }).optional().describe("converts a leg quoted in another currency into the basket's (convertLeg)"),
}).refine((l) => (l.file === undefined) !== (l.constant === undefined), { message: "give exactly one of file or constant" })
  .refine((l) => l.constant === undefined || (l.currency === undefined && l.format === undefined && l.column === undefined), { message: "a constant leg takes no currency, format or column" });

const covarianceSchema = discriminatedUnion("kind", [
  strictObject({ kind: literal("sample") }),
  strictObject({ kind: literal("ewma"), decay: num(0, 1, true, true).default(0.94).describe("λ of Σ_t = λΣ_{t−1} + (1−λ)ΔX_tΔX_tᵀ") }),
  strictObject({ kind: literal("ledoit-wolf") }),
], { error: 'unknown covariance kind — use "sample", "ewma" or "ledoit-wolf"' });

const unitRiskSchema = discriminatedUnion("kind", [
  strictObject({ kind: literal("sigma") }),
  strictObject({ kind: literal("atr"), period: int(1, 250).describe("Wilder period (G5: 14–21)") }),
], { error: 'unknown unit risk — use "sigma" (delta-method volatility) or "atr"' });

const bootstrapSchema = strictObject({
  block: int(1, 10_000).default(21).describe("block length of the moving-block bootstrap, days"),
  replicates: int(100, 100_000).default(1000),
  seed: int(0, 4294967295).default(1),
});

export const pacingSchema = strictObject({
  returns: discriminatedUnion("kind", [
    strictObject({ kind: literal("correlated-legs") }),
    strictObject({ kind: literal("bootstrap"), meanBlock: num(1, 1e6).default(20) }),
  ], { error: 'unknown returns kind — use "correlated-legs" or "bootstrap"' }).default({ kind: "bootstrap", meanBlock: 20 }),
  sigmaTarget: num(0, 100, true).optional().describe("annual volatility target; default riskFraction·√stepsPerYear (the (G4) budget)"),
  costs: costSchema.optional().describe("the book (scenario costs); default RS-1's thin book"),
  schemes: zArray(schemeSchema).min(1).max(64).optional().describe("default: RS-1's six schemes"),
  ruinBarrier: num(0, 1, false, true).default(0.5),
  horizonSteps: int(1, 100_000).default(1260),
  paths: int(1, 100_000_000).default(2000),
  seed: int(0, 4294967295).default(1),
});

export const instrumentSchema = strictObject({
  id: zString().regex(/^[A-Za-z0-9_.-]+$/, "must be letters, digits, _ . or - (it names output files)"),
  description: zString().optional(),
  legs: zArray(legSchema).min(1, "needs at least one leg").max(32, "at most 32 legs"),
  calendar: discriminatedUnion("kind", [
    strictObject({ kind: literal("inner") }),
    strictObject({ kind: literal("as-of"), reference: zString().optional().describe("leg whose dates are kept (default: the first file leg)"), maxAgeDays: num(0, 366).default(3) }),
  ], { error: 'unknown calendar — use "inner" or "as-of"' }).default({ kind: "inner" }),
  data: strictObject({ policy: zEnum(["strict", "repair"], { error: 'must be "strict" or "repair"' }).default("strict") }).default({ policy: "strict" }),
  window: int(2, 10_000).default(63).describe("changes per rolling window (63 = 64 closes)"),
  covariance: covarianceSchema.default({ kind: "sample" }),
  unitRisk: unitRiskSchema.default({ kind: "sigma" }),
  atrPeriod: int(1, 250).optional().describe("period of the reported ATR when unit risk is sigma (default 14)"),
  sizing: strictObject({
    capital: num(0, BIG, true).describe("account capital, account currency"),
    riskFraction: num(0, 1, true).describe("risk per trade as a share of capital (0.01 = 1%)"),
    cap: union([num(0, 1e6, true), zEnum(["index", "fx"])], { error: 'must be a number > 0 or a preset: "index" (4) or "fx" (7)' }),
  }),
  rebalancing: discriminatedUnion("kind", [
    strictObject({ kind: literal("weekly"), costBps: num(0, 10_000).default(0).describe("cost in bps of traded notional") }),
    strictObject({ kind: literal("none") }),
  ], { error: 'unknown rebalancing — use "weekly" or "none"' }).default({ kind: "weekly", costBps: 0 }),
  pyramiding: strictObject({
    enabled: zBoolean().default(true),
    step: num(0, 1, true).default(0.25).describe("largest add, as a share of the target"),
    minProfit: num(0, 10).default(0).describe("add only when S > entry·(1 + minProfit)"),
    minVolDrop: num(0, 1, false, true).default(0).describe("add only when unit risk < previous·(1 − minVolDrop)"),
    bootstrap: bootstrapSchema.default({ block: 21, replicates: 1000, seed: 1 }),
  }).default({ enabled: true, step: 0.25, minProfit: 0, minVolDrop: 0, bootstrap: { block: 21, replicates: 1000, seed: 1 } }),
  pacing: pacingSchema.optional().describe("how --pace runs the pacing engine on the instrument"),
});

export type Instrument = output<typeof instrumentSchema>;
export type InstrumentInput = input<typeof instrumentSchema>;
export type InstrumentLeg = Instrument["legs"][number];

/** The leverage cap as a number (presets resolved: index = 4, fx = 7). */
export function capOf(instrument: Instrument): number {
  const c = instrument.sizing.cap;
  return typeof c === "number" ? c : CAP_PRESETS[c];
}

/** The period of the reported ATR: the unit risk's when it is ATR, else atrPeriod (default 14). */
export function atrPeriodOf(instrument: Instrument): number {
  return instrument.unitRisk.kind === "atr" ? instrument.unitRisk.period : (instrument.atrPeriod ?? 14);
}

/** The JSON Schema of an instrument file (npx tsx studies/synthetic-instrument.ts --schema). */
export function instrumentJsonSchema(): object {
  return toJSONSchema(instrumentSchema, { io: "input", unrepresentable: "any" });
}
