/**
 * Runs a study body whose inputs are files and flags: the library's domain errors (RangeError,
 * e.g. a DataFaultError or a window longer than the data) are then the user's input errors, so
 * they become UsageErrors, which runCli prints as one line with exit status 2.
 */
import { UsageError } from "../errors.ts";

/** Awaits `body`, rethrowing a RangeError as a UsageError with the same message. */
export async function inputErrorsAsUsage<T>(body: () => T | Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof RangeError) throw new UsageError(e.message);
    throw e;
  }
}
