/**
 * The RS-3 HTML report (offline plotly): the ratio's price, rolling delta-method vs realised
 * volatility (and ATR), leverage with the cap shaded, and the legs' correlation heatmap.
 */
import { plotlyHtml, type Figure } from "../src/report/plotly-html.ts";

export interface Rs3Plot {
  dates: string[]; S: number[]; windowDates: string[]; deltaVol: number[]; realisedVol: number[]; atr: number[];
  leverage: number[]; uncapped: number[]; cap: number; corrLegs: string[]; corr: number[];
}

/** Renders report.html from the results object and the per-instrument series. */
export function rs3Report(results: Record<string, unknown>, plots: Record<string, Rs3Plot>): string {
  const figures: Figure[] = [];
  for (const [id, p] of Object.entries(plots)) {
    const k = p.corrLegs.length;
    figures.push(
      { id: `${id}-price`, title: `${id}: price of S = A/B`, data: [{ x: p.dates, y: p.S, type: "scatter", mode: "lines", name: "S" }], layout: { yaxis: { title: "S" } } },
      {
        id: `${id}-vol`, title: `${id}: rolling 63-change volatility of S (price units per step)`,
        data: [
          { x: p.windowDates, y: p.deltaVol, type: "scatter", mode: "lines", name: "delta method (G3)" },
          { x: p.windowDates, y: p.realisedVol, type: "scatter", mode: "lines", name: "realised sd of ΔS" },
          { x: p.windowDates, y: p.atr, type: "scatter", mode: "lines", name: "ATR(14), close to close", line: { dash: "dot" } },
        ],
        caption: "Where the two volatility lines part, the linearisation (or the window's mix of regimes) misleads; ATR is a mean absolute change, about 0.8 of the sd for normal changes.",
      },
      {
        id: `${id}-lev`, title: `${id}: leverage of the risk-constant position (G4), cap ${p.cap}× shaded`,
        data: [
          { x: p.windowDates, y: p.uncapped, type: "scatter", mode: "lines", name: "uncapped", line: { color: "#bbb" } },
          { x: p.windowDates, y: p.leverage, type: "scatter", mode: "lines", name: "held (capped)" },
        ],
        layout: { shapes: [{ type: "rect", xref: "paper", x0: 0, x1: 1, y0: p.cap, y1: Math.max(p.cap, ...p.uncapped), fillcolor: "rgba(220,50,50,0.12)", line: { width: 0 } }], yaxis: { title: "leverage", type: "log" } },
      },
      {
        id: `${id}-corr`, title: `${id}: correlation of the legs' daily log returns`,
        data: [{ z: Array.from({ length: k }, (_, i) => p.corr.slice(i * k, (i + 1) * k)), x: p.corrLegs, y: p.corrLegs, type: "heatmap", zmin: -1, zmax: 1, colorscale: "RdBu", reversescale: true }],
        layout: { height: 360 },
      },
    );
  }
  return plotlyHtml({
    title: "RS-3 — synthetic instruments on real data",
    facts: { scenario: "RS-3", policy: String(results.policy), "git revision": String(results.git_revision) },
    notes: ["Inputs: daily *.clean.csv closes, inner join on dates; windows of 63 changes (64 closes). Rows the data policy set aside are listed in results.json (set_aside)."],
    figures,
    appendix: { title: "results.json", json: results },
  });
}
