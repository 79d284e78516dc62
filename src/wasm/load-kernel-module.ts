/**
 * Compiles build/kernel.wasm once per process (Node). Workers receive the compiled
 * WebAssembly.Module by message instead of recompiling.
 */
import { readFileSync, existsSync } from "node:fs";
import { setFlagsFromString } from "node:v8";
import { fileURLToPath } from "node:url";
import { fail } from "../errors.ts";

/** Absolute path of the compiled kernel. */
export const KERNEL_PATH = fileURLToPath(new URL("../../build/kernel.wasm", import.meta.url));

let compiled: WebAssembly.Module | null = null;
let compiling: Promise<void> | null = null;

/**
 * The compiled kernel module (cached).
 * @throws Error when build/kernel.wasm is missing, saying how to build it
 */
export function loadKernelModule(): WebAssembly.Module {
  if (compiled) return compiled;
  if (!existsSync(KERNEL_PATH)) {
    fail(Error, "kernel", `${KERNEL_PATH} not found`, "run `npm run asbuild` (npm install runs it too)");
  }
  compileEagerly();
  compiled = new WebAssembly.Module(readFileSync(KERNEL_PATH));
  return compiled;
}

/**
 * Starts compiling the kernel on V8's background threads, for a later loadKernelModule to take
 * (`pacing run` calls it first, so the compilation overlaps loading the study instead of
 * following it). Does nothing when the kernel is compiled, being compiled, or missing (then
 * loadKernelModule reports it); until the compilation is done, loadKernelModule compiles.
 */
export function precompileKernelModule(): void {
  if (compiled || compiling || !existsSync(KERNEL_PATH)) return;
  compileEagerly();
  compiling = WebAssembly.compile(readFileSync(KERNEL_PATH)).then((m) => { compiled ??= m; }, () => undefined);
}

/**
 * Every function optimised up front (V8's TurboFan), not first run by the baseline compiler
 * and tiered up while it runs: the long-running simulation driver has no on-stack
 * replacement, so it would otherwise run its first call unoptimised. Measured on RS-1: the
 * first block runs at full speed and steady state is ≈10% faster (README, Performance). Costs
 * a few tens of ms of compilation once per process; workers receive the compiled code.
 */
function compileEagerly(): void {
  setFlagsFromString("--no-wasm-lazy-compilation");
  setFlagsFromString("--no-wasm-dynamic-tiering");
}
