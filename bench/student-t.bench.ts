/**
 * Benchmark of Student-t innovations in the pacing kernel (assembly/pacing/student-lanes.ts): RS-1
 * (reference-scenarios.md) with normal innovations against RS-1 with t innovations (ν 4 calm,
 * 3 stressed), on the WASM kernel (one thread) and on its TypeScript twin, in the same run.
 *
 *   npx tsx bench/student-t.bench.ts [--paths 4096] [--twin-paths 256] [--reps 5]
 *
 * Each configuration runs in this thread, the four interleaved run by run after a warm-up round,
 * and is timed by the process's CPU seconds (user + system), which leave out the time a shared
 * machine gives to other processes. Prints median and best ns per path-step (one path advanced
 * one step with all six schemes), the t's cost relative to normal, and the ratio to the twin.
 * Each timed run checks its result (some paths ruined, some not).
 */
import { parseArgs } from "node:util";
import { rs1Scenario } from "../src/scenario/presets/rs1.ts";
import { validateScenario } from "../src/scenario/validate-scenario.ts";
import { runPacing } from "../src/engine/run-pacing.ts";
import type { Engine } from "../src/engine/pacing-block.ts";

const { values } = parseArgs({ options: {
  paths: { type: "string", default: "4096" }, "twin-paths": { type: "string", default: "256" }, reps: { type: "string", default: "5" },
} });

const T_INNOVATIONS = { kind: "student-t", nu: [4, 3] } as const;

async function main() {
  const reps = Number(values.reps), paths = Number(values.paths), twinPaths = Number(values["twin-paths"]);
  const configs = (["wasm", "reference"] as Engine[]).flatMap((engine) => [false, true].map((t) => ({
    engine, t, name: `${engine === "wasm" ? "WASM, 1 thread" : "TS twin, 1 thread"}, ${t ? "Student-t" : "normal"}`,
    scenario: validateScenario({ ...rs1Scenario, paths: engine === "wasm" ? paths : twinPaths, market: { ...rs1Scenario.market, ...(t ? { innovations: T_INNOVATIONS } : {}) } }),
  })));
  console.log(`RS-1: 6 schemes × ${rs1Scenario.horizonSteps} steps; normal vs Student-t innovations (ν ${T_INNOVATIONS.nu.join(", ")}); CPU seconds, warm median and best of ${reps} interleaved runs`);
  const ns: number[][] = configs.map(() => []);
  for (let i = 0; i <= reps; i++) {
    for (const [k, c] of configs.entries()) {
      const before = process.cpuUsage();
      const run = await runPacing(c.scenario, { engine: c.engine, workers: 1 });
      const used = process.cpuUsage(before);
      const ruined = run.blocks.reduce((a, b) => a + b.schemes[0].ruined, 0);
      if (!(ruined > 0 && ruined < c.scenario.paths)) throw new Error(`benchmark result check failed: ${ruined} ruined paths`);
      if (i > 0) ns[k].push(((used.user + used.system) * 1e3) / (c.scenario.paths * c.scenario.horizonSteps));
    }
  }
  const stats = ns.map((runs) => { const s = [...runs].sort((a, b) => a - b); return { median: s[Math.floor(s.length / 2)], best: s[0] }; });
  console.log("engine".padEnd(32), "paths".padStart(6), "ns/path-step median".padStart(20), "best".padStart(8), "vs normal".padStart(10), "vs twin".padStart(8));
  configs.forEach((c, k) => {
    const normal = stats[k - (c.t ? 1 : 0)], twin = stats[c.engine === "wasm" ? k + 2 : k];
    console.log(c.name.padEnd(32), String(c.scenario.paths).padStart(6), stats[k].median.toFixed(1).padStart(20), stats[k].best.toFixed(1).padStart(8),
      `${((stats[k].median / normal.median - 1) * 100).toFixed(1)}%`.padStart(10), `${(twin.median / stats[k].median).toFixed(1)}×`.padStart(8));
  });
}

main().catch((e) => { console.error(`error: ${e.message}`); process.exitCode = 1; });
