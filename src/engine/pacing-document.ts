/**
 * The results document of a pacing run: what results.json holds (the RS-1 shape of
 * reference-scenarios.md plus paired differences, the full configuration, provenance,
 * plot data and, under `timing` only, the date and wall-clock figures: two runs of one seed differ
 * nowhere else), and its CSV twin.
 */
import type { Scenario } from "../scenario/scenario-schema.ts";
import type { PacingRun } from "./run-pacing.ts";
import { pacingResults, perPath, METRICS, PATH_RISK_METRICS, OBJECTIVE_METRICS, type PacingResults } from "./pacing-results.ts";
import { optimalPacingOfScenario } from "../pacing/optimal-rates.ts";
import { objectiveCoefficients } from "../scenario/encode-schemes.ts";
import { drawdownQuantiles, type DrawdownQuantiles } from "./path-risk-results.ts";
import type { LeverageWindow, EquityFan } from "./pacing-trace.ts";
import type { Estimate } from "../metrics/intervals.ts";

export interface PacingDocument extends PacingResults {
  scenario: string;
  paths: number;
  steps: number;
  seed: number;
  horizon_years: number;
  /** what the schemes' gp_objective measures: γ, and per regime the annual variance and Λ it uses */
  gp_objective: { note: string; risk_aversion: number; variance_annual: number[]; lambda_per_step: number[] };
  config: Scenario;
  provenance: { git_revision: string; engine: string; block_paths: number; traced_paths: number };
  plots: { leverage_around_switch: LeverageWindow | null; equity_fan: EquityFan | null; drawdown?: DrawdownQuantiles | null };
  /** wall-clock facts of this run (date, seconds, workers): everything that differs between two runs of one seed */
  timing: Record<string, number | string>;
}

export interface DocumentContext {
  gitRevision: string;
  date: string;
  blockPaths: number;
  /** extra wall-clock figures (e.g. total seconds); kept under `timing` */
  timing?: Record<string, number>;
}

export function pacingDocument(scenario: Scenario, run: PacingRun, ctx: DocumentContext): PacingDocument {
  const results = pacingResults(run.blocks, run.job.schemeNames, run.baseline, run.years);
  // the optimal schemes' per-regime constants, full f64 precision (what the kernel was given, before its f32 rounding)
  for (const [name, k] of Object.entries(optimalPacingOfScenario(scenario))) {
    results.schemes[name].rate_per_step = k.rate_per_step;
    if (k.aim_scale) results.schemes[name].aim_scale = k.aim_scale;
  }
  const objective = objectiveCoefficients(scenario);
  return {
    scenario: scenario.name, paths: scenario.paths, steps: scenario.horizonSteps, seed: scenario.seed,
    horizon_years: run.years,
    gp_objective: {
      note: "gp_objective: mean over paths and steps of x·r − (γ/2)·σ²·dt·x² − ½·Λ·n² (domain.md O1), x the holding after the step's trade and n the trade in units of E₀, r the step's simple return, σ² and Λ of the step's regime; a ruined path stops at its ruin step; per step, not annualised",
      risk_aversion: objective.gamma,
      variance_annual: objective.variance,
      lambda_per_step: objective.lambda,
    },
    ...results,
    config: scenario,
    provenance: { git_revision: ctx.gitRevision, engine: run.timing.engine, block_paths: ctx.blockPaths, traced_paths: run.tracePaths },
    plots: {
      leverage_around_switch: run.plots?.leverage_around_switch ?? null, equity_fan: run.plots?.equity_fan ?? null,
      drawdown: drawdownQuantiles(run.job.schemeNames.map((_, s) => perPath(run.blocks, "maxDrawdown", s)), run.job.schemeNames),
    },
    timing: { date: ctx.date, simulation_seconds: run.timing.simulation_seconds, worker_startup_seconds: run.timing.worker_startup_seconds, workers: run.timing.workers, ...ctx.timing },
  };
}

/** `scheme,metric,estimate,lo,hi,kind` rows: the RS-1 and path-risk outputs, the ruin probability by year (`ruin_by_year_<year>`), then the paired differences. */
export function pacingCsv(doc: PacingResults): string {
  const cell = (v: number | null) => (v === null ? "" : v === -Infinity ? "-inf" : String(v));
  const rows = ["scheme,metric,estimate,lo,hi,kind"];
  for (const [name, r] of Object.entries(doc.schemes)) {
    for (const m of [...METRICS, ...PATH_RISK_METRICS, ...OBJECTIVE_METRICS]) {
      const e: Estimate = r[m];
      rows.push([name, m, cell(e.estimate), cell(e.lo), cell(e.hi), "estimate"].join(","));
    }
    doc.ruin_by_year.schemes[name]?.forEach((e, y) => {
      rows.push([name, `ruin_by_year_${doc.ruin_by_year.years[y]}`, cell(e.estimate), cell(e.lo), cell(e.hi), "estimate"].join(","));
    });
  }
  for (const [name, diffs] of Object.entries(doc.paired_differences.schemes)) {
    for (const [m, d] of Object.entries(diffs)) {
      rows.push([name, m, cell(d.estimate), cell(d.paired.lo), cell(d.paired.hi), `paired_difference_vs_${doc.paired_differences.baseline}`].join(","));
      rows.push([name, m, cell(d.estimate), cell(d.unpaired.lo), cell(d.unpaired.hi), `unpaired_difference_vs_${doc.paired_differences.baseline}`].join(","));
    }
  }
  return rows.join("\n") + "\n";
}
