/**
 * Builds the plain JavaScript the commands and the library run from (npm run build, and so
 * npm install / npm ci through `prepare`):
 *
 *   dist/pacing.js                 the `pacing` command (src/cli/pacing.ts)
 *   dist/index.js                  the library entry (src/index.ts)
 *   dist/<worker>.js               every worker body, started by src/threads/ from the bundle
 *   dist/chunk-*.js                code shared between them and each subcommand, loaded on demand
 *   dist/types/src/index.d.ts      the library's type declarations (TypeScript 5.9's tsc, declarations
 *                                  only, not type-checked: npm test type-checks; tsconfig.build.json)
 *   dist/help.json                 every command's --help text (src/cli/help-cache.ts)
 *   dist/build-stamp.json          the sources' hash (src/cli/build-stamp.ts)
 *
 * esbuild bundles ESM for Node with code splitting (npm packages too, except EXTERNAL). All
 * outputs sit in one folder, so a module's `import.meta.url` is rewritten to its source
 * file's URL relative to the bundle: paths the code resolves from its own location
 * (build/kernel.wasm, worker bodies, the explorer's sources) stay what they are under tsx.
 *
 *   npx tsx scripts/build-js.ts [--no-types]
 */
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { execFileSync } from "node:child_process";
import { build, type Plugin } from "esbuild";
import { DIST_DIR, STAMP_FILE, fileStat, hashSources, packageRoot, type BuildStamp } from "../src/cli/build-stamp.ts";
import { HELP_FILE, allHelpTexts } from "../src/cli/help-cache.ts";
import { COMMANDS } from "../src/cli/commands.ts";

/** Entry points: the command, the library, and every worker body (named as src/threads/ expects). */
export const ENTRY_POINTS = [
  "src/cli/pacing.ts",
  "src/index.ts",
  "src/engine/pacing-worker.ts",
  "src/covariance/covariance-worker.ts",
  "src/calibration/market-calibration-worker.ts",
];

/**
 * Stamped beside the bundled modules: the WASM kernel's sources (a stale kernel is caught too)
 * and this build's own script and declaration config (a changed build makes older output stale).
 */
const OTHER_INPUTS = ["asconfig.json", "assembly", "scripts/build-js.ts", "tsconfig.build.json"];

/**
 * Packages left as imports: loaded only by the commands that use them (the queue, PNG export,
 * the explorer's build) or read as files (plotly). The small pure-JS ones (zod, @stdlib, …)
 * are bundled: one file parses faster than Node resolving and loading their hundreds of modules.
 */
const EXTERNAL = ["bullmq", "ioredis", "playwright-core", "esbuild", "plotly.js-dist-min"];

const toPosix = (p: string) => p.split(sep).join("/");

/** Rewrites `import.meta.url` in the project's own modules to the module's source URL (see above). */
function sourceUrlPlugin(outdir: string): Plugin {
  return {
    name: "source-import-meta-url",
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, (args) => {
        if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
        const fromBundle = toPosix(relative(outdir, args.path));
        const text = readFileSync(args.path, "utf8")
          .replace(/\bimport\.meta\.url\b/g, `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`);
        return { contents: text, loader: "ts", resolveDir: join(args.path, "..") };
      });
    },
  };
}

/**
 * zod's 64 message locales (≈ 370 kB of the 764 kB zod bundles) reduced to the one it uses by
 * default, English: `z.locales` (and `z.core.locales`) are imported whole by zod's entry, and
 * parsing them cost every command that validates input; nothing here switches locale, so the
 * messages are the same. The sources under tsx keep the full package.
 */
function zodEnglishOnlyPlugin(): Plugin {
  return {
    name: "zod-english-only",
    setup(b) {
      b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => {
        if (!toPosix(args.importer).includes("/node_modules/zod/")) return undefined;
        return { path: join(args.resolveDir, "..", "locales", "index.js"), namespace: "zod-locales" };
      });
      b.onLoad({ filter: /.*/, namespace: "zod-locales" }, (args) => ({
        contents: `export { default as en } from ${JSON.stringify(join(args.path, "..", "en.js"))};\n`, loader: "js", resolveDir: join(args.path, ".."),
      }));
    },
  };
}

/** `path` itself when it is a file, or every file under it when it is a folder (relative to root, posix). */
function filesAt(root: string, path: string): string[] {
  if (!statSync(join(root, path)).isDirectory()) return [path];
  return readdirSync(join(root, path), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => toPosix(relative(root, join(e.parentPath, e.name))));
}

/** Builds dist/ (see the module comment); returns the stamp written. */
export async function buildJs(options: { types?: boolean } = {}): Promise<BuildStamp> {
  const root = packageRoot();
  const outdir = join(root, DIST_DIR);
  rmSync(outdir, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: root, entryPoints: ENTRY_POINTS, outdir, entryNames: "[name]", chunkNames: "chunk-[hash]",
    bundle: true, splitting: true, format: "esm", platform: "node", target: "node20", external: EXTERNAL,
    define: { __PACING_BUILT__: "true" }, plugins: [sourceUrlPlugin(outdir), zodEnglishOnlyPlugin()],
    metafile: true, logLevel: "warning", legalComments: "none",
  });
  const bundled = Object.keys(result.metafile.inputs).filter((f) => !f.includes("node_modules/"));
  const files = [...new Set([...bundled, ...OTHER_INPUTS.flatMap((p) => filesAt(root, p))])].sort();
  const stats = files.map((f) => fileStat(join(root, f))!); // before reading: an edit while hashing makes them differ, so it is hashed again
  const stamp: BuildStamp = { hash: hashSources(root, files), files, stats };
  if (options.types !== false) {
    execFileSync(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });
  }
  writeFileSync(join(root, HELP_FILE), JSON.stringify(await allHelpTexts(COMMANDS), null, 2) + "\n");
  writeFileSync(join(root, STAMP_FILE), JSON.stringify(stamp, null, 2) + "\n");
  return stamp;
}

if (process.argv[1] && toPosix(process.argv[1]).endsWith("scripts/build-js.ts")) {
  const started = performance.now();
  buildJs({ types: !process.argv.includes("--no-types") }).then((stamp) => {
    process.stderr.write(`built ${DIST_DIR}/ from ${stamp.files.length} sources in ${((performance.now() - started) / 1000).toFixed(2)} s (hash ${stamp.hash.slice(0, 12)})\n`);
  }, (e: Error) => {
    process.stderr.write(`error: build: ${e.message}\n`);
    process.exitCode = 1;
  });
}
