/**
 * The jump guard's effect in the pacing report (issue 14; docs/optimal-pacing.md, "The jump
 * guard"): for each jump-guard scheme, its ruin probability, drawdown and tail beside those of the
 * scheme it guards (`then`), each with its 95% interval, and the difference guard − then (paired
 * when the run's baseline is the guarded scheme, else unpaired).
 */
import type { PacingDocument } from "../engine/pacing-document.ts";
import type { Figure } from "./plotly-html.ts";
import { distance, formatDistance } from "./benchmark-distance.ts";

const SHOWN = [
  { metric: "ruin_probability", label: "ruin probability" },
  { metric: "max_drawdown_median", label: "max drawdown, median" },
  { metric: "max_drawdown_p95", label: "max drawdown, 95th pct" },
  { metric: "cvar5_terminal_return", label: "CVaR 5% of E_T/E₀ − 1" },
] as const;

/** The guards of a run as [guard, then] name pairs (from its configuration). */
export function guardPairs(doc: PacingDocument): [string, string][] {
  return doc.config.schemes.flatMap((s) => (s.kind === "jump-guard" && doc.schemes[s.then] ? [[s.name, s.then] as [string, string]] : []));
}

/** One figure per run with jump guards (null without): a panel per output, the guarded scheme and its guard side by side. */
export function jumpGuardFigure(doc: PacingDocument): Figure | null {
  const pairs = guardPairs(doc);
  if (pairs.length === 0 || !pairs.every(([g]) => doc.schemes[g].max_drawdown_p95)) return null;
  const data: object[] = [], annotations: object[] = [];
  const w = 1 / SHOWN.length, gap = 0.06;
  SHOWN.forEach(({ metric, label }, i) => {
    const x = pairs.flatMap(([g, t]) => [t, g]);
    const e = x.map((n) => doc.schemes[n][metric]);
    data.push({
      type: "bar", x, y: e.map((v) => v.estimate), xaxis: `x${i + 1}`, yaxis: `y${i + 1}`, showlegend: false,
      marker: { color: x.map((_, j) => (j % 2 ? "#d62728" : "#1f77b4")) },
      error_y: { type: "data", symmetric: false, array: e.map((v) => (v.hi ?? 0) - (v.estimate ?? 0)), arrayminus: e.map((v) => (v.estimate ?? 0) - (v.lo ?? 0)) },
    });
    const diffs = pairs.map(([g, t]) => {
      const d = distance(doc, g, t, metric);
      return `${g} − ${t}:<br>${formatDistance(d)}${d.paired ? " paired" : " unpaired"}`;
    });
    annotations.push({ text: `<b>${label}</b><br><sub>${diffs.join("<br>")}</sub>`, xref: "paper", yref: "paper", x: i * w + (w - gap) / 2, y: 1.02, xanchor: "center", yanchor: "bottom", showarrow: false });
  });
  const layout: Record<string, unknown> = { height: 460, margin: { t: 60 + 32 * pairs.length }, annotations, showlegend: false };
  SHOWN.forEach((_, i) => {
    layout[`xaxis${i + 1}`] = { domain: [i * w, i * w + w - gap], anchor: `y${i + 1}` };
    layout[`yaxis${i + 1}`] = { anchor: `x${i + 1}`, rangemode: "tozero" };
  });
  const paired = pairs.every(([, t]) => doc.paired_differences.baseline === t);
  return {
    id: "jump-guard", title: "The jump guard against the scheme it guards: ruin, drawdown and tail (95% intervals)",
    data, layout,
    caption: "Blue: the guarded scheme; red: the same scheme with the jump guard, which de-risks at once to sign(ℓ)·min(|ℓ|, |L*|) after a return beyond θ·σ̂·√dt. "
      + (paired ? "Differences are paired (the run's baseline is the guarded scheme)." : "Differences are unpaired, so wide: the guard and its scheme differ on few paths; run with \"baseline\" set to the guarded scheme for paired intervals."),
  };
}
