/**
 * Calibrates pacing parameters for one market (issue 4).
 *
 *   npm run calibrate -- --data FILE --out DIR [--strategy S] [--objective growth|oc-slippage] [--max-drawdown D]
 *        [--format F] [--policy P] [--date-format F] [--max-ruin 0.01] [--paths N]
 *        [--seed S] [--profile-only] [--intraday FILE] [--set key=value …] …
 *
 * Writes DIR/profile.json, DIR/recommendation.json and DIR/report.html.
 */
import { join } from "node:path";
import { loadPrices } from "../src/data/load-prices.ts";
import { rowSummary } from "../src/data/set-aside.ts";
import { loadProgress } from "../src/data/load-progress.ts";
import type { FormatName } from "../src/data/price-formats.ts";
import { estimateProfile, type ProfileOptions, type ProfileOverrides } from "../src/calibration/market-profile.ts";
import { pacingSearch } from "../src/calibration/pacing-search.ts";
import { recommendationDocument, withOutOfSampleConstraints } from "../src/calibration/recommendation-document.ts";
import { calibrationReportHtml } from "../src/calibration/calibration-report.ts";
import { SCHEME_KINDS, type SchemeKind } from "../src/calibration/scheme-grid.ts";
import { toJson } from "../src/io/write-atomic.ts";
import { writeOutputSet } from "../src/io/write-output-set.ts";
import { checkOutDir } from "../src/io/check-out-dir.ts";
import { checkUsableHistory } from "../src/calibration/usable-history.ts";
import { gitRevision } from "../src/io/git-revision.ts";
import { parseFlags, helpText, intFlag, runCli, type CommandSpec } from "../src/cli/run-cli.ts";
import { outOfSampleValidation } from "../src/calibration/out-of-sample.ts";
import { optimumLine } from "../src/calibration/optimum-summary.ts";
import { outOfSampleCsv, outOfSampleLines } from "../src/calibration/out-of-sample-table.ts";
import { progressBar } from "../src/cli/progress-bar.ts";
import { schemeFrontier, frontierCsv } from "../src/calibration/scheme-frontier.ts";
import { fitRobustness, robustRecommendations } from "../src/calibration/fit-robustness.ts";
import { UsageError } from "../src/errors.ts";
import { isMainModule } from "../src/cli/is-main-module.ts";
import { parseStrategy, formatStrategy, DEFAULT_STRATEGY } from "../src/calibration/strategy-spec.ts";
import { replayedStrategy } from "../src/calibration/strategy-series.ts";
import { objectiveByName, OBJECTIVES } from "../src/calibration/pacing-objective.ts";
import { parseMaxDrawdown } from "../src/calibration/constraint-status.ts";
import { parseDrift, scenarioDrift } from "../src/calibration/market-drift.ts";

const OVERRIDE_KEYS = ["depth", "thinning", "resilience", "spread", "time_constant_steps", "alpha_sd_annual", "ewma_decay", "jump_intensity_per_year", "jump_mean_log", "jump_sd_log"] as const;

const command = {
  name: "calibrate",
  usage: "Usage: npm run calibrate -- --data FILE --out DIR [options]\n\nEstimates a market profile from a price file, searches the pacing parameters of every\nscheme on it (coarse grid, then local refinement, common random numbers) and writes\nDIR/profile.json, DIR/recommendation.json and DIR/report.html.",
  flags: {
    data: { type: "string" }, out: { type: "string" }, format: { type: "string" }, column: { type: "string" }, policy: { type: "string" }, "date-format": { type: "string" },
    "max-ruin": { type: "string" }, paths: { type: "string" }, "coarse-paths": { type: "string" }, seed: { type: "string" }, workers: { type: "string" },
    "profile-only": { type: "boolean" }, intraday: { type: "string" }, "volume-unit": { type: "string" }, "volume-multiplier": { type: "string" },
    account: { type: "string" }, set: { type: "string", multiple: true }, schemes: { type: "string" }, from: { type: "string" }, to: { type: "string" },
    "weight-opportunity": { type: "string" }, "weight-slippage": { type: "string" }, "allow-fallback": { type: "boolean" }, quiet: { type: "boolean" },
    "out-of-sample": { type: "boolean" }, split: { type: "string" }, bar: { type: "string" },
    "frontier-paths": { type: "string" }, robust: { type: "boolean" }, "robust-draws": { type: "string" }, "robust-paths": { type: "string" },
    strategy: { type: "string" }, objective: { type: "string" }, "max-drawdown": { type: "string" }, drift: { type: "string" },
  },
  help: {
    strategy: "the strategy whose pacing is calibrated: signal[:noise=0.5,gamma=3,cap=3] (RS-1's, default), vol-target:sigma=0.2,cap=4, trend:tau=60,gamma=3,cap=3, constant:leverage=2, or series:FILE.csv (a date,leverage file replayed on the price history)",
    objective: `what the search optimises: ${Object.keys(OBJECTIVES).join(" or ")} (default growth: mean over all paths of ln(E_T/E₀)/years net of costs, maximised; oc-slippage: opportunity cost + slippage per year, minimised)`,
    drift: "the market's expected return in the simulated market: history (default: the window's mean log return per year) or an annual drift (alpha mean), e.g. 0",
    "max-drawdown": "also require the 95th percentile of the maximum drawdown ≤ D, D in (0, 1) (default: no cap)",
    "out-of-sample": "also validate out of sample: calibrate on the first --split of the history, evaluate on the rest (DIR/out-of-sample.json)",
    split: "share of the history used for calibration with --out-of-sample (default 0.6)",
    bar: "the profile's bar (default 1d): finer bars (e.g. one-minute) are resampled to it and used as they are only for resilience and depth; e.g. 4h, 1w",
    data: "price file (any layout the loader reads) (required)",
    out: "output folder (required)",
    format: "layout: clean, yahoo, binance, kraken, cryptocompare, fred, date-price, multiccy (default: detected)",
    column: "which column is the close (e.g. BTC_JPY in the multi-currency file)",
    policy: "data policy: repair (drop faulty rows and record them) or strict. Default: repair, but refused when more than 1% of the rows would be set aside (placeholders such as FRED's '.' apart) — pass --policy repair to accept that",
    "date-format": "order of day and month in the dates: YYYY-MM-DD, YYYY-DD-MM, DD/MM/YYYY or MM/DD/YYYY (default: settled by the file; an ambiguous or inconsistent file is refused)",
    "max-ruin": "ruin probability cap p_max of the objective (default 0.01)",
    paths: "paths of the refinement runs (default 10000)",
    "coarse-paths": "paths of the coarse grid (default 2000)",
    seed: "random seed (default 1)",
    workers: "worker threads (default: all cores)",
    "profile-only": "stop after writing profile.json",
    intraday: "intraday bars of the same market for depth and resilience (e.g. hourly or one-minute)",
    "volume-unit": "base (volume × price = value, default) or quote (volume already in currency, e.g. Yahoo BTC-USD)",
    "volume-multiplier": "contract size (futures: 100 for GC=F, 1000 for CL=F; default 1)",
    account: "account size in the price's currency; depth is in units of it (default 1000000)",
    set: `override a profile field, repeatable: key=value with key in ${OVERRIDE_KEYS.join(", ")}`,
    schemes: `comma-separated scheme kinds to search (default ${SCHEME_KINDS.join(",")})`,
    from: "first date of the calibration window (YYYY-MM-DD prefix)",
    to: "last date of the calibration window",
    "weight-opportunity": "objective weight on opportunity cost (default 1)",
    "weight-slippage": "objective weight on slippage (default 1)",
    "allow-fallback": "use EM/threshold estimates when the likelihood fit does not converge (recorded)",
    quiet: "no progress bar",
    "frontier-paths": "paths of the frontier run across kinds (default: the interval paths, --coarse-paths / 2); DIR/frontier.csv",
    robust: "recommend per kind the parameter best in the worst decile over the draws of the fitted parameters (growth: the highest 10th percentile; oc-slippage: the lowest 90th) among those meeting --max-ruin and --max-drawdown on the worst decile (90th percentile) of the draws, not the nominal optimum",
    "robust-draws": "draws of the fitted parameters for the robustness check (default 20; 0 skips it)",
    "robust-paths": "paths per robustness run, common to every draw (default 256, or --paths when smaller)",
  },
} satisfies CommandSpec<Record<string, { type: "string" | "boolean"; multiple?: boolean }>>;

function numFlag(name: string, v: string | undefined, lo: number, hi: number): number | undefined {
  if (v === undefined) return undefined;
  const x = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(v) ? Number(v) : NaN; // not "" (an unset variable) as 0, nor hex
  if (!Number.isFinite(x) || x < lo || x > hi) throw new UsageError(`--${name}: must be a decimal number in [${lo}, ${hi}]; got ${JSON.stringify(v)}`);
  return x;
}

export async function main(argv = process.argv.slice(2)): Promise<void> {
  const { values } = parseFlags(command, argv);
  if (values.help) { process.stdout.write(helpText(command)); return; }
  if (!values.data) throw new UsageError("--data: a price file is required — e.g. --data ../shared/data/btc-usd_yahoo_1d.clean.csv");
  if (!values.out) throw new UsageError("--out: an output folder is required — e.g. --out out/calibrate-btc");
  checkOutDir(String(values.out));
  const policy = (values.policy as string | undefined) ?? "repair";
  const maxSetAside = values.policy === undefined ? 0.01 : undefined; // an explicit --policy repair accepts any share
  if (policy !== "repair" && policy !== "strict") throw new UsageError(`--policy: must be "repair" or "strict"; got ${JSON.stringify(policy)}`);
  const unit = (values["volume-unit"] as string | undefined) ?? "base";
  if (unit !== "base" && unit !== "quote") throw new UsageError(`--volume-unit: must be "base" or "quote"; got ${JSON.stringify(unit)}`);
  const overrides: ProfileOverrides = {};
  for (const s of (values.set as string[] | undefined) ?? []) {
    const m = /^([a-z_]+)=(.+)$/.exec(s);
    const key = m?.[1] as (typeof OVERRIDE_KEYS)[number] | undefined;
    if (!m || !key || !OVERRIDE_KEYS.includes(key) || !Number.isFinite(Number(m[2]))) {
      throw new UsageError(`--set: expected key=number with key in ${OVERRIDE_KEYS.join(", ")}; got ${JSON.stringify(s)}`);
    }
    (overrides as Record<string, number>)[key] = Number(m[2]);
  }
  const kinds = values.schemes ? String(values.schemes).split(",") : SCHEME_KINDS;
  for (const k of kinds) if (!SCHEME_KINDS.includes(k as SchemeKind)) throw new UsageError(`--schemes: unknown kind ${JSON.stringify(k)} — use ${SCHEME_KINDS.join(", ")}`);
  const maxRuin = numFlag("max-ruin", values["max-ruin"] as string | undefined, 0, 1) ?? 0.01;
  const maxDrawdown = parseMaxDrawdown(values["max-drawdown"] as string | undefined);
  const strategySpec = values.strategy !== undefined ? parseStrategy(String(values.strategy)) : DEFAULT_STRATEGY;
  const drift = parseDrift(values.drift as string | undefined);
  const objectiveFunction = objectiveByName((values.objective as string | undefined) ?? "growth");
  if (strategySpec.kind === "series" && values["out-of-sample"]) throw new UsageError("--out-of-sample: not available with --strategy series:FILE (the leverage file is one history, replayed as it is) — drop --out-of-sample or use a model strategy");
  const started = performance.now();

  // bad data (unreadable layout, too short a history, faults under strict) is bad input: exit 2
  const asUsage = <T>(f: () => T): T => { try { return f(); } catch (e) { if (e instanceof RangeError) throw new UsageError(e.message); throw e; } };
  const dateFormat = values["date-format"] as string | undefined, progress = (f: string) => loadProgress(f, !values.quiet);
  const loaded = asUsage(() => loadPrices(String(values.data), { format: values.format as FormatName | undefined, column: values.column as string | undefined, policy, dateFormat, maxSetAside, onProgress: progress(String(values.data)) }));
  checkUsableHistory(loaded, String(values.data));
  // a series strategy replays the history over the file's dates: every path is the same history, so few paths suffice
  const replay = strategySpec.kind === "series" ? replayedStrategy(loaded.series, strategySpec.file) : undefined;
  if (replay && !values.quiet) process.stderr.write(`strategy: ${replay.rows} leverage rows replayed on ${replay.returns.length} returns, ${replay.first}…${replay.last}\n`);
  const dataNote = rowSummary(String(values.data), loaded.rows, loaded.repairs);
  if (!values.quiet) process.stderr.write(`${dataNote}\n`);
  const intradayLoad = values.intraday ? asUsage(() => loadPrices(String(values.intraday), { policy: "repair", onProgress: progress(String(values.intraday)) })) : undefined;
  if (intradayLoad && !values.quiet) process.stderr.write(`${rowSummary(String(values.intraday), intradayLoad.rows, intradayLoad.repairs)}\n`);
  const intraday = intradayLoad?.series;
  const profileOptions: ProfileOptions = {
    intraday, volumeUnit: unit, volumeMultiplier: numFlag("volume-multiplier", values["volume-multiplier"] as string | undefined, 1e-9, 1e9),
    accountValue: numFlag("account", values.account as string | undefined, 1e-9, 1e18), overrides,
    allowFallback: values["allow-fallback"] === true, bar: values.bar as string | undefined,
  };
  const profile = asUsage(() => estimateProfile(loaded.series, { ...profileOptions, from: values.from as string | undefined, to: values.to as string | undefined }));
  const profileSeconds = (performance.now() - started) / 1000;
  const out = String(values.out);
  const doc = { ...profile, data_policy: { policy, max_set_aside: maxSetAside ?? null, rows: loaded.rows, date_order: loaded.dateOrder, repairs: loaded.repairs.length, set_aside: loaded.repairs.filter((r) => r.action === "dropped row").map((r) => ({ date: r.date, reason: r.kind, value: r.value })) }, timing: { profile_seconds: profileSeconds } };
  const outputs: Record<string, string> = { "profile.json": toJson(doc) }; // written together at the end (writeOutputSet)
  for (const w of profile.warnings) if (!values.quiet) process.stderr.write(`warning: ${w}\n`);
  if (values["profile-only"]) {
    writeOutputSet(out, { ...outputs, "report.html": calibrationReportHtml(profile, null, null, [dataNote]) });
    if (!values.quiet) process.stderr.write(`wrote ${join(out, "profile.json")} and report.html in ${profileSeconds.toFixed(1)} s\n`);
    return;
  }
  const bar = progressBar("calibrate", !values.quiet && process.stderr.isTTY === true);
  const seriesPaths = replay ? 64 : undefined;
  const searchOptions = {
    objectiveFunction, drift: scenarioDrift(drift, profile, loaded.series), ...(strategySpec.kind === "target" ? { target: strategySpec.target } : {}), ...(replay ? { replay, intervalPaths: 64 } : {}),
    kinds: kinds as SchemeKind[], seed: intFlag("seed", values.seed as string | undefined, 0, 4294967295),
    refinePaths: seriesPaths ?? intFlag("paths", values.paths as string | undefined, 64, 10_000_000), coarsePaths: seriesPaths ?? intFlag("coarse-paths", values["coarse-paths"] as string | undefined, 64, 10_000_000),
    workers: intFlag("workers", values.workers as string | undefined, 1, 256),
    objective: { maxRuin, maxDrawdown, opportunity: numFlag("weight-opportunity", values["weight-opportunity"] as string | undefined, 0, 1e6) ?? 1, slippage: numFlag("weight-slippage", values["weight-slippage"] as string | undefined, 0, 1e6) ?? 1 },
  };
  const robustDraws = intFlag("robust-draws", values["robust-draws"] as string | undefined, 0, 10_000) ?? 20;
  if (values.robust && robustDraws === 0) throw new UsageError("--robust: needs draws of the fit to choose from; got --robust-draws 0 — drop --robust or give --robust-draws ≥ 1 (default 20)");
  const nominal = await pacingSearch(profile, { ...searchOptions, onProgress: (d, t) => bar.update(Math.round(d), Math.round(t)) });
  const robustness = robustDraws > 0 ? await fitRobustness(profile, nominal, { ...searchOptions, draws: robustDraws, paths: intFlag("robust-paths", values["robust-paths"] as string | undefined, 64, 10_000_000) ?? Math.min(256, searchOptions.refinePaths ?? 256) }) : undefined;
  const search = values.robust && robustness ? robustRecommendations(nominal, robustness) : nominal;
  const frontier = await schemeFrontier(profile, search, { ...searchOptions, frontierPaths: intFlag("frontier-paths", values["frontier-paths"] as string | undefined, 64, 10_000_000) });
  outputs["frontier.csv"] = frontierCsv(frontier);
  const rec = recommendationDocument(profile, search, { git_revision: gitRevision(), date: new Date().toISOString(), data: String(values.data), strategy: formatStrategy(strategySpec), profile_seconds: profileSeconds, total_seconds: (performance.now() - started) / 1000 }, { frontier, robustness, robust: values.robust === true });
  // with --out-of-sample, recommendation.json and report.html are written once, with the later window's results
  if (!values["out-of-sample"]) writeOutputSet(out, { ...outputs, "recommendation.json": toJson(rec), "report.html": calibrationReportHtml(profile, search, rec, [dataNote]) });
  if (!values.quiet) {
    process.stderr.write(`wrote ${join(out, "profile.json")}, recommendation.json, report.html — profile ${profileSeconds.toFixed(1)} s, search ${search.timing.seconds.toFixed(1)} s (${(search.timing.scheme_path_steps / 1e9).toFixed(2)}e9 scheme-path-steps)\n`);
    for (const [k, r] of Object.entries(rec.schemes)) process.stderr.write(`  ${k.padEnd(10)} ${JSON.stringify(r.params)} objective ${r.objective.estimate?.toFixed(4)} [${r.objective.lo?.toFixed(4)}, ${r.objective.hi?.toFixed(4)}] ruin ${r.ruin_probability.estimate?.toFixed(4)}${r.reachable ? "" : " (cap unreachable)"}`
      + optimumLine(r.search) + "\n");
    process.stderr.write(`  GP rate ${search.gp.rate.toPrecision(3)} per step\n`);
    if (robustness?.refused_draws.length) process.stderr.write(`  robustness: ${robustness.refused_draws.length} of ${robustness.draws} fit draws refused by the engine and left out (${robustness.refused_draws[0].reason})\n`);
    if (robustness?.draws_skipped) process.stderr.write(`  robustness: fit draws not run for ${robustness.draws_skipped.kinds.join(", ")} — ${robustness.draws_skipped.reason}\n`);
    for (const [k, r] of Object.entries(robustness?.kinds ?? {})) {
      if (r.draws_skipped) continue;
      const c = r.candidates[0], f = (v: number) => (Number.isFinite(v) ? v.toFixed(4) : "n/a");
      const dd = maxDrawdown === undefined ? "" : `, drawdown p95 ${f(c.max_drawdown_p95.q10)} / ${f(c.max_drawdown_p95.q50)} / ${f(c.max_drawdown_p95.q90)}`;
      process.stderr.write(`  over ${robustness!.draws_used} fit draws ${k}: objective ${f(c.objective.q10)} / ${f(c.objective.q50)} / ${f(c.objective.q90)}, ruin ${f(c.ruin_probability.q10)} / ${f(c.ruin_probability.q50)} / ${f(c.ruin_probability.q90)}${dd} (10th / 50th / 90th percentile)`
        + (r.robust_differs ? `; best in the worst decile: ${r.robust_choice}${values.robust ? " (recommended, --robust)" : " (--robust recommends it)"}` : "; it is also the best in the worst decile") + "\n");
    }
    process.stderr.write(`  frontier across kinds: ${frontier.front.length} of ${frontier.points.length} points not dominated (${frontier.front_by_estimate.length} by the estimates alone): ${frontier.front.join(" ")}\n`);
  }
  if (values["out-of-sample"]) {
    // the same search, objective and profile options as above, on the calibration window
    const oos = await outOfSampleValidation(loaded.series, {
      ...searchOptions, split: numFlag("split", values.split as string | undefined, 0.05, 0.95),
      evaluationPaths: searchOptions.refinePaths, profile: profileOptions,
    });
    const { search: _s, later_search: _l, ...summary } = oos;
    writeOutputSet(out, {
      ...outputs, "recommendation.json": toJson(withOutOfSampleConstraints(rec, oos)), "out-of-sample.json": toJson(summary), "out-of-sample.csv": outOfSampleCsv(oos),
      "report.html": calibrationReportHtml(profile, search, rec, [dataNote, ...outOfSampleLines(oos).map((l) => `out of sample: ${l}`)], oos),
    });
    if (!values.quiet) {
      process.stderr.write(`out of sample (calibrated ${oos.split.calibration.first}…${oos.split.calibration.last}, validated ${oos.split.validation.first}…${oos.split.validation.last}), wrote out-of-sample.json and .csv\n`);
      for (const l of outOfSampleLines(oos)) process.stderr.write(`  ${l}\n`);
    }
  }
}

if (isMainModule(import.meta.url)) runCli(main);
