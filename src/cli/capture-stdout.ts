/** Runs a function while capturing what it writes to stdout (help texts, for reuse elsewhere). */
import { format } from "node:util";

/**
 * What `f` writes to process.stdout or with console.log, instead of writing it. Both are
 * restored when `f` settles, also when it throws. (console.log is replaced as well because a
 * test runner may route it elsewhere than process.stdout.)
 */
export async function captureStdout(f: () => unknown): Promise<string> {
  const write = process.stdout.write, log = console.log;
  let text = "";
  process.stdout.write = ((chunk: string | Uint8Array) => { text += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString(); return true; }) as typeof process.stdout.write;
  console.log = (...args: unknown[]) => { text += format(...args) + "\n"; };
  try { await f(); } finally { process.stdout.write = write; console.log = log; }
  return text;
}
