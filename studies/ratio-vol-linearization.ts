/**
 * Where can the delta method (G3) be trusted? An accuracy map of the (G3) volatility of
 * S = A/B against (1) the exact sd of S for correlated log-normal legs (closed form),
 * (2) the exact log-ratio sd sqrt(Var(ln A − ln B)), and (3) Monte Carlo of the legs
 * (with a 95% interval), over horizon × volatility of A × correlation.
 *
 *   npx tsx studies/ratio-vol-linearization.ts --out out/ratio-vol [--paths 20000] [--seed 1]
 *
 * Model: A_h = exp(−σ_A²h/2 + σ_A√h·Z_A), B_h likewise, corr(Z_A, Z_B) = ρ, A_0 = B_0 = 1 (so
 * the vols are relative). (G3) uses Var(A_h) = e^{σ_A²h} − 1, Var(B_h) = e^{σ_B²h} − 1,
 * Cov = e^{ρσ_Aσ_Bh} − 1 (exact moments of the legs), A, B at their start values.
 * Exact: ln S_h ~ N(m, v), m = (σ_B² − σ_A²)h/2, v = (σ_A² + σ_B² − 2ρσ_Aσ_B)h,
 * sd(S_h) = e^{m + v/2}·sqrt(e^v − 1). domain.md (G3) and the note under §2.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "../src/errors.ts";
import { isMainModule } from "../src/cli/is-main-module.ts";
import { Kernel } from "../src/wasm/kernel.ts";
import { loadKernelModule } from "../src/wasm/load-kernel-module.ts";
import { deltaRatioVariance, logRatioVariance } from "../src/covariance/ratio-variance.ts";
import { PathStream } from "../src/random/path-stream.ts";
import { normalDraw } from "../src/random/normal-draw.ts";
import { zigguratTables } from "../src/random/ziggurat-tables.ts";
import { plotlyHtml } from "../src/report/plotly-html.ts";

export interface LinearizationConfig { out: string; paths: number; seed: number; horizons: number[]; sigmaA: number[]; sigmaB: number; rhos: number[] }

export const DEFAULTS: Omit<LinearizationConfig, "out"> = {
  paths: 20000, seed: 1,
  horizons: [1 / 252, 5 / 252, 21 / 252, 63 / 252, 0.5, 1, 2], // years
  sigmaA: [0.1, 0.2, 0.4, 0.8, 1.2], sigmaB: 0.15, rhos: [-0.5, 0, 0.3, 0.6, 0.9],
};

/** One grid cell. Vols are sd of S_h relative to S_0 = 1. */
export interface Cell {
  h: number; sigmaA: number; rho: number;
  g3: number; exact: number; logRatio: number; mc: { estimate: number; lo: number; hi: number };
  relErrExact: number; relErrLog: number;
}

/** Runs the grid. MC: `paths` draws per cell, stream (seed, cell, path) of the project RNG. */
export function runGrid(cfg: LinearizationConfig): Cell[] {
  const kernel = new Kernel(loadKernelModule()), tables = zigguratTables(), rng = new PathStream();
  const cells: Cell[] = [];
  let cellIndex = 0;
  for (const rho of cfg.rhos) for (const sA of cfg.sigmaA) for (const h of cfg.horizons) {
    kernel.reset();
    const sB = cfg.sigmaB;
    const cov = [Math.expm1(sA * sA * h), Math.expm1(rho * sA * sB * h), Math.expm1(rho * sA * sB * h), Math.expm1(sB * sB * h)];
    const g3 = Math.sqrt(deltaRatioVariance(kernel, cov, 2, [1, 0], [0, 1], 1, 1).variance);
    const v = logRatioVariance(kernel, [sA * sA * h, rho * sA * sB * h, rho * sA * sB * h, sB * sB * h], 2, [1, 0], [0, 1]);
    const m = ((sB * sB - sA * sA) * h) / 2;
    const exact = Math.exp(m + v / 2) * Math.sqrt(Math.expm1(v));
    // Monte Carlo: sample sd of S_h with a delta-method 95% interval from the 4th moment.
    let s1 = 0, s2 = 0;
    const xs = new Float64Array(cfg.paths);
    for (let p = 0; p < cfg.paths; p++) {
      rng.seed(cfg.seed, cellIndex, p);
      const z1 = normalDraw(rng, tables), z2 = rho * z1 + Math.sqrt(1 - rho * rho) * normalDraw(rng, tables);
      const S = Math.exp(-sA * sA * h / 2 + sA * Math.sqrt(h) * z1) / Math.exp(-sB * sB * h / 2 + sB * Math.sqrt(h) * z2);
      xs[p] = S; s1 += S;
    }
    const mean = s1 / cfg.paths;
    let m4 = 0;
    for (const x of xs) { const d = (x - mean) ** 2; s2 += d; m4 += d * d; }
    const varS = s2 / (cfg.paths - 1), sd = Math.sqrt(varS);
    const seVar = Math.sqrt(Math.max(0, m4 / cfg.paths - varS * varS) / cfg.paths);
    const seSd = seVar / (2 * sd);
    cells.push({ h, sigmaA: sA, rho, g3, exact, logRatio: Math.sqrt(v), mc: { estimate: sd, lo: sd - 1.96 * seSd, hi: sd + 1.96 * seSd }, relErrExact: g3 / exact - 1, relErrLog: g3 / Math.sqrt(v) - 1 });
    cellIndex++;
  }
  return cells;
}

const HELP = `ratio-vol-linearization: accuracy map of the delta method (G3)

usage: npx tsx studies/ratio-vol-linearization.ts --out OUT [--paths N] [--seed S]
  --out OUT    folder for results.json, cells.csv, report.html
  --paths N    Monte Carlo draws per cell (default ${DEFAULTS.paths})
  --seed S     seed (default ${DEFAULTS.seed})`;

/** Parses the command line. @throws UsageError on unknown or bad options */
export function parseArgs(argv: string[]): LinearizationConfig | null {
  const cfg: LinearizationConfig = { out: "", ...DEFAULTS };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i], v = argv[i + 1];
    if (a === "--help" || a === "-h") return null;
    if (a === "--out" && v) { cfg.out = v; i++; }
    else if ((a === "--paths" || a === "--seed") && v) {
      const x = Number(v);
      if (!Number.isInteger(x) || x < (a === "--paths" ? 100 : 0)) throw new UsageError(`${a}: must be an integer${a === "--paths" ? " ≥ 100" : " ≥ 0"}; got ${JSON.stringify(v)} — see --help`);
      if (a === "--paths") cfg.paths = x; else cfg.seed = x;
      i++;
    } else throw new UsageError(`${a}: unknown option or missing value — see --help`);
  }
  if (!cfg.out) throw new UsageError("--out: required — pass e.g. --out out/ratio-vol");
  return cfg;
}

/** Runs the study and writes its outputs. */
export function run(cfg: LinearizationConfig): Cell[] {
  const cells = runGrid(cfg);
  mkdirSync(cfg.out, { recursive: true });
  writeFileSync(join(cfg.out, "results.json"), JSON.stringify({ study: "ratio-vol-linearization", seed: cfg.seed, paths: cfg.paths, config: cfg, units: "sd of S_h / S_0; h in years; sigma annual", cells }, null, 2) + "\n");
  writeFileSync(join(cfg.out, "cells.csv"), "h_years,sigma_a,sigma_b,rho,g3,exact,log_ratio,mc,mc_lo,mc_hi,rel_err_exact,rel_err_log\n" +
    cells.map((c) => [c.h, c.sigmaA, cfg.sigmaB, c.rho, c.g3, c.exact, c.logRatio, c.mc.estimate, c.mc.lo, c.mc.hi, c.relErrExact, c.relErrLog].join(",")).join("\n") + "\n");
  const hLabels = cfg.horizons.map((h) => (h < 1 ? `${Math.round(h * 252)}d` : `${h}y`));
  writeFileSync(join(cfg.out, "report.html"), plotlyHtml({
    title: "Delta-method (G3) ratio volatility: accuracy map",
    facts: { seed: cfg.seed, "MC paths per cell": cfg.paths, "σ_B (annual)": cfg.sigmaB },
    notes: ["Colour: relative error of the (G3) sd of S = A/B against the exact sd of correlated log-normal legs (|error| in %, log colour scale clipped). Monte Carlo intervals are in results.json / cells.csv."],
    figures: cfg.rhos.map((rho) => ({
      id: `rho${rho}`, title: `ρ = ${rho}: (G3)/exact − 1, in %`,
      data: [{ type: "heatmap", x: hLabels, y: cfg.sigmaA.map(String), z: cfg.sigmaA.map((sA) => cfg.horizons.map((h) => 100 * cells.find((c) => c.rho === rho && c.sigmaA === sA && c.h === h)!.relErrExact)), colorscale: "RdBu", zmid: 0, zmin: -50, zmax: 50 }],
      layout: { xaxis: { title: "horizon" }, yaxis: { title: "σ_A (annual)" }, height: 380 },
    })),
  }));
  return cells;
}

/** CLI entry point. */
export function main(argv = process.argv.slice(2)): void {
  try {
    const cfg = parseArgs(argv);
    if (!cfg) { console.log(HELP); return; }
    const cells = run(cfg);
    const within = (tol: number) => cells.filter((c) => Math.abs(c.relErrExact) <= tol).length;
    console.log(`${cells.length} cells: |(G3)/exact − 1| ≤ 1% in ${within(0.01)}, ≤ 5% in ${within(0.05)}, ≤ 10% in ${within(0.1)}; wrote ${cfg.out}`);
  } catch (e) {
    if (e instanceof UsageError) { console.error(e.message); process.exit(2); }
    throw e;
  }
}

if (isMainModule(import.meta.url)) main();
