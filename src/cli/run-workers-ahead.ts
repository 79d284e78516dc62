/**
 * How many pacing workers `pacing run` can start before it has even loaded the study: the
 * run's worker pool will take them (src/engine/worker-pool.ts, prestartWorkers), so their
 * start-up overlaps loading the study's modules, validating the scenario and compiling the
 * kernel instead of following them.
 *
 * Read from the raw flags without validating them (the study does that, and refuses bad
 * ones): a value that does not read as a plain integer means "start none". For a preset the
 * count is what runPacing will use, min(workers, blocks); for a scenario file, whose path count
 * is not known yet, it is the worker count.
 */
import { availableParallelism } from "node:os";
import { rs1Scenario } from "../scenario/presets/rs1.ts";
import { DEFAULT_BLOCK_PATHS } from "../engine/block-plan.ts";

/** The value of `--name V` or `--name=V` in argv (the last one; "" when nothing follows), or undefined. */
function flagValue(argv: readonly string[], name: string): string | undefined {
  let value: string | undefined;
  argv.forEach((a, i) => {
    if (a === `--${name}`) value = argv[i + 1] ?? "";
    else if (a.startsWith(`--${name}=`)) value = a.slice(name.length + 3);
  });
  return value;
}

/** A positive decimal integer flag, its default when absent, NaN when it does not read as one. */
function countFlag(argv: readonly string[], name: string, fallback: number): number {
  const v = flagValue(argv, name);
  if (v === undefined) return fallback;
  return /^[1-9]\d{0,8}$/.test(v) ? Number(v) : NaN;
}

/**
 * Workers to start ahead for `pacing run` with these arguments (after `run`; a first argument
 * not starting with "-" names a preset, else a scenario file): 0 for --help, --shard (a slice
 * of the blocks), a single worker or block (the run stays in its own thread), or flags that
 * do not read as counts.
 * @param presets the preset names (the rs1 preset's path count is used for any of them)
 * @param cores   the default worker count (availableParallelism, as runPacing's)
 */
export function runWorkersAhead(argv: readonly string[], presets: readonly string[], cores = availableParallelism()): number {
  if (argv.includes("--help") || argv.includes("-h") || flagValue(argv, "shard") !== undefined) return 0;
  const workers = countFlag(argv, "workers", cores);
  const block = countFlag(argv, "block", DEFAULT_BLOCK_PATHS);
  const fromFile = (argv[0] !== undefined && !argv[0].startsWith("-") && !presets.includes(argv[0])) || flagValue(argv, "config") !== undefined;
  const paths = countFlag(argv, "paths", fromFile ? Infinity : rs1Scenario.paths);
  if (!(workers >= 2 && workers <= 256) || !(block >= 1) || !(paths >= 1)) return 0;
  const blocks = Math.ceil(paths / block);
  return blocks >= 2 ? Math.min(workers, blocks) : 0;
}
