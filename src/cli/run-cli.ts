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

/**
 * Parses argv (without node and script) or throws UsageError naming the bad flag. A negative
 * number after a flag that takes a value (`--workers -1`) is that flag's value, for the flag's
 * own check to refuse with its range (parseArgs would read it as an option).
 */
export function parseFlags<F extends FlagSpec>(spec: CommandSpec<F>, argv: string[]) {
  const takesValue = (a: string) => a.startsWith("--") && !a.includes("=") && spec.flags[a.slice(2)]?.type === "string";
  const args = argv.flatMap((a, i) => (takesValue(a) && /^-\d/.test(argv[i + 1] ?? "") ? [`${a}=${argv[i + 1]}`] : takesValue(argv[i - 1] ?? "") && /^-\d/.test(a) ? [] : [a]));
  try {
    return parseArgs({ args, options: { ...spec.flags, help: { type: "boolean", short: "h" } }, allowPositionals: true, strict: true });
  } catch (error) {
    const m = /^Option '(--[\w-]+)' argument is ambiguous/.exec((error as Error).message);
    if (m) {
      const value = argv[argv.indexOf(m[1]) + 1];
      throw new UsageError(`${m[1]}: needs a value; got ${JSON.stringify(value)}, which reads as an option — write ${m[1]}=${value} if it is the value, or give ${m[1]} a value — see --help`);
    }
    throw new UsageError(`${spec.name}: ${(error as Error).message.replace(/\.?\s*To specify.*$/s, "").replace(/\s*\n\s*/g, " ")} — see --help`);
  }
}

/** The --help text. */
export function helpText<F extends FlagSpec>(spec: CommandSpec<F>): string {
  const width = Math.max(...Object.keys(spec.help).map((k) => k.length)) + 4;
  const lines = Object.entries(spec.help).map(([k, v]) => `  --${k.padEnd(width)}${v}`);
  return `${spec.usage}\n\nOptions:\n${lines.join("\n")}\n  --${"help".padEnd(width)}show this help\n`;
}

/**
 * Parses a flag value written as a decimal integer in [lo, hi] (and a multiple of
 * `multipleOf`), or throws UsageError. An empty value (an unset shell variable), hex,
 * exponents and padding are refused, never read as 0 or converted.
 */
export function intFlag(name: string, value: string | undefined, lo: number, hi: number, multipleOf = 1): number | undefined {
  if (value === undefined) return undefined;
  const what = multipleOf > 1 ? `a multiple of ${multipleOf} in [${lo}, ${hi}]` : `a decimal integer in [${lo}, ${hi}]`;
  if (value === "") throw new UsageError(`--${name}: must be ${what}; got an empty value — is the variable you passed (e.g. $${name.toUpperCase().replace(/-/g, "_")}) set?`);
  const n = Number(value);
  if (!/^-?\d+$/.test(value)) {
    throw new UsageError(`--${name}: must be ${what}; got ${JSON.stringify(value)}${Number.isInteger(n) && value.trim() === value ? ` — write it in decimal: ${n}` : ""}`);
  }
  if (n < lo || n > hi) throw new UsageError(`--${name}: must be an integer in [${lo}, ${hi}]; got ${JSON.stringify(value)}`);
  if (n % multipleOf !== 0) {
    const below = Math.max(lo, n - (n % multipleOf)), above = Math.min(hi, below + multipleOf);
    throw new UsageError(`--${name}: must be ${what}; got ${JSON.stringify(value)} — e.g. --${name} ${below} or --${name} ${above}`);
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
