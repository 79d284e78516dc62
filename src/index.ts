/**
 * The leverage pacing toolkit as a library:
 *
 * ```ts
 * import { runPacing, rs1Scenario, validateScenario } from "leverage-pacing-toolkit";
 * ```
 *
 * Scenarios are data validated with zod ({@link validateScenario}, {@link scenarioJsonSchema});
 * {@link runPacing} runs one by Monte Carlo and {@link pacingDocument} turns the run into the
 * results document (every estimate with its 95% interval). Calibration per market
 * ({@link estimateProfile}, {@link pacingSearch}), covariance kernels (WASM, through a
 * {@link Kernel}), synthetic ratio instruments S = A/B ({@link basketValues},
 * {@link rollingRatioVol}, {@link sizePosition}), price loading ({@link loadPrices}) and reports
 * complete it. Built to dist/index.js with type declarations by `npm run build`; this reference
 * by `npm run docs:api`.
 *
 * Exports whose declaration carries no doc comment of its own are documented here, on their
 * own export statement.
 * @module
 */
import { assertBuildCurrent } from "./cli/build-stamp.ts";

assertBuildCurrent();

// ── Scenarios: presets, the schema, validation ──────────────────────────────────────────────

/** RS-1 (reference-scenarios.md): six pacing schemes on a thin crypto book, 10,000 paths × 1,825 daily steps, seed 1 — a scenario input to spread and override. */
export { rs1Scenario } from "./scenario/presets/rs1.ts";
/** The zod schema of a scenario (market, target, costs, returns, schemes, baseline, ruin barrier, horizon, paths, seed). */
export { scenarioSchema } from "./scenario/scenario-schema.ts";
/** A validated scenario, defaults filled in (the output of {@link validateScenario}). */
export type { Scenario } from "./scenario/scenario-schema.ts";
/** A scenario as written by a user or a JSON file (the input of {@link validateScenario}). */
export type { ScenarioInput } from "./scenario/scenario-schema.ts";
/** One pacing scheme of a scenario: `{ name, kind, …parameters }` (instant, rate, ema, vol, liquidity, asymmetric). */
export type { SchemeConfig } from "./scenario/scenario-schema.ts";
/** The zod schema of one pacing scheme (a union discriminated by `kind`). */
export { schemeSchema } from "./scenario/scenario-schema.ts";
/** The zod schema of a scenario's leverage target (a union discriminated by `kind`: signal, vol-target, trend, constant, series). */
export { targetSchema } from "./scenario/scenario-schema.ts";
export { scenarioJsonSchema } from "./scenario/scenario-schema.ts";
export { validateScenario } from "./scenario/validate-scenario.ts";

// ── The pacing Monte Carlo and its results ──────────────────────────────────────────────────

export { runPacing } from "./engine/run-pacing.ts";
/** Options of {@link runPacing}: worker threads (results are identical for any count), engine, block size, traced paths, progress callback. */
export type { RunOptions } from "./engine/run-pacing.ts";
/** A finished run: the encoded job, the block summaries (folded), the plots of the traced paths (and their trace, with keepTrace) and the wall-clock timing. Pass it to {@link pacingDocument}. */
export type { PacingRun } from "./engine/run-pacing.ts";
/** "wasm" (the kernel, default) or "reference" (its plain TypeScript twin, bit-identical and slower). */
export type { Engine } from "./engine/pacing-block.ts";
export { DEFAULT_BLOCK_PATHS } from "./engine/block-plan.ts";
/** The per-scheme metrics of a results document, in column order. */
export { METRICS } from "./engine/pacing-results.ts";
/** One of {@link METRICS}. */
export type { Metric } from "./engine/pacing-results.ts";
/** One scheme's results: every metric as an {@link Estimate} with its 95% interval, plus path, ruin and survivor counts. */
export type { SchemeResult } from "./engine/pacing-results.ts";
export type { Difference } from "./engine/pacing-results.ts";
/** One of the path-risk outputs reported beside {@link METRICS}: drawdown median and p95, CVaR 5% of the terminal return, time under water, funding. */
export type { PathRiskMetric } from "./engine/path-risk-results.ts";
/** The path-risk outputs reported beside {@link METRICS}, in column order. */
export { PATH_RISK_METRICS } from "./engine/path-risk-results.ts";
/** Cumulative ruin probability per scheme at the end of each year of the horizon, with Wilson intervals. */
export type { RuinByYear } from "./engine/path-risk-results.ts";
/** The maximum-drawdown quantiles a report's box plot draws, per scheme. */
export type { DrawdownQuantiles } from "./engine/path-risk-results.ts";
/** Per-scheme results and the paired differences against the baseline scheme. */
export type { PacingResults } from "./engine/pacing-results.ts";
export { pacingResults } from "./engine/pacing-results.ts";
/** The results document (results.json) of a run: the scenario, per-scheme estimates with 95% intervals, paired differences, plot data, provenance and timing. */
export { pacingDocument } from "./engine/pacing-document.ts";
/** The results document written as results.json (see {@link pacingDocument}). */
export type { PacingDocument } from "./engine/pacing-document.ts";
export { pacingCsv } from "./engine/pacing-document.ts";
/** What a results document records besides the run: git revision, date, block size, extra timing. */
export type { DocumentContext } from "./engine/pacing-document.ts";
/** The leverage of each scheme around an upward regime switch on one traced path (a plot of the report). */
export type { LeverageWindow } from "./engine/pacing-trace.ts";
/** Quantiles of equity over time per scheme across the traced paths (a plot of the report). */
export type { EquityFan } from "./engine/pacing-trace.ts";
/** The plots of a run's traced paths, the leverage window and the equity fan (`plots` of a {@link PacingRun}). */
export type { TracePlots } from "./engine/pacing-trace.ts";
export { tracePlots } from "./engine/pacing-trace.ts";
export { writePacingOutputs } from "./engine/write-pacing-outputs.ts";
/** A Monte Carlo estimate with its 95% interval; `null` where undefined (e.g. no survivors). */
export type { Estimate } from "./metrics/intervals.ts";

// ── Calibration per market ──────────────────────────────────────────────────────────────────

export { estimateProfile } from "./calibration/market-profile.ts";
/** A market profile estimated from prices (profile.json): volatility regimes, jumps, trend, EWMA decay and liquidity, each with its method, interval and fit quality. */
export type { MarketProfile } from "./calibration/market-profile.ts";
/** Options of {@link estimateProfile}: steps per year, jump threshold, fallbacks, overrides, date window, liquidity inputs. */
export type { ProfileOptions } from "./calibration/market-profile.ts";
/** Profile fields set by hand instead of estimated (each recorded as an override). */
export type { ProfileOverrides } from "./calibration/market-profile.ts";
/** How a profile field was obtained: estimated, weak, default or override, with a note. */
export type { Quality } from "./calibration/market-profile.ts";
/** A confidence interval `[lo, hi]` of a profile field. */
export type { Interval } from "./calibration/regime-fit.ts";
export { pacingSearch } from "./calibration/pacing-search.ts";
/** Options of {@link pacingSearch}: scheme kinds, coarse and refinement paths, workers, objective, strategy choices, progress. */
export type { SearchOptions } from "./calibration/pacing-search.ts";
/** The search's evaluations, Pareto fronts, recommendation per scheme kind and the Gârleanu–Pedersen rate. */
export type { SearchResult } from "./calibration/pacing-search.ts";
/** The strategy a profile is evaluated for: signal noise, risk aversion, leverage cap, ruin barrier, horizon, paths, seed. */
export type { StrategyChoices } from "./calibration/profile-scenario.ts";
/** Scheme parameters by name, e.g. `{ lambda: 0.1 }`. */
export type { Params } from "./calibration/scheme-grid.ts";
/** The recommendation document (recommendation.json): per scheme kind, the recommended parameters with the objective's interval, beside the profile and the GP rate. */
export { recommendationDocument, withOutOfSampleConstraints } from "./calibration/recommendation-document.ts";
export type { OutOfSampleConstraints, WithOutOfSample } from "./calibration/recommendation-document.ts";
export { outOfSampleValidation } from "./calibration/out-of-sample.ts";
/** Options of {@link outOfSampleValidation}: the search's, plus the calibration share, evaluation paths and bootstrap block length. */
export type { OutOfSampleOptions } from "./calibration/out-of-sample.ts";
/** Out-of-sample validation: the split, the in-sample search and each scheme's degradation three ways. */
export type { OutOfSampleReport } from "./calibration/out-of-sample.ts";
export { profileToScenario } from "./calibration/profile-scenario.ts";
export { gpRate, gpRates } from "./calibration/gp-rate.ts";
export { gpA, gpStepRate, gpAimScale, acKappaTau, acStepRate, regimeVariance, quadraticCostLambda, optimalPacingConstants, optimalPacingOfScenario } from "./pacing/optimal-rates.ts";
/** A gp or ac scheme as the optimal-rate formulas need it: its kind, name and risk aversion. */
export type { OptimalScheme } from "./pacing/optimal-rates.ts";
/** Per-regime constants of a gp or ac scheme: rate per step, aim scale (gp), Λ and variance. */
export type { OptimalPacingConstants } from "./pacing/optimal-rates.ts";
export { rs1BenchmarksScenario } from "./scenario/presets/rs1-benchmarks.ts";
/** The Gârleanu–Pedersen optimal trading rate per step of a profile: overall, per regime, and with instantaneous impact only. */
export type { GpRates } from "./calibration/gp-rate.ts";
/** The liquidity part of a market profile: depth, thinning, resilience and spread, with methods, Amihud and intraday evidence. */
export type { LiquidityProfile } from "./calibration/liquidity-profile.ts";
/** The search objective's settings: weights on opportunity cost and slippage (oc-slippage), the ruin probability cap p_max, the drawdown cap and the growth objective's equity floor. */
export type { Objective } from "./calibration/pacing-objective.ts";
/** One scheme's out-of-sample validation: in- and out-of-sample objective, three ways (parametric, bootstrap, replay). */
export type { SchemeValidation } from "./calibration/out-of-sample.ts";
/** The estimates of one evaluation window of {@link outOfSampleValidation}. */
export type { WindowEvaluation } from "./calibration/out-of-sample.ts";
/** One evaluated parameter point of the search: its metrics with intervals, objective and feasibility. */
export type { Evaluation } from "./calibration/pacing-search.ts";
/** The search stage an evaluation belongs to: the coarse grid, its extension past an edge, the refinement, or a parameter-interval run. */
export type { Stage } from "./calibration/evaluate-schemes.ts";
/** How a scheme kind's optimum was found and how sharp it is: domain and grid edges, refinement, the parameter's 95% interval. */
export type { KindSearch } from "./calibration/pacing-search.ts";
/** An objective the pacing search optimises: its name, its sense (max or min), each scheme's estimate and the paired difference between two schemes. */
export type { PacingObjective } from "./calibration/pacing-objective.ts";
/** The search's objectives: certainty-equivalent growth net of costs (default, maximised) and opportunity cost + slippage (minimised), by name. */
export { CE_GROWTH } from "./calibration/growth-objective.ts";
export { OC_SLIPPAGE, OBJECTIVES } from "./calibration/pacing-objective.ts";
/** A --strategy value (signal, vol-target:…, trend:…, constant:…, series:FILE) as the scenario's target, and back. */
export { parseStrategy, formatStrategy } from "./calibration/strategy-spec.ts";
/** The user's strategy: a scenario target, or a leverage file replayed on the price history. */
export type { StrategySpec } from "./calibration/strategy-spec.ts";
/** A scenario's leverage target, as the scenario schema validates it (signal, vol-target, trend, constant, series). */
export type { TargetConfig } from "./calibration/strategy-spec.ts";
/** A model strategy's target (signal, vol-target, trend, constant): the scenario's target without the replayed series. */
export type { ModelTarget } from "./calibration/strategy-spec.ts";
/** One scheme's outcome in an engine run, as an objective reads it: its results, per-path ln(E_T/E₀) and the horizon in years. */
export type { SchemeOutcome } from "./calibration/pacing-objective.ts";
/** The constraints of one evaluation (ruin ≤ p_max, and max_drawdown_p95 ≤ d_max when capped): each cap's check, feasibility and the excess. */
export type { ConstraintStatus, CapCheck } from "./calibration/constraint-status.ts";
/** The heuristic scheme kinds the search tunes (instant, rate, ema, vol, liquidity, asymmetric). */
export type { SchemeKind } from "./calibration/scheme-grid.ts";
/** The per-scheme metrics of an objective the engine computes (GP's mean-variance objective), beside RS-1's metrics. */
export { OBJECTIVE_METRICS } from "./engine/pacing-results.ts";
/** In-sample against out-of-sample evaluation of one recommendation: the degradations with their intervals and the status of every cap of the search. */
export type { Comparison } from "./calibration/out-of-sample.ts";
/** Re-calibration on the later window against the in-sample pace: both paces per kind and their paired differences on the same later-window paths. */
export type { RecalibrationReport } from "./calibration/recalibration.ts";
/** In-sample pace − re-calibrated pace on the same later-window paths: objective and ruin with paired 95% intervals, and each pace's own estimates. */
export type { PairedRegret } from "./calibration/recalibration.ts";
/** Studies beside the search that recommendation.json carries: the frontier across kinds, the robustness to the fit, and whether `--robust` chose. */
export type { RecommendationExtras } from "./calibration/recommendation-document.ts";
export { schemeFrontier } from "./calibration/scheme-frontier.ts";
/** One frontier across scheme kinds: every point with its coordinates and intervals, the curves per kind, and the non-dominated set under the stated rule. */
export type { FrontierDocument } from "./calibration/scheme-frontier.ts";
export { fitRobustness, robustRecommendations } from "./calibration/fit-robustness.ts";
/** Objective, ruin and drawdown p95 of each kind's recommendation and neighbours over draws of the fitted parameters, and the robust choice per kind. */
export type { RobustnessDocument } from "./calibration/fit-robustness.ts";
/** One kind in {@link RobustnessDocument}: its recommendation, robust choice and every candidate's spread. */
export type { KindRobustness } from "./calibration/fit-robustness.ts";
/** Options of {@link fitRobustness}: draws of the fit, paths per run, seed, progress per draw. */
export type { RobustnessOptions } from "./calibration/fit-robustness.ts";
/** One kind in {@link RecalibrationReport}: the in-sample and re-calibrated paces and the paired differences per comparison. */
export type { KindRecalibration } from "./calibration/recalibration.ts";
/** One point of {@link FrontierDocument}: its kind, parameters, coordinates with intervals, paired differences and front membership. */
export type { FrontierPoint } from "./calibration/scheme-frontier.ts";
/** One candidate in {@link KindRobustness}: objective, ruin and drawdown p95 on the fitted profile, their quantiles over the draws, and the caps on their worst decile. */
export type { CandidateRobustness } from "./calibration/fit-robustness.ts";
/** A pace chosen by a search: parameters, reachability, domain edge and each parameter's 95% interval. */
export type { PaceChoice } from "./calibration/recalibration.ts";
/** The later-window comparisons: parametric, bootstrap, replay. */
export type { Way } from "./calibration/recalibration.ts";
/** Quantiles over draws: 10th, 50th, 90th percentile, least and greatest. */
export type { Spread } from "./calibration/robust-choice.ts";
/** The profile's regime volatilities, switching probabilities and innovation law (normal or Student-t), each with its interval. */
export type { VolatilitySection } from "./calibration/profile-volatility.ts";
/** The profile's jump intensity and size law, with intervals, the sd floor and the threshold count beside them. */
export type { JumpSection } from "./calibration/profile-volatility.ts";
/** The posterior predictive tail check: each model's frequency of large falls against the data's. */
export type { TailSection } from "./calibration/profile-volatility.ts";
/** What the engine simulates for a profile (the normal+jumps fit when the chosen model has Student-t innovations). */
export type { EngineMarket } from "./calibration/profile-volatility.ts";
/** The choice between normal+jumps, Student-t and t+jumps, by BIC and by the one-step predictive log score. */
export type { ModelChoice } from "./calibration/regime-model-choice.ts";
/** One candidate market model's fit: log-likelihood, parameter count, BIC and its out-of-sample predictive log score. */
export type { CandidateScore } from "./calibration/regime-model-choice.ts";
/** A 95% interval and whether it says something (`weak` when it spans more than ×10 either way). */
export type { LabelledInterval } from "./calibration/regime-fit.ts";
/** The regime model's parameters, per step: mean, each regime's sd, the switching matrix, jumps and the innovations' ν. */
export type { RegimeParams } from "./calibration/regime-model.ts";
/** One threshold of the tail check: the data's count of days below it with its interval, and each model's expected frequency. */
export type { TailCheckRow } from "./calibration/posterior-predictive.ts";
/** The 95% interval of a searched parameter: the evaluated values not significantly worse than the best, and whether the optimum is flat. */
export type { ParameterInterval } from "./calibration/parameter-interval.ts";
/** A degradation out of sample (positive = worse: out − in for a cost and ruin, in − out for growth) with its 95% interval, paired or unpaired (said which). */
export type { Degradation } from "./calibration/degradation.ts";
/** Every cap of the search in and out of sample (ruin; drawdown p95 when capped), which fail out of sample, and whether confidently so. */
export type { ConstraintCheck } from "./calibration/degradation.ts";
/** One cap in {@link ConstraintCheck}: its in- and out-of-sample estimates and whether it fails out of sample (and confidently so). */
export type { CapOutOfSample } from "./calibration/degradation.ts";
/** The name of a capped quantity: ruin, or max_drawdown_p95. */
export type { ConstraintName } from "./calibration/degradation.ts";
/** The kinds whose robustness draws were not run because no draw can change them (a replayed series), and why. */
export type { SkippedDraws } from "./calibration/replay-invariance.ts";
/** The recommended parameters of one scheme kind, with their evaluation and whether the ruin cap is reachable. */
export type { Recommendation } from "./calibration/pacing-search.ts";
/** The calibration report (report.html) of a profile and, when given, its search and recommendation. */
export { calibrationReportHtml } from "./calibration/calibration-report.ts";

// ── Covariance (WASM kernels; each takes a Kernel) ──────────────────────────────────────────

/** An instance of the WASM kernel with its memory arena: `new Kernel(loadKernelModule())`; the covariance and instrument functions take one. */
export { Kernel } from "./wasm/kernel.ts";
export { loadKernelModule } from "./wasm/load-kernel-module.ts";
export { sampleCovariance } from "./covariance/sample-covariance.ts";
export { ewmaCovarianceLast, ewmaCovarianceSequence } from "./covariance/ewma-covariance.ts";
/** Options of the EWMA covariance: decay λ, initial matrix, packed storage. */
export type { EwmaOptions } from "./covariance/ewma-covariance.ts";
export { ledoitWolf } from "./covariance/ledoit-wolf.ts";
export { cholesky } from "./covariance/cholesky.ts";
/** A Cholesky factor and whether the matrix was positive definite (else the failing column). */
export type { CholeskyResult } from "./covariance/cholesky.ts";
export { correlationFromCovariance, sampleCorrelation } from "./covariance/correlation.ts";
export { quadraticForm, bilinearForm } from "./covariance/quadratic-form.ts";
export { deltaRatioVariance, logRatioVariance } from "./covariance/ratio-variance.ts";
/** Var(A), Var(B), Cov(A, B) and Var(S) of a ratio S = A/B by the delta method (domain.md G3). */
export type { RatioVariance } from "./covariance/ratio-variance.ts";

// ── Synthetic ratio instruments S = A/B ─────────────────────────────────────────────────────

export { basketValues, valueWeights, convertLeg, type BasketLeg } from "./synthetic/basket.ts";
export { ratioSeries } from "./synthetic/ratio-series.ts";
export { rollingRatioVol } from "./synthetic/rolling-ratio-vol.ts";
/** Rolling windows of a ratio: the variances and covariance of its baskets, the delta-method volatility (G3) and the realised one. */
export type { RollingRatioVol } from "./synthetic/rolling-ratio-vol.ts";
export { wilderAtr, wilderAtrCloseToClose } from "./synthetic/wilder-atr.ts";
export { sizePosition } from "./synthetic/risk-parity-sizing.ts";
/** Inputs of {@link sizePosition}: capital, risk fraction, unit risk, price and leverage cap (G4, G6). */
export type { SizingInput } from "./synthetic/risk-parity-sizing.ts";
/** A sized position: units, leverage, whether the cap binds, and the leverage before the cap. */
export type { Sizing } from "./synthetic/risk-parity-sizing.ts";
export { weeklyRebalance } from "./synthetic/weekly-rebalance.ts";
/** Weekly rebalancing of a basket (G7): target weights, rebalance count, the weight drift and the rebalanced value. */
export type { RebalanceResult } from "./synthetic/weekly-rebalance.ts";
/** A pyramiding policy (G8): adds to a position in steps as the trade moves its way, cuts as it moves against it. */
export { pyramidingPolicy } from "./synthetic/pyramiding.ts";
export type { PyramidingResult } from "./synthetic/pyramiding.ts";
/** The pyramiding rule's thresholds: the largest add, the profit and the volatility fall an add needs. */
export type { PyramidingOptions } from "./synthetic/pyramiding.ts";
/** The covariance estimator of the delta method: sample, Ledoit–Wolf or EWMA with its decay. */
export type { CovarianceEstimator } from "./synthetic/rolling-ratio-vol.ts";

// ── Price data ───────────────────────────────────────────────────────────────────────────────

export { loadPrices } from "./data/load-prices.ts";
/** Options of {@link loadPrices}: layout, column mapping, close column, data policy, spike detection, text instead of a file. */
export type { LoadOptions } from "./data/load-prices.ts";
export { alignInner, alignAsOf } from "./data/align-calendars.ts";
/** Closes of several series on common dates (and, for as-of alignment, the age of each close). */
export type { AlignedCloses } from "./data/align-calendars.ts";
export { returnsOf } from "./data/returns.ts";
/** Log, simple or change (difference) returns. */
export type { ReturnKind } from "./data/returns.ts";
/** Daily or weekly returns. */
export type { ReturnFrequency } from "./data/returns.ts";
export type { PriceSeries } from "./data/price-series.ts";
/** A loaded price file: the series, the policy applied, the diagnostics found and the repairs made. */
export type { LoadedPrices } from "./data/price-series.ts";
/** Data rows read, kept, set aside, and placeholders (days without a price). */
export type { RowCounts } from "./data/price-series.ts";
export type { Repair } from "./data/price-series.ts";
/** "strict" (every catalogued fault stops the load) or "repair" (documented repairs, each recorded). */
export type { DataPolicy } from "./data/price-series.ts";
/** A price file layout the loader reads (clean, yahoo, binance, kraken, cryptocompare, fred, …). */
export type { FormatName } from "./data/price-formats.ts";
/** The names of every price file layout the loader reads. */
export { FORMAT_NAMES } from "./data/price-formats.ts";
export type { ColumnMapping } from "./data/price-formats.ts";
/** A catalogued data fault (unparseable date, placeholder, non-positive price, duplicate date, spike, gap, …). */
export type { FaultKind } from "./data/price-series.ts";
/** One fault found in a price file: kind, severity, file, row, date, value, the full message and the remedy. */
export type { Diagnostic } from "./data/price-series.ts";
export type { Severity } from "./data/price-series.ts";

// ── Writing results and reports ─────────────────────────────────────────────────────────────

/** Writes a file atomically (a temporary file renamed over the target), creating folders: a reader sees the old or the new content, never a torn one. */
export { writeFileAtomic } from "./io/write-atomic.ts";
export { toJson } from "./io/write-atomic.ts";
export { pacingReportHtml } from "./report/pacing-report.ts";
export { plotlyHtml } from "./report/plotly-html.ts";
/** One plotly chart of a report: id, title, traces, layout and a caption. */
export type { Figure } from "./report/plotly-html.ts";
/** A standalone HTML report: title, header facts, notes, figures and a JSON appendix. */
export type { ReportPage } from "./report/plotly-html.ts";
export { writeReportPngs, type PngOutcome } from "./report/png-export.ts";

// ── Errors ───────────────────────────────────────────────────────────────────────────────────

export { UsageError } from "./errors.ts";
