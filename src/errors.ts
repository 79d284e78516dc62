/**
 * One grammar for every user-facing error (house style):
 *   `<input>: <what is wrong, with the value> — <the fix>`
 * Lower-case, names the input, shows the value, says the fix.
 */

/** An error whose message is meant for the user as is; CLIs print it without a stack and exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

type ErrorClass = new (message: string) => Error;

/** Formats `input: problem — fix`. */
export function message(input: string, problem: string, fix?: string): string {
  return fix ? `${input}: ${problem} — ${fix}` : `${input}: ${problem}`;
}

/** Throws `kind` with the house message grammar. */
export function fail(kind: ErrorClass, input: string, problem: string, fix?: string): never {
  throw new kind(message(input, problem, fix));
}

/** Shows a value in a message: strings quoted, numbers as written, objects as JSON. */
export function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint" || value == null) return String(value);
  try {
    const s = JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? `${v}n` : v));
    return s.length > 80 ? s.slice(0, 77) + "..." : s;
  } catch {
    return String(value);
  }
}
