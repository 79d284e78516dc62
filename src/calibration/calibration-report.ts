/**
 * The calibration report (offline HTML via src/report/plotly-html.ts): profile facts (model
 * choice, what the engine simulates, depth window, spread label), the posterior predictive tail
 * check, the
 * Pareto fronts (opportunity cost vs slippage, ruin as colour), objective over each 1-D
 * parameter with 95% intervals, the recommended rates against the GP rate, and, when
 * recommendation.json carries them, the frontier across kinds (frontier-figures.ts); with an
 * out-of-sample report, the paces in sample vs re-calibrated and the paired degradations;
 * the spread over draws of the fit (robustness-figures.ts).
 */
import { plotlyHtml, type Figure } from "../report/plotly-html.ts";
import type { MarketProfile } from "./market-profile.ts";
import type { SearchResult } from "./pacing-search.ts";
import type { recommendationDocument } from "./recommendation-document.ts";
import { optimumLine } from "./optimum-summary.ts";
import { frontierFigures } from "./frontier-figures.ts";
import { outOfSampleFigures } from "./out-of-sample-figures.ts";
import { robustnessFigures } from "./robustness-figures.ts";
import type { OutOfSampleReport } from "./out-of-sample.ts";

/** Posterior predictive tail check: days a year below each threshold, data (with interval) vs models. */
function tailFigure(profile: MarketProfile): Figure {
  const rows = profile.tail_check.rows, x = rows.map((r) => r.label);
  const names = Object.keys(rows[0]?.models ?? {});
  return {
    id: "tail-check", title: "Tail check: steps a year below each loss threshold, data vs fitted models",
    data: [
      { type: "bar", name: "data", x, y: rows.map((r) => r.data.per_year), error_y: { type: "data", symmetric: false, array: rows.map((r) => r.data.hi - r.data.per_year), arrayminus: rows.map((r) => r.data.per_year - r.data.lo) } },
      ...names.map((k) => ({ type: "bar", name: k, x, y: rows.map((r) => r.models[k].per_year) })),
    ],
    layout: { barmode: "group", yaxis: { type: "log", title: { text: "steps per year" } } },
    caption: `${profile.tail_check.method}. ${profile.tail_check.misses.length ? `Misses: ${profile.tail_check.misses.join("; ")}.` : "No model falls outside the data's intervals."}`,
  };
}

export function calibrationReportHtml(profile: MarketProfile, search: SearchResult | null, rec: ReturnType<typeof recommendationDocument> | null, notes: string[] = [], oos?: OutOfSampleReport): string {
  const v = profile.volatility, j = profile.jumps, l = profile.liquidity;
  const figures: Figure[] = [tailFigure(profile)];
  if (search && rec) {
    const coarse = search.evaluations.filter((e) => e.stage === "coarse");
    const kinds = [...new Set(coarse.map((e) => e.kind))];
    figures.push({
      id: "pareto", title: "Coarse grid: opportunity cost vs slippage (per year), colour = ruin probability",
      data: kinds.map((k) => {
        const pts = coarse.filter((e) => e.kind === k);
        return { type: "scatter", mode: "markers", name: k, x: pts.map((e) => e.slippage.estimate), y: pts.map((e) => e.opportunity_cost.estimate), text: pts.map((e) => `${e.name} ruin ${e.ruin_probability.estimate}`), marker: { size: 8, color: pts.map((e) => e.ruin_probability.estimate), colorscale: "Reds", cmin: 0, cmax: Math.max(0.05, search.settings.objective.maxRuin * 3), line: { width: 1, color: "#333" } } };
      }),
      layout: { xaxis: { title: { text: "slippage (equity/yr)" }, type: "log" }, yaxis: { title: { text: "opportunity cost (equity/yr)" } } },
      caption: "Each point is one parameter value on common random numbers; the recommended points are in recommendation.json with their Pareto-front membership.",
    });
    for (const k of ["ema", "rate", "liquidity"]) {
      const pts = search.evaluations.filter((e) => e.kind === k).sort((a, b) => Object.values(a.params)[0] - Object.values(b.params)[0]);
      if (!pts.length) continue;
      const xs = pts.map((e) => Object.values(e.params)[0]);
      figures.push({
        id: `surface-${k}`, title: `${k}: objective and ruin over ${Object.keys(pts[0].params)[0]} (95% intervals)`,
        data: [
          { type: "scatter", mode: "markers", name: "objective", x: xs, y: pts.map((e) => e.objective.estimate), error_y: { type: "data", symmetric: false, array: pts.map((e) => (e.objective.hi ?? 0) - (e.objective.estimate ?? 0)), arrayminus: pts.map((e) => (e.objective.estimate ?? 0) - (e.objective.lo ?? 0)) } },
          { type: "scatter", mode: "markers", name: "ruin probability", yaxis: "y2", x: xs, y: pts.map((e) => e.ruin_probability.estimate), marker: { symbol: "x" } },
        ],
        layout: { xaxis: { type: "log", title: { text: Object.keys(pts[0].params)[0] } }, yaxis: { title: { text: "opportunity + slippage (/yr)" } }, yaxis2: { overlaying: "y", side: "right", title: { text: "ruin" } }, shapes: k === "ema" ? [{ type: "line", x0: search.gp.rate, x1: search.gp.rate, yref: "paper", y0: 0, y1: 1, line: { dash: "dot" } }] : [] },
        caption: k === "ema" ? "Dotted line: the Gârleanu–Pedersen rate for this market's depth model." : undefined,
      });
    }
    const names = Object.keys(rec.schemes).filter((k) => rec.schemes[k].effective_rate !== null);
    figures.push({
      id: "rates", title: "Recommended effective rate per step vs the Gârleanu–Pedersen rate",
      data: [{ type: "bar", x: names, y: names.map((k) => rec.schemes[k].effective_rate) }],
      layout: { yaxis: { type: "log", title: { text: "fraction of the gap closed per step (calm regime)" } }, shapes: [{ type: "line", xref: "paper", x0: 0, x1: 1, y0: search.gp.rate, y1: search.gp.rate, line: { dash: "dot", color: "red" } }] },
      caption: "Red dotted line: GP optimal partial-adjustment rate.",
    });
    if (rec.frontier) figures.push(...frontierFigures(rec.frontier));
    if (rec.robustness) figures.push(...robustnessFigures(rec.robustness, search.settings.objective));
  }
  if (oos) figures.push(...outOfSampleFigures(oos));
  return plotlyHtml({
    title: `Calibration — ${profile.source.file.split("/").pop()}`,
    facts: {
      window: `${profile.window.first_date} → ${profile.window.last_date} (${profile.window.observations} returns)`,
      steps_per_year: profile.steps_per_year,
      bar: profile.bar.note,
      "model (BIC; predictive log score's choice)": `${profile.model_choice.chosen} (${profile.model_choice.by_log_score ?? "n/a"})${v.innovations.nu !== null ? `, ν = ${v.innovations.nu.toFixed(2)}` : ""}`,
      "σ calm / stressed (annual)": `${v.regimes[0].sigma_annual.toFixed(3)} / ${v.regimes[1].sigma_annual.toFixed(3)} (${v.fit_quality.status})`,
      "p01 / p10 (per step)": `${v.transition[0][1].toExponential(2)} / ${v.transition[1][0].toExponential(2)}`,
      "jumps per year, mean, sd": `${j.intensity_per_year.toFixed(2)}, ${j.mean_log.toFixed(4)}, ${j.sd_log.toFixed(4)} (${j.fit_quality.status})`,
      "engine simulates": `${profile.engine_market.model}: σ ${profile.engine_market.regimes.map((r) => r.sigma_annual.toFixed(3)).join(" / ")}, ${profile.engine_market.jumps.intensity_per_year.toFixed(2)} jumps/yr — ${profile.engine_market.note}`,
      "trend τ (steps), α sd": `${profile.trend.time_constant_steps.toFixed(0)} (${profile.trend.fit_quality.status}), ${profile.trend.alpha_sd_annual.toFixed(3)}`,
      "EWMA decay": profile.ewma.decay.toFixed(3),
      "depth κ₀, thinning, resilience, spread": `${l.depth.toPrecision(3)}, ${l.thinning.toFixed(2)}, ${l.resilience.toFixed(3)}, ${l.spread.toExponential(2)} (spread ${l.fit_quality.spread})`,
      ...(l.amihud ? { "depth window (full-sample κ₀)": `${l.amihud.window.choice} ${l.amihud.window.first_date} → ${l.amihud.window.last_date} (${l.amihud.full_sample.depth.toPrecision(3)})` } : {}),
      ...(search ? { "GP rate": search.gp.rate.toPrecision(3), "search seconds": search.timing.seconds.toFixed(1), "paths coarse / refine": `${search.settings.coarse_paths} / ${search.settings.refine_paths}` } : {}),
      ...(search ? Object.fromEntries(Object.entries(search.recommendations).filter(([, r]) => Object.keys(r.params).length)
        .map(([k, r]) => [`optimum ${k}`, `${JSON.stringify(r.params)}${optimumLine(r.search)}`])) : {}),
    },
    notes: [...notes, ...profile.warnings.map((w) => `warning: ${w}`)],
    figures,
    appendix: { title: "profile.json", json: profile },
  });
}
