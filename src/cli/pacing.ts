#!/usr/bin/env node
/**
 * `pacing <command> [flags]` — the toolkit's one command-line tool (package.json `bin`).
 * The commands are data (commands.ts); this only picks one, loads it and runs it in the
 * shell every command shares (run-cli.ts: one-line errors, exit status 2 for bad input).
 * Built, it first checks that dist/ is as new as its sources (build-stamp.ts).
 *
 *   pacing --help                 the list of commands
 *   pacing <command> --help       that command's flags
 */
import { COMMANDS, findCommand, type Subcommand } from "./commands.ts";
import { cachedHelp, helpOf } from "./help-cache.ts";
import { runCli } from "./run-cli.ts";
import { assertBuildCurrent, RUNNING_BUILT } from "./build-stamp.ts";
import { UsageError } from "../errors.ts";
import { isMainModule } from "./is-main-module.ts";

/** `pacing --help`: usage and one line per command. */
export function commandList(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 3;
  return `Usage: pacing <command> [options]

Leverage pacing toolkit: Monte Carlo of leverage pacing schemes, calibration per market,
synthetic ratio instruments. \`pacing <command> --help\` shows a command's options.

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`).join("\n")}
`;
}

/** A usage error's message names a flag or argument the command does not know. */
const UNKNOWN_INPUT = /unknown option|unexpected argument/i;

/** The argument list asks for help. */
const wantsHelp = (argv: readonly string[]) => argv.includes("--help") || argv.includes("-h");

/**
 * Runs `pacing` with `argv` (without node and script).
 * @returns the command that ran (none for a help text)
 * @throws UsageError for no command, an unknown command, or the command's own usage errors
 */
export async function main(argv: string[]): Promise<Subcommand | undefined> {
  assertBuildCurrent();
  const [name, ...rest] = argv;
  if (name === "--help" || name === "-h" || name === "help") { process.stdout.write(commandList()); return undefined; }
  const command = name === undefined ? undefined : findCommand(name);
  if (!command) {
    process.stderr.write(commandList() + "\n");
    throw new UsageError(name === undefined ? "pacing: no command given — pick one of the commands above" : `pacing: unknown command ${JSON.stringify(name)} — pick one of the commands above`);
  }
  const cached = wantsHelp(rest) ? cachedHelp(command.name) : undefined;
  if (cached !== undefined) { process.stdout.write(cached); return undefined; }
  if (command.help && wantsHelp(rest)) { process.stdout.write(command.help); return undefined; }
  const commandMain = await command.load();
  try {
    await commandMain(rest);
    return command;
  } catch (error) {
    if (error instanceof UsageError && UNKNOWN_INPUT.test(error.message)) {
      process.stderr.write(`\n${cachedHelp(command.name) ?? (await helpOf(command))}`);
      throw new UsageError(`${error.message.replace(/ — see .*$/, "")} — see the options above`);
    }
    throw error;
  }
}

if (RUNNING_BUILT || isMainModule(import.meta.url)) {
  runCli(async () => {
    const ran = await main(process.argv.slice(2));
    if (ran?.exitsWhenDone) process.exit(); // with process.exitCode; stdout and stderr are written synchronously on Linux and macOS
  });
}
