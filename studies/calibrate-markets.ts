/**
 * Study — per-market calibration of pacing parameters (issue 4).
 *
 *   npx tsx studies/calibrate-markets.ts --data-dir ../shared/data --out DIR [--paths N]
 *        [--coarse-paths N] [--seed S] [--max-ruin P] [--markets btc,eth,…] [--quiet]
 *
 * For every daily market below: a profile, the pacing search and the GP rate, written to
 * DIR/<id>/{profile.json,recommendation.json,report.html}; then DIR/results.json, a
 * comparison table DIR/comparison.csv, DIR/report.html and a per-market explanation in words.
 */
import { join } from "node:path";
import { loadPrices } from "../src/data/load-prices.ts";
import { estimateProfile, type MarketProfile, type ProfileOptions } from "../src/calibration/market-profile.ts";
import { pacingSearch } from "../src/calibration/pacing-search.ts";
import { recommendationDocument } from "../src/calibration/recommendation-document.ts";
import { calibrationReportHtml } from "../src/calibration/calibration-report.ts";
import { plotlyHtml } from "../src/report/plotly-html.ts";
import { writeFileAtomic, toJson } from "../src/io/write-atomic.ts";
import { writeOutputSet } from "../src/io/write-output-set.ts";
import { gitRevision } from "../src/io/git-revision.ts";
import { parseFlags, helpText, intFlag, runCli, type CommandSpec } from "../src/cli/run-cli.ts";
import { progressBar } from "../src/cli/progress-bar.ts";
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

export const config = { paths: 10000, coarsePaths: 2000, seed: 1, maxRuin: 0.01 };

const command = {
  name: "calibrate-markets",
  usage: "Usage: npx tsx studies/calibrate-markets.ts --data-dir DIR --out DIR [options]",
  flags: { "data-dir": { type: "string" }, out: { type: "string" }, paths: { type: "string" }, "coarse-paths": { type: "string" }, seed: { type: "string" }, "max-ruin": { type: "string" }, markets: { type: "string" }, workers: { type: "string" }, quiet: { type: "boolean" } },
  help: {
    "data-dir": "folder with the *.clean.csv files (e.g. ../shared/data) (required)", out: "output folder (required)",
    paths: "refinement paths per candidate (default 10000)", "coarse-paths": "coarse-grid paths (default 2000)", seed: "random seed (default 1)",
    "max-ruin": "ruin cap of the objective (default 0.01)", markets: `subset, comma-separated (${MARKETS.map((m) => m.id).join(",")})`,
    workers: "worker threads (default: all cores)", quiet: "no progress output",
  },
} satisfies CommandSpec<Record<string, { type: "string" | "boolean" }>>;

type Rec = ReturnType<typeof recommendationDocument>;

export async function main(argv = process.argv.slice(2)): Promise<void> {
  const { values } = parseFlags(command, argv);
  if (values.help) { process.stdout.write(helpText(command)); return; }
  if (!values["data-dir"] || !values.out) throw new UsageError("--data-dir and --out are required — e.g. --data-dir ../shared/data --out out/calibrate-markets");
  const dir = String(values["data-dir"]), out = String(values.out);
  const ids = values.markets ? String(values.markets).split(",") : MARKETS.map((m) => m.id);
  for (const id of ids) if (!MARKETS.some((m) => m.id === id)) throw new UsageError(`--markets: unknown market ${JSON.stringify(id)} — use ${MARKETS.map((m) => m.id).join(", ")}`);
  const maxRuin = values["max-ruin"] !== undefined ? Number(values["max-ruin"]) : config.maxRuin;
  if (!(maxRuin >= 0 && maxRuin <= 1)) throw new UsageError(`--max-ruin: must be in [0, 1]; got ${JSON.stringify(values["max-ruin"])}`);
  const paths = intFlag("paths", values.paths as string | undefined, 64, 1e7) ?? config.paths;
  const coarsePaths = intFlag("coarse-paths", values["coarse-paths"] as string | undefined, 64, 1e7) ?? config.coarsePaths;
  const seed = intFlag("seed", values.seed as string | undefined, 0, 4294967295) ?? config.seed;
  const rows: { id: string; profile: MarketProfile; rec: Rec; seconds: number }[] = [];
  for (const id of ids) {
    const m = MARKETS.find((x) => x.id === id)!;
    const t0 = performance.now();
    const { series } = loadPrices(join(dir, m.file), { policy: "repair" });
    const profile = estimateProfile(series, m.options);
    const bar = progressBar(id.padEnd(10), !values.quiet && process.stderr.isTTY === true);
    const search = await pacingSearch(profile, { seed, coarsePaths, refinePaths: paths, objective: { maxRuin }, workers: intFlag("workers", values.workers as string | undefined, 1, 256), onProgress: (d, t) => bar.update(Math.round(d), Math.round(t)) });
    const rec = recommendationDocument(profile, search, { git_revision: gitRevision(), date: new Date().toISOString(), data: m.file });
    writeOutputSet(join(out, id), { "profile.json": toJson(profile), "recommendation.json": toJson(rec), "report.html": calibrationReportHtml(profile, search, rec) });
    const seconds = (performance.now() - t0) / 1000;
    rows.push({ id, profile, rec, seconds });
    if (!values.quiet) process.stderr.write(`${id}: ${seconds.toFixed(1)} s\n`);
  }
  const table = rows.map(({ id, profile: p, rec, seconds }) => ({
    market: id, steps_per_year: p.steps_per_year,
    sigma_calm: p.volatility.regimes[0].sigma_annual, sigma_stressed: p.volatility.regimes[1].sigma_annual,
    stressed_share: p.volatility.regimes[1].share_of_time, jumps_per_year: p.jumps.intensity_per_year,
    depth: p.liquidity.depth, depth_method: p.liquidity.fit_quality.depth, gp_rate: rec.gp.rate,
    ema_lambda: rec.schemes.ema?.params.lambda ?? null, ema_reachable: rec.schemes.ema?.reachable ?? null,
    ema_objective: rec.schemes.ema?.objective ?? null, ema_ruin: rec.schemes.ema?.ruin_probability ?? null,
    rate_eta: rec.schemes.rate?.params.eta ?? null,
    asym_up: rec.schemes.asymmetric?.params.lambdaUp ?? null, asym_down: rec.schemes.asymmetric?.params.lambdaDown ?? null,
    best_scheme: rec.ranking_by_objective[0] ?? null, seconds,
  }));
  const explanations = rows.map((r) => explain(r.id, r.profile, r.rec, rows));
  const doc = {
    study: "calibrate-markets", seed, paths, coarse_paths: coarsePaths, max_ruin: maxRuin, git_revision: gitRevision(), table, explanations,
    timing: { date: new Date().toISOString(), total_seconds: rows.reduce((a, r) => a + r.seconds, 0) },
  };
  writeFileAtomic(join(out, "results.json"), toJson(doc));
  const cols = Object.keys(table[0] ?? {});
  const cell = (v: unknown) => (v && typeof v === "object" ? (v as { estimate: number | null }).estimate : v);
  writeFileAtomic(join(out, "comparison.csv"), [cols.join(","), ...table.map((t) => cols.map((c) => String(cell((t as Record<string, unknown>)[c]) ?? "")).join(","))].join("\n") + "\n");
  writeFileAtomic(join(out, "report.html"), plotlyHtml({
    title: "Per-market calibration of pacing parameters", facts: { seed, paths, coarse_paths: coarsePaths, max_ruin: maxRuin, git_revision: doc.git_revision },
    notes: explanations,
    figures: [{
      id: "rates", title: "Recommended EMA λ and GP rate per market (per step)",
      data: [
        { type: "bar", name: "EMA λ (recommended)", x: table.map((t) => t.market), y: table.map((t) => t.ema_lambda) },
        { type: "bar", name: "GP rate", x: table.map((t) => t.market), y: table.map((t) => t.gp_rate) },
        { type: "bar", name: "asymmetric λ_up", x: table.map((t) => t.market), y: table.map((t) => t.asym_up) },
      ],
      layout: { yaxis: { type: "log", title: { text: "fraction of the gap closed per step" } }, barmode: "group" },
      caption: "How fast each market may be re-levered: the searched EMA rate (ruin cap permitting), the theoretical GP rate, and the asymmetric scheme's re-levering rate.",
    }],
    appendix: { title: "comparison table", json: table },
  }));
  if (!values.quiet) process.stderr.write(`wrote ${join(out, "results.json")}, comparison.csv, report.html\n${explanations.join("\n")}\n`);
}

/** One paragraph per market: why its rates differ, from its own numbers. */
function explain(id: string, p: MarketProfile, rec: Rec, all: { profile: MarketProfile; rec: Rec }[]): string {
  const rank = (f: (x: { profile: MarketProfile; rec: Rec }) => number) => 1 + all.filter((o) => f(o) > f({ profile: p, rec })).length;
  const s0 = p.volatility.regimes[0].sigma_annual, s1 = p.volatility.regimes[1].sigma_annual;
  const ema = rec.schemes.ema, asym = rec.schemes.asymmetric;
  const parts = [
    `${id}: calm σ ${(100 * s0).toFixed(0)}%/yr, stressed ${(100 * s1).toFixed(0)}%/yr (${(100 * p.volatility.regimes[1].share_of_time).toFixed(0)}% of the time), ${p.jumps.intensity_per_year.toFixed(1)} jumps/yr; calm depth κ₀ = ${p.liquidity.depth.toPrecision(3)} account units (${p.liquidity.fit_quality.depth}), rank ${rank((o) => o.profile.liquidity.depth)} of ${all.length} by depth and ${rank((o) => -o.profile.volatility.regimes[0].sigma_annual)} by calmness.`,
    `GP rate ${rec.gp.rate.toPrecision(3)} per step: ${rec.gp.rate > 0.9 ? "the book is deep enough that costs barely argue for pacing at this account size" : "quadratic impact makes partial adjustment optimal"}.`,
  ];
  if (ema) parts.push(ema.reachable
    ? `Searched EMA λ = ${ema.params.lambda} (objective ${ema.objective.estimate?.toFixed(4)} [${ema.objective.lo?.toFixed(4)}, ${ema.objective.hi?.toFixed(4)}]/yr, ruin ${ema.ruin_probability.estimate?.toFixed(4)}).`
    : `No EMA rate meets ruin ≤ cap (best ruin ${ema.ruin_probability.estimate?.toFixed(3)} at λ = ${ema.params.lambda}): here ruin, not cost, sets the pace — the leverage target itself is too aggressive for the volatility, which pacing can only delay.`);
  if (asym) parts.push(`Asymmetric: re-lever at ${asym.params.lambdaUp}, de-risk at ${asym.params.lambdaDown}${asym.reachable ? "" : " (cap unreachable)"}.`);
  if (ema && ema.reachable && ema.params.lambda !== undefined && rec.gp.rate > 0 && ema.params.lambda < 0.5 * rec.gp.rate) {
    parts.push("The searched rate is well below GP's: the objective counts opportunity cost against a noisy target and ruin, which GP's cost–risk trade-off ignores, so slower pacing pays here even though depth alone would allow faster.");
  }
  return parts.join(" ");
}

if (isMainModule(import.meta.url)) runCli(main);
