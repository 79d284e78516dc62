/**
 * `pacing bench`: runs bench/pacing.bench.ts, which reads its flags from process.argv when it
 * is imported (it is also run directly: npx tsx bench/pacing.bench.ts).
 */
import { UsageError } from "../errors.ts";

/**
 * Runs the RS-1 benchmark with `argv` as its flags.
 * @throws UsageError for a flag the benchmark does not know
 */
export async function main(argv: string[]): Promise<void> {
  process.argv = [process.argv[0], "pacing-bench", ...argv];
  try {
    await import("../../bench/pacing.bench.ts");
  } catch (error) {
    const e = error as Error & { code?: string };
    if (e.code?.startsWith("ERR_PARSE_ARGS")) throw new UsageError(`bench: ${e.message.replace(/\. To specify.*$/s, "")} — see pacing bench --help`);
    throw error;
  }
}
