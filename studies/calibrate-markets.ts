/**
 * Study — per-market calibration of pacing parameters (issues 4 and 15).
 *
 *   npx tsx studies/calibrate-markets.ts --data-dir ../shared/data --out DIR [--paths N]
 *        [--coarse-paths N] [--seed S] [--max-ruin P] [--max-drawdown D] [--objective growth|oc-slippage]
 *        [--strategy SPEC …] [--drift history|MU] [--markets btc,eth,…] [--workers N] [--quiet]
 *
 * For every daily market below: one profile, shared by every strategy (default: a
 * vol-targeting and a trend-following book), then per strategy the pacing search under the
 * economic objective and the GP rate, written to DIR/<id>/profile.json and
 * DIR/<id>/<strategy kind>/{recommendation.json,report.html}; then DIR/results.json, a
 * comparison table DIR/comparison.csv (one row per market and strategy: the recommended pace
 * with its interval), DIR/report.html and a per-market explanation in words. Markets run on
 * --workers threads at once (calibrate-market.ts, market-lanes.ts).
 */
import { join } from "node:path";
import { availableParallelism } from "node:os";
import type { MarketProfile, ProfileOptions } from "../src/calibration/market-profile.ts";
import { calibrateMarkets } from "../src/calibration/market-lanes.ts";
import type { MarketOutcome } from "../src/calibration/calibrate-market.ts";
import { parseStrategy } from "../src/calibration/strategy-spec.ts";
import { objectiveByName, OBJECTIVES } from "../src/calibration/pacing-objective.ts";
import { parseMaxDrawdown } from "../src/calibration/constraint-status.ts";
import { parseDrift } from "../src/calibration/market-drift.ts";
import { plotlyHtml } from "../src/report/plotly-html.ts";
import { writeFileAtomic, toJson } from "../src/io/write-atomic.ts";
import { writeOutputSet } from "../src/io/write-output-set.ts";
import { gitRevision } from "../src/io/git-revision.ts";
import { parseFlags, helpText, intFlag, runCli, type CommandSpec } from "../src/cli/run-cli.ts";
import { UsageError } from "../src/errors.ts";
import { isMainModule } from "../src/cli/is-main-module.ts";

/** Markets: file, and how to read its volume (account ≈ USD 100 M in the price's currency). */
export const MARKETS: { id: string; file: string; options: ProfileOptions }[] = [
  { id: "btc", file: "btc-usd_yahoo_1d.clean.csv", options: { volumeUnit: "quote", accountValue: 1e8 } },
  { id: "eth", file: "eth-usd_yahoo_1d.clean.csv", options: { volumeUnit: "quote", accountValue: 1e8 } },
  { id: "nasdaq100", file: "qqq_yahoo_1d.clean.csv", options: { accountValue: 1e8 } },
  { id: "sp500", file: "spy_yahoo_1d.clean.csv", options: { accountValue: 1e8 } },
  { id: "gold", file: "gold-futures_yahoo_1d.clean.csv", options: { volumeMultiplier: 100, accountValue: 1e8 } },
  { id: "wti", file: "wti-futures_yahoo_1d.clean.csv", options: { volumeMultiplier: 1000, accountValue: 1e8 } },
  { id: "usdjpy", file: "usdjpy_yahoo_1d.clean.csv", options: { accountValue: 1.5e10 } },
  { id: "eurusd", file: "eurusd_yahoo_1d.clean.csv", options: { accountValue: 1e8 } },
  { id: "nikkei225", file: "n225_yahoo_1d.clean.csv", options: { accountValue: 1.5e10, from: "2002-06-10" } },
];

export const config = { paths: 10000, coarsePaths: 2000, seed: 1, maxRuin: 0.01, strategies: ["vol-target:sigma=0.2,cap=4", "trend:tau=60,gamma=3,cap=3"] };

const command = {
  name: "calibrate-markets",
  usage: "Usage: npx tsx studies/calibrate-markets.ts --data-dir DIR --out DIR [options]",
  flags: {
    "data-dir": { type: "string" }, out: { type: "string" }, paths: { type: "string" }, "coarse-paths": { type: "string" }, seed: { type: "string" }, "max-ruin": { type: "string" },
    markets: { type: "string" }, workers: { type: "string" }, quiet: { type: "boolean" }, strategy: { type: "string", multiple: true }, objective: { type: "string" },
    "max-drawdown": { type: "string" }, drift: { type: "string" },
  },
  help: {
    "data-dir": "folder with the *.clean.csv files (e.g. ../shared/data) (required)", out: "output folder (required)",
    paths: "refinement paths per candidate (default 10000)", "coarse-paths": "coarse-grid paths (default 2000)", seed: "random seed (default 1)",
    "max-ruin": "ruin cap of the objective (default 0.01)", markets: `subset, comma-separated (${MARKETS.map((m) => m.id).join(",")})`,
    workers: "markets calibrated at once, one thread each (default: all cores)", quiet: "no progress output",
    strategy: `a strategy to calibrate every market for, repeatable (default: ${config.strategies.join(" and ")}); e.g. signal, vol-target:sigma=0.2,cap=4, trend:tau=60,gamma=3,cap=3`,
    objective: `${Object.keys(OBJECTIVES).join(" or ")} (default growth: certainty-equivalent growth net of costs)`,
    "max-drawdown": "also require max drawdown p95 ≤ D, D in (0, 1) (default: no cap)",
    drift: "the simulated market's expected return: history (default: each window's mean log return) or an annual drift, e.g. 0",
  },
} satisfies CommandSpec<Record<string, { type: "string" | "boolean"; multiple?: boolean }>>;

type Rec = MarketOutcome["strategies"][number]["rec"];

export async function main(argv = process.argv.slice(2)): Promise<void> {
  const { values } = parseFlags(command, argv);
  if (values.help) { process.stdout.write(helpText(command)); return; }
  if (!values["data-dir"] || !values.out) throw new UsageError("--data-dir and --out are required — e.g. --data-dir ../shared/data --out out/calibrate-markets");
  const dir = String(values["data-dir"]), out = String(values.out);
  const ids = values.markets ? String(values.markets).split(",") : MARKETS.map((m) => m.id);
  for (const id of ids) if (!MARKETS.some((m) => m.id === id)) throw new UsageError(`--markets: unknown market ${JSON.stringify(id)} — use ${MARKETS.map((m) => m.id).join(", ")}`);
  const maxRuin = values["max-ruin"] !== undefined ? Number(values["max-ruin"]) : config.maxRuin;
  if (!(maxRuin >= 0 && maxRuin <= 1)) throw new UsageError(`--max-ruin: must be in [0, 1]; got ${JSON.stringify(values["max-ruin"])}`);
  const maxDrawdown = parseMaxDrawdown(values["max-drawdown"] as string | undefined);
  const strategies = (values.strategy as string[] | undefined) ?? config.strategies;
  for (const s of strategies) if (parseStrategy(s).kind === "series") throw new UsageError(`--strategy: ${s} — a leverage series belongs to one price file; use npm run calibrate -- --data FILE --strategy ${s}`);
  const objectiveName = (values.objective as string | undefined) ?? "growth";
  objectiveByName(objectiveName);
  const drift = parseDrift(values.drift as string | undefined);
  const paths = intFlag("paths", values.paths as string | undefined, 64, 1e7) ?? config.paths;
  const coarsePaths = intFlag("coarse-paths", values["coarse-paths"] as string | undefined, 64, 1e7) ?? config.coarsePaths;
  const seed = intFlag("seed", values.seed as string | undefined, 0, 4294967295) ?? config.seed;
  const lanes = intFlag("workers", values.workers as string | undefined, 1, 256) ?? availableParallelism();
  const started = performance.now(), cpu0 = process.cpuUsage();
  const tasks = ids.map((id) => {
    const m = MARKETS.find((x) => x.id === id)!;
    return {
      id, file: join(dir, m.file), options: m.options, strategies, seed, coarsePaths, refinePaths: paths, objective: { maxRuin, maxDrawdown }, objectiveName, drift,
      provenance: { git_revision: gitRevision(), date: new Date().toISOString(), data: m.file },
    };
  });
  const outcomes = await calibrateMarkets(tasks, lanes, (o) => {
    writeOutputSet(join(out, o.id), {
      "profile.json": toJson(o.profile),
      ...Object.fromEntries(o.strategies.flatMap((s) => [[`${s.rec.settings.strategy.target.kind}/recommendation.json`, toJson(s.rec)], [`${s.rec.settings.strategy.target.kind}/report.html`, s.reportHtml]])),
    });
    if (!values.quiet) process.stderr.write(`${o.id}: ${o.seconds.total.toFixed(1)} s (profile ${o.seconds.profile.toFixed(1)} s, searches ${o.seconds.searches.map((x) => x.toFixed(1)).join(" + ")} s)\n`);
  });
  const table = outcomes.flatMap((o) => o.strategies.map(({ strategy, rec }) => row(o, strategy, rec)));
  const explanations = outcomes.map((o) => explain(o, outcomes));
  const cpu = process.cpuUsage(cpu0);
  const doc = {
    study: "calibrate-markets", seed, paths, coarse_paths: coarsePaths, max_ruin: maxRuin, max_drawdown: maxDrawdown ?? null, objective: objectiveName, drift, strategies,
    git_revision: gitRevision(), table, explanations,
    grid_edge_check: table.filter((t) => t.grid_edge_kinds.length).map((t) => `${t.market} ${t.strategy}: ${t.grid_edge_kinds.join(", ")} on a grid edge (extension budget spent)`),
    timing: { date: new Date().toISOString(), wall_seconds: (performance.now() - started) / 1000, cpu_user_sys_seconds: (cpu.user + cpu.system) / 1e6, workers: lanes, per_market_seconds: Object.fromEntries(outcomes.map((o) => [o.id, o.seconds])) },
  };
  writeFileAtomic(join(out, "results.json"), toJson(doc));
  const cols = Object.keys(table[0] ?? {});
  const cell = (v: unknown) => (Array.isArray(v) ? v.join(" ") : v && typeof v === "object" ? (v as { estimate: number | null }).estimate : v);
  writeFileAtomic(join(out, "comparison.csv"), [cols.join(","), ...table.map((t) => cols.map((c) => JSON.stringify(cell((t as Record<string, unknown>)[c]) ?? "")).join(","))].join("\n") + "\n");
  const label = (t: (typeof table)[number]) => `${t.market} ${t.strategy_kind}`;
  writeFileAtomic(join(out, "report.html"), plotlyHtml({
    title: "Per-market calibration of pacing parameters", facts: { seed, paths, coarse_paths: coarsePaths, max_ruin: maxRuin, objective: objectiveName, strategies: strategies.join("; "), git_revision: doc.git_revision },
    notes: explanations,
    figures: [{
      id: "rates", title: "Recommended EMA λ per market and strategy (per step, 95% interval) and the GP rate",
      data: [
        { type: "scatter", mode: "markers", name: "EMA λ (recommended)", x: table.map(label), y: table.map((t) => t.ema_lambda), error_y: { type: "data", symmetric: false, array: table.map((t) => (t.ema_lambda_hi ?? 0) - (t.ema_lambda ?? 0)), arrayminus: table.map((t) => (t.ema_lambda ?? 0) - (t.ema_lambda_lo ?? 0)) } },
        { type: "scatter", mode: "markers", name: "GP rate", x: table.map(label), y: table.map((t) => t.gp_rate), marker: { symbol: "x" } },
      ],
      layout: { yaxis: { type: "log", title: { text: "fraction of the gap closed per step" } } },
      caption: "How fast each book may be re-levered in each market: the searched EMA rate with its 95% interval (values not significantly worse than the best on common random numbers), and the theoretical GP rate.",
    }],
    appendix: { title: "comparison table", json: table },
  }));
  if (!values.quiet) process.stderr.write(`wrote ${join(out, "results.json")}, comparison.csv, report.html in ${doc.timing.wall_seconds.toFixed(1)} s (CPU user+sys ${doc.timing.cpu_user_sys_seconds.toFixed(1)} s)\n${explanations.join("\n")}\n`);
}

/** One comparison row: a market and a strategy, the recommended EMA pace with its interval, the best kind. */
function row(o: MarketOutcome, strategy: string, rec: Rec) {
  const p = o.profile, ema = rec.schemes.ema, iv = ema?.search.parameter_interval.lambda;
  const best = rec.ranking_by_objective[0] ?? null;
  return {
    market: o.id, strategy, strategy_kind: rec.settings.strategy.target.kind, steps_per_year: p.steps_per_year,
    sigma_calm: p.volatility.regimes[0].sigma_annual, sigma_stressed: p.volatility.regimes[1].sigma_annual,
    stressed_share: p.volatility.regimes[1].share_of_time, tails: tailWords(p),
    drift_alpha: rec.settings.strategy.drift, depth: p.liquidity.depth, depth_method: p.liquidity.fit_quality.depth, gp_rate: rec.gp.rate,
    ema_lambda: ema?.params.lambda ?? null, ema_lambda_lo: iv?.lo ?? null, ema_lambda_hi: iv?.hi ?? null,
    ema_half_life_steps: ema && ema.params.lambda < 1 ? Math.log(0.5) / Math.log(1 - ema.params.lambda) : 0,
    ema_at_domain_edge: ema?.at_domain_edge ?? null, ema_reachable: ema?.reachable ?? null,
    ema_objective: ema?.objective ?? null, ema_ruin: ema?.ruin_probability ?? null, ema_max_drawdown_p95: ema?.max_drawdown_p95 ?? null,
    best_scheme: best, best_params: best ? rec.schemes[best].params : null, best_objective: best ? rec.schemes[best].objective : null,
    grid_edge_kinds: Object.entries(rec.schemes).filter(([, v]) => v.search.at_grid_edge).map(([k]) => k),
  };
}

/** The profile's tails in words: Student-t's ν, or jumps a year, as the chosen model has them. */
export function tailWords(p: MarketProfile): string {
  const chosen = p.model_choice.chosen, nu = p.volatility.innovations?.nu;
  const t = chosen.startsWith("t") || chosen.includes("student") ? `Student-t tails (ν = ${nu?.toFixed(1)})` : "";
  const jumps = p.jumps.intensity_per_year > 0 ? `${p.jumps.intensity_per_year.toFixed(1)} jumps/yr` : "";
  return [t, jumps].filter(Boolean).join(" with ") || "normal tails, no jumps";
}

/** One paragraph per market: its profile, then per strategy the recommended pace and why, from its own numbers. */
function explain(o: MarketOutcome, all: MarketOutcome[]): string {
  const p = o.profile, id = o.id;
  const rank = (f: (x: MarketProfile) => number) => 1 + all.filter((x) => f(x.profile) > f(p)).length;
  const s0 = p.volatility.regimes[0].sigma_annual, s1 = p.volatility.regimes[1].sigma_annual;
  const gp = o.strategies[0]?.rec.gp.rate ?? NaN;
  const parts = [
    `${id}: calm σ ${(100 * s0).toFixed(0)}%/yr, stressed ${(100 * s1).toFixed(0)}%/yr (${(100 * p.volatility.regimes[1].share_of_time).toFixed(0)}% of the time), ${tailWords(p)}; calm depth κ₀ = ${p.liquidity.depth.toPrecision(3)} account units (${p.liquidity.fit_quality.depth}), rank ${rank((x) => x.liquidity.depth)} of ${all.length} by depth and ${rank((x) => -x.volatility.regimes[0].sigma_annual)} by calmness; simulated drift ${(100 * (o.strategies[0]?.rec.settings.strategy.drift ?? 0)).toFixed(1)}%/yr.`,
    `GP rate ${gp.toPrecision(3)} per step: ${gp > 0.9 ? "the book is deep enough that costs barely argue for pacing at this account size" : "quadratic impact makes partial adjustment optimal"}.`,
  ];
  for (const { rec } of o.strategies) {
    const kind = rec.settings.strategy.target.kind, ema = rec.schemes.ema, best = rec.ranking_by_objective[0];
    const g = (e: { estimate: number | null; lo: number | null; hi: number | null }) => `${(100 * (e.estimate ?? NaN)).toFixed(2)}% [${(100 * (e.lo ?? NaN)).toFixed(2)}, ${(100 * (e.hi ?? NaN)).toFixed(2)}]/yr`;
    if (!ema) continue;
    const iv = ema.search.parameter_interval.lambda;
    parts.push(ema.reachable
      ? `${kind}: EMA λ = ${ema.params.lambda}${iv ? ` (95% [${+iv.lo.toPrecision(3)}, ${+iv.hi.toPrecision(3)}]${iv.flat ? ", flat" : ""})` : ""}${ema.at_domain_edge ? " at the domain's edge" : ""}, growth ${g(ema.objective)}, ruin ${ema.ruin_probability.estimate?.toFixed(4)}${best && best !== "ema" ? `; best kind ${best} ${JSON.stringify(rec.schemes[best].params)} (${g(rec.schemes[best].objective)})` : ""}.`
      : `${kind}: no EMA rate meets the constraints (nearest: ruin ${ema.ruin_probability.estimate?.toFixed(3)} at λ = ${ema.params.lambda}) — the target itself is too aggressive for this market, which pacing can only delay.`);
  }
  return parts.join(" ");
}

if (isMainModule(import.meta.url)) runCli(main);
