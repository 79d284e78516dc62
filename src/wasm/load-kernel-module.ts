/**
 * Compiles build/kernel.wasm once per process (Node). Workers receive the compiled
 * WebAssembly.Module by message instead of recompiling.
 */
import { readFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { fail } from "../errors.ts";

/** Absolute path of the compiled kernel. */
export const KERNEL_PATH = fileURLToPath(new URL("../../build/kernel.wasm", import.meta.url));

let compiled: WebAssembly.Module | null = null;

/**
 * The compiled kernel module (cached).
 * @throws Error when build/kernel.wasm is missing, saying how to build it
 */
export function loadKernelModule(): WebAssembly.Module {
  if (compiled) return compiled;
  if (!existsSync(KERNEL_PATH)) {
    fail(Error, "kernel", `${KERNEL_PATH} not found`, "run `npm run asbuild` (npm install runs it too)");
  }
  compiled = new WebAssembly.Module(readFileSync(KERNEL_PATH));
  return compiled;
}
