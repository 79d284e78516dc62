/**
 * The shell every command runs in: parses flags with node:util's parseArgs, prints --help,
 * and turns errors into one readable line on stderr — exit status 2 for bad input (no stack
 * trace), 1 for anything else (stack only with DEBUG=1).
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "../errors.ts";

export type FlagSpec = NonNullable<ParseArgsConfig["options"]>;

export interface CommandSpec<F extends FlagSpec> {
  name: string;
  usage: string;
  flags: F;
  /** one line per flag, shown by --help */
  help: Record<keyof F & string, string>;
}

/** Parses argv (without node and script) or throws UsageError naming the bad flag. */
export function parseFlags<F extends FlagSpec>(spec: CommandSpec<F>, argv: string[]) {
  try {
    return parseArgs({ args: argv, options: { ...spec.flags, help: { type: "boolean", short: "h" } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${spec.name}: ${(error as Error).message.replace(/\. To specify.*$/s, "")} — see --help`);
  }
}

/** The --help text. */
export function helpText<F extends FlagSpec>(spec: CommandSpec<F>): string {
  const width = Math.max(...Object.keys(spec.help).map((k) => k.length)) + 4;
  const lines = Object.entries(spec.help).map(([k, v]) => `  --${k.padEnd(width)}${v}`);
  return `${spec.usage}\n\nOptions:\n${lines.join("\n")}\n  --${"help".padEnd(width)}show this help\n`;
}

/** Parses a flag value as an integer in [lo, hi], or throws UsageError. */
export function intFlag(name: string, value: string | undefined, lo: number, hi: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < lo || n > hi) {
    throw new UsageError(`--${name}: must be an integer in [${lo}, ${hi}]; got ${JSON.stringify(value)}`);
  }
  return n;
}

/** Runs `main`, mapping errors to exit codes. */
export function runCli(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`error: ${error.message}\n`);
      process.exitCode = 2;
    } else {
      const e = error as Error;
      process.stderr.write(`error: ${e?.message ?? String(error)}\n`);
      if (process.env.DEBUG) process.stderr.write(`${e?.stack}\n`);
      process.exitCode = 1;
    }
  });
}
