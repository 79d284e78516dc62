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
 * disturbed one); each timed run checks its result (ruin counts).
 * --memory instead runs 100,000 and 1,000,000 paths on a short horizon and prints the growth of
 * live memory (npm run bench:memory adds --expose-gc for exact figures).
 */
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { rs1Scenario } from "../src/scenario/presets/rs1.ts";
import { validateScenario } from "../src/scenario/validate-scenario.ts";
import { runPacing } from "../src/engine/run-pacing.ts";
import type { Engine } from "../src/engine/pacing-block.ts";

const FLOPS_PER_PATH_STEP = 60 + 29 + 6 * 32; // market and target, expm1 (single precision), six schemes

const { values } = parseArgs({ options: {
  paths: { type: "string", default: "10000" }, "twin-paths": { type: "string", default: "1000" },
  reps: { type: "string", default: "5" }, memory: { type: "boolean", default: false },
} });

async function timeRun(engine: Engine, workers: number, paths: number, reps: number) {
  const scenario = validateScenario({ ...rs1Scenario, paths });
  const seconds: number[] = [];
  for (let i = 0; i <= reps; i++) {
    const run = await runPacing(scenario, { engine, workers });
    const ruined = run.blocks.reduce((a, b) => a + b.schemes[0].ruined, 0);
    if (!(ruined > 0 && ruined < paths)) throw new Error(`benchmark result check failed: ${ruined} ruined paths`);
    if (i > 0) seconds.push(run.timing.simulation_seconds); // the first run warms up (JIT, workers)
  }
  seconds.sort((a, b) => a - b);
  const median = seconds[Math.floor(seconds.length / 2)], best = seconds[0];
  const pathSteps = paths * scenario.horizonSteps;
  return { median, best, nsPerPathStep: (median * 1e9) / pathSteps, gflops: (FLOPS_PER_PATH_STEP * pathSteps) / median / 1e9 };
}

async function main() {
  const reps = Number(values.reps), paths = Number(values.paths), twinPaths = Number(values["twin-paths"]);
  const cores = availableParallelism();
  if (values.memory) return memory();
  console.log(`RS-1: 6 schemes × 1825 steps; ${cores} cores; warm median and best of ${reps} runs each`);
  const rows = [
    { name: "TS twin, 1 thread", ...(await timeRun("reference", 1, twinPaths, reps)), paths: twinPaths },
    { name: "WASM, 1 worker", ...(await timeRun("wasm", 1, paths, reps)), paths },
    { name: `WASM, ${cores} workers`, ...(await timeRun("wasm", cores, paths, reps)), paths },
  ];
  const twin = rows[0].nsPerPathStep;
  console.log("engine".padEnd(20), "paths".padStart(7), "sim s".padStart(8), "best s".padStart(8), "ns/path-step".padStart(13), "GFLOP/s".padStart(8), "vs twin".padStart(8));
  for (const r of rows) {
    console.log(r.name.padEnd(20), String(r.paths).padStart(7), r.median.toFixed(3).padStart(8), r.best.toFixed(3).padStart(8), r.nsPerPathStep.toFixed(1).padStart(13),
      r.gflops.toFixed(2).padStart(8), `${(twin / r.nsPerPathStep).toFixed(1)}×`.padStart(8));
  }
  const full = rows[2], toFull = 10000 / full.paths;
  console.log(`full RS-1 (10,000 paths) on ${cores} workers: ${(full.median * toFull).toFixed(2)} s of simulation (median), ${(full.best * toFull).toFixed(2)} s (best run)`);

}

async function memory() {
  {
    // Memory must not grow with the path count beyond the per-path terminal log growths the
    // median needs (one f64 per path per scheme): live heap and buffers after a full GC, with
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
      const floor = n * run.job.nSchemes * 8;
      console.log(`memory: ${n} paths → live heap + buffers grew ${(grown / 2 ** 20).toFixed(1)} MiB; the per-path log growths are ${(floor / 2 ** 20).toFixed(1)} MiB of it; `
        + `the rest ${((grown - floor) / 2 ** 20).toFixed(1)} MiB (blocks folded as they arrive: ${run.blocks.length} summary kept)`);
    }
  }
}

main().catch((e) => { console.error(`error: ${e.message}`); process.exitCode = 1; });
