/**
 * Benchmark of the fused pacing simulation on RS-1 (reference-scenarios.md): WASM on one
 * worker, WASM on all workers, and the plain TypeScript twin, in the same run.
 *
 *   npx tsx bench/pacing.bench.ts [--paths 10000] [--twin-paths 1000] [--reps 5] [--memory]
 *
 * Prints ns per path-step (one path advanced one step with all six schemes), the nominal
 * GFLOP/s (FLOPS_PER_PATH_STEP below: floating-point operations of one RS-1 step as written
 * in the kernel, counting each +, −, ×, ÷, √, min, max, abs as one and expm1 as 29; single-precision flops), and the
 * ratio to the twin. Reports warm medians and the best run (on a shared machine, the least
 * disturbed one); each timed run checks its result (ruin counts). The WASM rows run with the
 * path-risk metrics (drawdown, time under water) on and off, interleaved run by run so the
 * machine's slow stretches fall on both alike; their ratio is the metrics' cost per path-step.
 * --memory instead runs 100,000 and 1,000,000 paths on a short horizon and prints the growth of
 * live memory (npm run bench:memory adds --expose-gc for exact figures).
 */
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { rs1Scenario } from "../src/scenario/presets/rs1.ts";
import { validateScenario } from "../src/scenario/validate-scenario.ts";
import { runPacing } from "../src/engine/run-pacing.ts";
import type { Engine } from "../src/engine/pacing-block.ts";
import { PER_PATH } from "../src/engine/block-summary.ts";

const FLOPS_PER_PATH_STEP = 60 + 29 + 6 * (32 + 7); // market and target, expm1 (single precision), six schemes, each with GP's objective (7)

const { values } = parseArgs({ options: {
  paths: { type: "string", default: "10000" }, "twin-paths": { type: "string", default: "1000" },
  reps: { type: "string", default: "5" }, memory: { type: "boolean", default: false },
} });

/**
 * Times each configuration `reps` warm runs, the configurations interleaved run by run (one warm-up
 * round first). With `cpu`, the process's CPU seconds (user + system) instead of the wall clock:
 * for runs in this thread only, it leaves out the time the machine gave to other processes.
 */
async function timeRuns(configs: { engine: Engine; workers: number; pathRisk: boolean }[], paths: number, reps: number, cpu = false) {
  const scenario = validateScenario({ ...rs1Scenario, paths });
  const seconds: number[][] = configs.map(() => []);
  for (let i = 0; i <= reps; i++) {
    for (const [k, c] of configs.entries()) {
      const before = process.cpuUsage();
      const run = await runPacing(scenario, c);
      const used = process.cpuUsage(before);
      const ruined = run.blocks.reduce((a, b) => a + b.schemes[0].ruined, 0);
      if (!(ruined > 0 && ruined < paths)) throw new Error(`benchmark result check failed: ${ruined} ruined paths`);
      // the first round warms up (JIT, workers)
      if (i > 0) seconds[k].push(cpu ? (used.user + used.system) / 1e6 : run.timing.simulation_seconds);
    }
  }
  const pathSteps = paths * scenario.horizonSteps;
  return seconds.map((inOrder) => {
    const s = [...inOrder].sort((a, b) => a - b);
    const median = s[Math.floor(s.length / 2)], best = s[0];
    return { median, best, runs: inOrder, nsPerPathStep: (median * 1e9) / pathSteps, bestNs: (best * 1e9) / pathSteps, gflops: (FLOPS_PER_PATH_STEP * pathSteps) / median / 1e9 };
  });
}

async function timeRun(engine: Engine, workers: number, paths: number, reps: number, pathRisk = true) {
  return (await timeRuns([{ engine, workers, pathRisk }], paths, reps))[0];
}

async function main() {
  const reps = Number(values.reps), paths = Number(values.paths), twinPaths = Number(values["twin-paths"]);
  const cores = availableParallelism();
  if (values.memory) return memory();
  console.log(`RS-1: 6 schemes × 1825 steps; ${cores} cores; warm median and best of ${reps} runs each`);
  const [one, oneOff] = await timeRuns([{ engine: "wasm", workers: 1, pathRisk: true }, { engine: "wasm", workers: 1, pathRisk: false }], paths, reps);
  const [all, allOff] = await timeRuns([{ engine: "wasm", workers: cores, pathRisk: true }, { engine: "wasm", workers: cores, pathRisk: false }], paths, reps);
  const rows = [
    { name: "TS twin, 1 thread", ...(await timeRun("reference", 1, twinPaths, reps)), paths: twinPaths },
    { name: "WASM, 1 worker", ...one, paths },
    { name: `WASM, ${cores} workers`, ...all, paths },
    { name: "WASM, 1, risk off", ...oneOff, paths },
    { name: `WASM, ${cores}, risk off`, ...allOff, paths },
  ];
  const twin = rows[0].nsPerPathStep;
  console.log("engine".padEnd(20), "paths".padStart(7), "sim s".padStart(8), "best s".padStart(8), "ns/path-step".padStart(13), "GFLOP/s".padStart(8), "vs twin".padStart(8));
  for (const r of rows) {
    console.log(r.name.padEnd(20), String(r.paths).padStart(7), r.median.toFixed(3).padStart(8), r.best.toFixed(3).padStart(8), r.nsPerPathStep.toFixed(1).padStart(13),
      r.gflops.toFixed(2).padStart(8), `${(twin / r.nsPerPathStep).toFixed(1)}×`.padStart(8));
  }
  const full = rows[2], toFull = 10000 / full.paths;
  console.log(`full RS-1 (10,000 paths) on ${cores} workers: ${(full.median * toFull).toFixed(2)} s of simulation (median), ${(full.best * toFull).toFixed(2)} s (best run)`);
  for (const [label, on, off] of [["1 worker", one, oneOff], [`${cores} workers`, all, allOff]] as const) {
    console.log(`path-risk metrics on vs off, ${label}: ${on.nsPerPathStep.toFixed(1)} vs ${off.nsPerPathStep.toFixed(1)} ns/path-step (median, ${((on.nsPerPathStep / off.nsPerPathStep - 1) * 100).toFixed(1)}%), `
      + `${on.bestNs.toFixed(1)} vs ${off.bestNs.toFixed(1)} (best, ${((on.bestNs / off.bestNs - 1) * 100).toFixed(1)}%)`);
  }
  // On a busy machine the wall clock cannot resolve a 10% difference; CPU time of runs in this thread,
  // on and off alternating, can: compared by the best of each and the median ratio of neighbouring runs.
  const shortReps = 8 * reps + 1, shortPaths = 1024;
  const [shortOn, shortOff] = await timeRuns([{ engine: "wasm", workers: 1, pathRisk: true }, { engine: "wasm", workers: 1, pathRisk: false }], shortPaths, shortReps, true);
  const ratios = shortOn.runs.map((x, i) => x / shortOff.runs[i]).sort((a, b) => a - b);
  const pct = (r: number) => `${((r - 1) * 100).toFixed(1)}%`;
  console.log(`path-risk metrics on vs off, CPU time, 1 worker, ${shortPaths} paths, ${shortReps} alternating runs each: best ${shortOn.bestNs.toFixed(1)} vs ${shortOff.bestNs.toFixed(1)} ns/path-step `
    + `(${pct(shortOn.bestNs / shortOff.bestNs)}), median ${shortOn.nsPerPathStep.toFixed(1)} vs ${shortOff.nsPerPathStep.toFixed(1)} (${pct(shortOn.nsPerPathStep / shortOff.nsPerPathStep)}), `
    + `median ratio of neighbouring runs ${pct(ratios[Math.floor(ratios.length / 2)])} (quartiles ${pct(ratios[Math.floor(ratios.length / 4)])} … ${pct(ratios[Math.floor((3 * ratios.length) / 4)])})`);
}

async function memory() {
  {
    // Memory must not grow with the path count beyond the per-path values the quantiles need
    // (PER_PATH: three f64 per path per scheme): live heap and buffers after a full GC, with
    // the run's result held, at 100k and 1M paths. Needs --expose-gc (npm run bench:memory).
    const gc = (globalThis as { gc?: () => void }).gc;
    if (!gc) console.log("memory: run with node --expose-gc (npm run bench:memory) for exact figures");
    const live = () => { gc?.(); const m = process.memoryUsage(); return m.heapUsed + m.arrayBuffers; };
    await runPacing(validateScenario({ ...rs1Scenario, paths: 2048, horizonSteps: 20 }), { workers: 1 }); // load code, warm up
    for (const n of [100_000, 1_000_000]) {
      const scenario = validateScenario({ ...rs1Scenario, paths: n, horizonSteps: 20 });
      const before = live();
      // one thread: buffers transferred from worker threads escape process.memoryUsage()'s accounting
      const run = await runPacing(scenario, { workers: 1 });
      const grown = live() - before;
      const floor = n * run.job.nSchemes * 8 * PER_PATH.length;
      console.log(`memory: ${n} paths → live heap + buffers grew ${(grown / 2 ** 20).toFixed(1)} MiB; the per-path values (${PER_PATH.join(", ")}) are ${(floor / 2 ** 20).toFixed(1)} MiB of it; `
        + `the rest ${((grown - floor) / 2 ** 20).toFixed(1)} MiB (blocks folded as they arrive: ${run.blocks.length} summary kept)`);
    }
  }
}

main().catch((e) => { console.error(`error: ${e.message}`); process.exitCode = 1; });
