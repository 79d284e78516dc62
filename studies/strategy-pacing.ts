/**
 * Study — pacing a user's strategy on RS-1's thin crypto book: a vol-targeting book, a trend
 * follower, or RS-1's oracle signal as the target, the six pacing schemes on common random numbers.
 *
 *   npx tsx studies/strategy-pacing.ts --out out/strategy-vol --strategy vol-target|trend|signal
 *        [--paths N] [--steps T] [--seed S] [--workers W] [--config scenario.json] [--shard i/N] [--quiet]
 *
 * Every flag of the RS-1 study (studies/rs1-pacing-thin-book.ts) works the same; --strategy picks
 * the preset (src/scenario/presets/strategy-pacing.ts), which --config replaces whole. Writes
 * DIR/results.json, DIR/results.csv and DIR/report.html.
 */
import { command as rs1Command, main as runStudy } from "./rs1-pacing-thin-book.ts";
import { strategyScenario, STRATEGIES, type Strategy } from "../src/scenario/presets/strategy-pacing.ts";
import { parseFlags, runCli } from "../src/cli/run-cli.ts";
import { UsageError } from "../src/errors.ts";
import { isMainModule } from "../src/cli/is-main-module.ts";

const command = {
  ...rs1Command,
  name: "strategy-pacing",
  usage: "Usage: npx tsx studies/strategy-pacing.ts --out DIR --strategy vol-target|trend|signal [options]\n\nRuns RS-1's market and thin book with a strategy's own target (volatility targeting, trend following,\nor RS-1's signal) under the six pacing schemes, and writes DIR/results.json, DIR/results.csv and DIR/report.html.",
  flags: { ...rs1Command.flags, strategy: { type: "string" } },
  help: { ...rs1Command.help, strategy: `the target: ${STRATEGIES.join(", ")} (default vol-target); --config replaces the whole preset` },
} as const;

export async function main(argv = process.argv.slice(2)): Promise<void> {
  const { values } = parseFlags(command, argv);
  const strategy = (values.strategy ?? "vol-target") as Strategy;
  if (!STRATEGIES.includes(strategy)) throw new UsageError(`--strategy: must be one of ${STRATEGIES.join(", ")}; got ${JSON.stringify(values.strategy)}`);
  await runStudy(argv, strategyScenario(strategy), command);
}

if (isMainModule(import.meta.url)) runCli(main);
