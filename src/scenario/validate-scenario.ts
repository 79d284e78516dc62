/**
 * Validates a scenario object once, at the edge: schema (scenario-schema.ts) then the
 * cross-field rules a schema cannot state. Errors name the field, the value and the
 * allowed range, all at once.
 */
import type { z } from "zod";
import { scenarioSchema, type Scenario } from "./scenario-schema.ts";
import { UsageError, show } from "../errors.ts";
import { choleskyReference } from "../covariance/cholesky.reference.ts";
import { checkEquityRange } from "./equity-range.ts";
import { checkOptimalSchemes } from "./check-optimal-schemes.ts";

/**
 * @returns the scenario with defaults filled in
 * @throws UsageError listing every problem as `scenario.<field>: <rule>; got <value>`
 */
export function validateScenario(input: unknown, source = "scenario"): Scenario {
  const parsed = scenarioSchema.safeParse(input, { reportInput: true, jitless: true }); // one parse: compiling zod's fast path for it (new Function per object schema) took 10-35 ms of a run's start-up
  if (!parsed.success) throw new UsageError(formatIssues(source, parsed.error.issues));
  const s = parsed.data;
  const problems: string[] = [];
  const at = (field: string, rule: string, value: unknown) => problems.push(`${source}.${field}: ${rule}; got ${show(value)}`);
  const k = s.market.regimes.length;
  if (k > 1 && !s.market.transition) at("market.transition", `a ${k}×${k} per-step matrix is required with ${k} regimes`, undefined);
  if (s.market.transition) {
    const m = s.market.transition;
    if (m.length !== k || m.some((row) => row.length !== k)) at("market.transition", `must be ${k}×${k}`, m);
    else m.forEach((row, r) => {
      const sum = row.reduce((a, b) => a + b, 0);
      if (Math.abs(sum - 1) > 1e-9) at(`market.transition[${r}]`, "row must sum to 1", row);
    });
  }
  if (s.market.initialRegime >= k) at("market.initialRegime", `must be < ${k} (the number of regimes)`, s.market.initialRegime);
  if (s.market.jumps.enabled && s.market.jumps.intensityPerYear / s.market.stepsPerYear > 1) {
    at("market.jumps.intensityPerYear", "λ_J·dt must be ≤ 1 (at most one jump a step)", s.market.jumps.intensityPerYear);
  }
  const t = s.market.innovations;
  if (t?.kind === "student-t" && t.nu.length !== k) at("market.innovations.nu", `must hold one ν per regime (${k})`, t.nu);
  if (s.target.kind === "series" && s.target.values.length !== s.horizonSteps + 1) {
    at("target.values", `must hold horizonSteps + 1 = ${s.horizonSteps + 1} values (L*_0 … L*_T)`, `${s.target.values.length} values`);
  }
  const names = s.schemes.map((x) => x.name);
  names.forEach((n, i) => { if (names.indexOf(n) !== i) at(`schemes[${i}].name`, "must be unique", n); });
  if (s.baseline !== undefined && !names.includes(s.baseline)) at("baseline", `must name a scheme (${names.join(", ")})`, s.baseline);
  checkOptimalSchemes(s, source, at, problems);
  if (s.returns) checkReturns(s, at);
  checkSinglePrecision(s, at);
  if (!problems.length) checkEquityRange(s, at);
  if (problems.length) throw new UsageError(problems.join("\n"));
  return s;
}

/** Magnitudes the single-precision engine (f32: about 1.2e-38 … 3.4e38) holds with room to spare. */
const F32_SAFE = [1e-30, 1e30];

/**
 * The book's per-regime quantities the kernel computes in single precision (regime-lanes.ts):
 * depth relative to calm (σ₀/σ_s)^α, 1/K with K = κ₀E₀·(σ₀/σ_s)^α, and the half spread
 * s₀σ_s/(2σ₀). Each must stay within F32_SAFE, or the f32 engine would see 0 or ∞ (and NaN after).
 */
function checkSinglePrecision(s: Scenario, at: (field: string, rule: string, value: unknown) => void): void {
  const [lo, hi] = F32_SAFE;
  const sigma0 = s.market.regimes[0].sigma, c = s.costs;
  const outside = (v: number) => !(v >= lo && v <= hi);
  s.market.regimes.forEach(({ sigma }, r) => {
    const liquidity = Math.pow(sigma0 / sigma, c.thinning);
    if (outside(liquidity)) {
      at("costs.thinning", `depth thinning (σ₀/σ_s)^α = ${show(liquidity)} in regime ${r} is outside what the single-precision engine holds [${lo}, ${hi}] — use a smaller α or closer regime volatilities`, c.thinning);
      return;
    }
    if (c.kind === "transient") {
      const invDepth = 1 / (c.depth * s.initialEquity * liquidity);
      if (outside(invDepth)) at("costs.depth", `1/(κ₀·E₀·(σ₀/σ_s)^α) = ${show(invDepth)} in regime ${r} is outside [${lo}, ${hi}] (single precision) — use a depth and initial equity nearer 1`, c.depth);
    }
    if (c.kind !== "none" && (c.spread * sigma) / sigma0 > hi) at("costs.spread", `the regime-${r} spread s₀σ_s/σ₀ exceeds ${hi} (single precision)`, c.spread);
  });
}

function checkReturns(s: Scenario, at: (field: string, rule: string, value: unknown) => void): void {
  const r = s.returns!;
  if (r.kind !== "correlated-legs") {
    if (r.regimes && r.regimes.length !== r.returns.length) at("returns.regimes", `must label every return (${r.returns.length})`, `${r.regimes.length} labels`);
    r.regimes?.forEach((g, i) => { if (g >= s.market.regimes.length) at(`returns.regimes[${i}]`, `must be < ${s.market.regimes.length} (the market's regimes)`, g); });
    return;
  }
  const k = r.legs.length, c = r.correlation;
  if (!r.legs.some((l) => l.side === "base")) at("returns.legs", 'needs at least one "base" leg (the numerator A)', r.legs.map((l) => l.side));
  if (c.length !== k || c.some((row) => row.length !== k)) { at("returns.correlation", `must be ${k}×${k} (one row and column per leg)`, c); return; }
  c.forEach((row, i) => row.forEach((v, j) => {
    if (i === j && v !== 1) at(`returns.correlation[${i}][${j}]`, "the diagonal must be 1", v);
    if (v !== c[j][i]) at(`returns.correlation[${i}][${j}]`, `must equal correlation[${j}][${i}] (symmetric)`, v);
  }));
  if (choleskyReference(c.flat(), k).failedColumn > 0) {
    at("returns.correlation", "must be positive definite (no Cholesky factor) — check for inconsistent correlations", c);
  }
}

function formatIssues(source: string, issues: z.core.$ZodIssue[]): string {
  return issues.map((issue) => {
    const field = issue.path.length ? `${source}.${formatPath(issue.path)}` : source;
    if (issue.code === "unrecognized_keys") {
      return `${field}: unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((x) => JSON.stringify(x)).join(", ")} — remove or correct ${issue.keys.length > 1 ? "them" : "it"} (see the JSON Schema: npm run schema)`;
    }
    const input = (issue as { input?: unknown }).input;
    const got = input === undefined ? "missing" : show(input);
    return `${field}: ${issue.message}; got ${got}`;
  }).join("\n");
}

function formatPath(path: PropertyKey[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join("");
}
