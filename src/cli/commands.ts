/**
 * The subcommands of `pacing`, as data: one line per command (name, one-line summary, and
 * how to load its `main(argv)`). The dispatcher (pacing.ts) lists them for --help and loads
 * only the one asked for, so start-up does not pay for the others. A new study is one more
 * line here, e.g.
 *   { name: "strategy-pacing", summary: "…", load: () => import("../../studies/strategy-pacing.ts").then((m) => m.main) },
 */

/** A command's entry point: argv without node, script and subcommand. */
export type CommandMain = (argv: string[]) => unknown;

/** One subcommand of `pacing`. */
export interface Subcommand {
  name: string;
  /** one line for `pacing --help` */
  summary: string;
  /** imports the command's module and returns its main */
  load: () => Promise<CommandMain>;
  /** the --help text, for commands whose module cannot print its own (bench) */
  help?: string;
  /**
   * the command's work is over when its main returns (no server or queue left running), so the
   * process exits then instead of waiting for Node to tear down its threads and heap (≈ 15 ms
   * after a full RS-1 run)
   */
  exitsWhenDone?: true;
}

/** The bench's help (bench/pacing.bench.ts parses its own flags when imported). */
const BENCH_HELP = `Usage: pacing bench [options]

RS-1 benchmark: the WASM engine on one worker and on all workers against the plain
TypeScript twin, in the same run; warm medians and the best run, ns per path-step.

Options:
  --paths N         paths of the WASM runs (default 10000)
  --twin-paths N    paths of the twin's runs (default 1000)
  --reps N          timed runs per engine (default 5)
  --memory          instead: live-memory growth at 100,000 and 1,000,000 paths
  --help            show this help
`;

/** Every subcommand, in the order `pacing --help` lists them. */
export const COMMANDS: readonly Subcommand[] = [
  { name: "run", summary: "run a pacing scenario by Monte Carlo: the RS-1 preset or a scenario JSON file", load: () => import("./run-command.ts").then((m) => m.main), exitsWhenDone: true },
  { name: "calibrate", summary: "calibrate the pacing parameters of one market from a price file", load: () => import("../../scripts/calibrate.ts").then((m) => m.main) },
  { name: "report", summary: "rebuild every HTML report (and an index) from existing results.json", load: () => import("../../scripts/report.ts").then((m) => m.main) },
  { name: "explore", summary: "serve the live explorer (re-runs a small RS-1 in the browser)", load: () => import("../../scripts/explore.ts").then((m) => m.main) },
  { name: "merge", summary: "merge --shard i/N outputs into one result", load: () => import("../../scripts/merge.ts").then((m) => m.main) },
  { name: "queue", summary: "run a study's shards on a BullMQ queue over Redis", load: () => import("../../scripts/queue.ts").then((m) => m.main) },
  { name: "worker", summary: "process shard jobs from the queue until stopped", load: () => import("../../scripts/worker.ts").then((m) => m.main) },
  { name: "bench", summary: "RS-1 benchmark: WASM (1 and all workers) against the TypeScript twin", load: () => import("./bench-command.ts").then((m) => m.main), help: BENCH_HELP },
  { name: "schema", summary: "print the JSON Schema of a pacing scenario", load: () => import("../../scripts/print-schema.ts").then((m) => m.main) },
  { name: "strategy", summary: "study: RS-1's market and book with a vol-targeting, trend-following or signal book as the target", load: () => import("../../studies/strategy-pacing.ts").then((m) => m.main) },
  { name: "rs3", summary: "study RS-3: synthetic ratio instruments on real data", load: () => import("../../studies/rs3-synthetic-real-data.ts").then((m) => m.main) },
  { name: "instrument", summary: "study: any synthetic instrument from its file — sized, capped, rebalanced, pyramided, paced", load: () => import("../../studies/synthetic-instrument.ts").then((m) => m.main) },
  { name: "ratio-vol", summary: "study: where the delta-method ratio volatility (G3) can be trusted", load: () => import("../../studies/ratio-vol-linearization.ts").then((m) => m.main) },
  { name: "calibrate-markets", summary: "study: per-market calibration of the pacing parameters, nine markets compared", load: () => import("../../studies/calibrate-markets.ts").then((m) => m.main) },
];

/** The subcommand called `name`, or undefined. */
export function findCommand(name: string): Subcommand | undefined {
  return COMMANDS.find((c) => c.name === name);
}
