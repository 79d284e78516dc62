/**
 * Builds the live explorer into a static folder: explorer/app/main.ts bundled by esbuild
 * (with plotly and the browser-safe part of the library), the page, its stylesheet and
 * build/kernel.wasm beside them. The folder can be served by any static file server.
 */
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { UsageError } from "../src/errors.ts";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");

/**
 * @param outDir folder to write (created; files in it are overwritten)
 * @throws UsageError when build/kernel.wasm is missing (with the command that makes it)
 */
export async function buildExplorer(outDir: string): Promise<string> {
  const wasm = join(root, "build", "kernel.wasm");
  if (!existsSync(wasm)) throw new UsageError(`${wasm}: not found — run npm run asbuild first`);
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: [join(here, "app", "main.ts")],
    outfile: join(outDir, "explorer.js"),
    bundle: true, format: "iife", platform: "browser", target: "es2022",
    minify: true, sourcemap: true, sourcesContent: false, logLevel: "warning",
  });
  copyFileSync(join(here, "app", "index.html"), join(outDir, "index.html"));
  copyFileSync(join(here, "app", "style.css"), join(outDir, "style.css"));
  copyFileSync(wasm, join(outDir, "kernel.wasm"));
  return outDir;
}
