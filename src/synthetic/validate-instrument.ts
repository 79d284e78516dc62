/**
 * Validates an instrument object once, at the edge: the schema (instrument-schema.ts), then
 * the cross-field rules a schema cannot state. Every problem at once, each naming the file,
 * the field, the value and the fix.
 */
import type { z } from "zod";
import { instrumentSchema, type Instrument } from "./instrument-schema.ts";
import { UsageError, show } from "../errors.ts";
import { readJsonFile } from "../io/read-json-file.ts";

const SCHEMA_HINT = "see the JSON Schema: npx tsx studies/synthetic-instrument.ts --schema";

/**
 * @param source the file (or label) named in messages
 * @returns the instrument with defaults filled in
 * @throws UsageError listing every problem as `<source>: <field>: <rule>; got <value> — <fix>`
 */
export function validateInstrument(input: unknown, source = "instrument"): Instrument {
  const parsed = instrumentSchema.safeParse(input, { reportInput: true, jitless: true }); // one parse: zod's compiled fast path would not pay for itself
  if (!parsed.success) throw new UsageError(formatIssues(source, parsed.error.issues));
  const x = parsed.data, problems: string[] = [];
  const at = (field: string, rule: string, value: unknown, fix: string) => problems.push(`${source}: ${field}: ${rule}; got ${show(value)} — ${fix}`);
  const names = x.legs.map((l) => l.name);
  names.forEach((n, i) => { if (names.indexOf(n) !== i) at(`legs[${i}].name`, "must be unique", n, "rename one of the legs"); });
  if (!x.legs.some((l) => l.side === "base")) at("legs", "needs at least one base leg (side \"base\")", names, "add the legs of A");
  if (!x.legs.some((l) => l.file !== undefined)) at("legs", "needs at least one leg with a file", names, "give the legs' price files");
  if (x.unitRisk.kind === "atr" && x.atrPeriod !== undefined && x.atrPeriod !== x.unitRisk.period) {
    at("atrPeriod", `differs from unitRisk.period (${x.unitRisk.period})`, x.atrPeriod, "give the ATR period once, in unitRisk.period");
  }
  const cal = x.calendar;
  if (cal.kind === "as-of" && cal.reference !== undefined) {
    const ref = x.legs.find((l) => l.name === cal.reference);
    if (!ref || ref.file === undefined) at("calendar.reference", `must name a leg with a file (${x.legs.filter((l) => l.file).map((l) => l.name).join(", ")})`, cal.reference, "name one of the file legs");
  }
  if (problems.length) throw new UsageError(problems.join("\n"));
  return x;
}

/** Reads and validates an instrument JSON file. @throws UsageError naming the file */
export function readInstrumentFile(path: string): Instrument {
  return validateInstrument(readJsonFile(path, "--instrument"), path);
}

function formatIssues(source: string, issues: z.core.$ZodIssue[]): string {
  return issues.map((issue) => {
    const field = issue.path.length ? issue.path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join("") : "(top level)";
    if (issue.code === "unrecognized_keys") return `${source}: ${field}: unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => JSON.stringify(k)).join(", ")} — remove or correct it (${SCHEMA_HINT})`;
    const input = (issue as { input?: unknown }).input;
    return `${source}: ${field}: ${issue.message}; got ${input === undefined ? "missing" : show(input)} — ${fixFor(field)}`;
  }).join("\n");
}

/** The fix the issue list gives for a field (the rule already says the range). */
function fixFor(field: string): string {
  if (/sizing\.cap$/.test(field)) return 'give a cap > 0, or "index" (4×) or "fx" (7×) (domain.md (G6): 2–4× indices, 5–7× aggressive)';
  if (/(unitRisk\.period|atrPeriod)$/.test(field)) return "use 14 to 21 (domain.md (G5))";
  if (/covariance\.decay$/.test(field)) return "use 0.94 for daily data (RiskMetrics)";
  return `correct the field (${SCHEMA_HINT})`;
}
