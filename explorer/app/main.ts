/**
 * The live explorer: compiles kernel.wasm in the page, runs a small RS-1 with benchmarks (256
 * paths × 365 daily steps, the rs1-benchmarks preset otherwise: RS-1's six schemes, gp, ac and a
 * jump guard) and redraws the metrics with their intervals each time a pacing control moves. `document.body.dataset.runs` counts completed runs (the
 * browser test waits on it).
 */
import Plotly from "plotly.js-dist-min";
import { rs1BenchmarksScenario as preset } from "../../src/scenario/presets/rs1-benchmarks.ts";
import { METRICS } from "../../src/engine/pacing-results.ts";
import { PARAMETERS, initialValues, applyValues } from "./parameters.ts";
import { runSmall, type SmallRun } from "./run-small.ts";

const PATHS = 256;
const STEPS = 365;
const SHOWN: { metric: (typeof METRICS)[number]; title: string }[] = [
  { metric: "ruin_probability", title: "ruin probability (share of paths)" },
  { metric: "opportunity_cost", title: "opportunity cost (per year)" },
  { metric: "slippage", title: "slippage (share of equity per year)" },
  { metric: "slippage_bps", title: "slippage (bps of traded notional)" },
  { metric: "turnover", title: "turnover (× equity per year)" },
  { metric: "terminal_log_growth_median", title: "median log growth (per year)" },
];

const status = document.getElementById("status")!;
const values = initialValues(preset.schemes as { name: string }[]);
let module: WebAssembly.Module | null = null;
let pending = false;
let runs = 0;

function buildControls(): void {
  const aside = document.getElementById("controls")!;
  const groups = new Map<string, HTMLFieldSetElement>();
  for (const p of PARAMETERS) {
    let fs = groups.get(p.scheme);
    if (!fs) {
      fs = document.createElement("fieldset");
      fs.innerHTML = `<legend>${p.scheme}</legend>`;
      aside.append(fs);
      groups.set(p.scheme, fs);
    }
    const label = document.createElement("label");
    fs.append(label);
    if (p.choices) {
      // a menu of the schemes the jump guard can follow
      label.innerHTML = `<span>${p.label}</span><select id="${p.id}">${p.choices.map((c) => `<option${c === values[p.id] ? " selected" : ""}>${c}</option>`).join("")}</select><output></output>`;
      const select = label.querySelector("select")!;
      select.addEventListener("change", () => { values[p.id] = select.value; schedule(); });
      continue;
    }
    label.innerHTML = `<span>${p.label}</span><input type="range" id="${p.id}" min="${p.min}" max="${p.max}" step="${p.step}" value="${values[p.id]}"><output for="${p.id}">${values[p.id]}</output>`;
    const input = label.querySelector("input")!, output = label.querySelector("output")!;
    input.addEventListener("input", () => {
      values[p.id] = Number(input.value);
      output.textContent = input.value;
      schedule();
    });
  }
  const note = document.createElement("p");
  note.className = "caption";
  note.textContent = `${PATHS} paths × ${STEPS} daily steps, seed ${preset.seed}; the instant and liquidity schemes keep their preset values. gp and ac trade at their optimal rates per regime (docs/optimal-pacing.md); the jump guard de-risks at once after a return beyond θ·σ̂·√dt and otherwise follows its "then" scheme.`;
  aside.append(note);
}

/** Coalesces slider moves: at most one run queued behind the one in progress. */
function schedule(): void {
  if (pending) return;
  pending = true;
  setTimeout(() => { pending = false; rerun(); }, 0);
}

function rerun(): void {
  if (!module) return;
  try {
    const run = runSmall(module, { ...preset, paths: PATHS, horizonSteps: STEPS, schemes: applyValues(preset.schemes, values) });
    draw(run);
    runs++;
    document.body.dataset.runs = String(runs);
    status.textContent = `${PATHS} paths × ${STEPS} steps × ${run.schemeNames.length} schemes in ${run.milliseconds.toFixed(0)} ms (run ${runs})`;
  } catch (e) {
    status.textContent = `error: ${(e as Error).message}`;
    console.error(e);
  }
}

function draw(run: SmallRun): void {
  const names = run.schemeNames;
  const data = SHOWN.map(({ metric }, i) => {
    const est = names.map((n) => run.results.schemes[n][metric].estimate ?? 0);
    return {
      type: "bar", x: names, y: est, xaxis: `x${i + 1}`, yaxis: `y${i + 1}`, showlegend: false, name: metric,
      marker: { color: names.map((_, j) => PALETTE[j % PALETTE.length]) },
      error_y: {
        type: "data", symmetric: false,
        array: names.map((n, j) => (run.results.schemes[n][metric].hi ?? est[j]) - est[j]),
        arrayminus: names.map((n, j) => est[j] - (run.results.schemes[n][metric].lo ?? est[j])),
      },
    };
  });
  const layout = {
    grid: { rows: 2, columns: 3, pattern: "independent" }, margin: { t: 40, b: 40, l: 50, r: 40 },
    annotations: SHOWN.map(({ title }, i) => ({ text: title, xref: `x${i + 1} domain`, yref: `y${i + 1} domain`, x: 0.5, y: 1.12, showarrow: false, font: { size: 12 } })),
  };
  // react() redraws in place: the chart keeps its element, so the page does not jump.
  void Plotly.react("metrics", data, layout, { responsive: true, displayModeBar: false });
}

const PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

async function start(): Promise<void> {
  buildControls();
  try {
    module = await WebAssembly.compileStreaming(fetch("kernel.wasm"));
  } catch (e) {
    status.textContent = `error: kernel.wasm could not be compiled (${(e as Error).message}) — run npm run asbuild, then npm run explore`;
    console.error(e);
    return;
  }
  rerun();
}

void start();
