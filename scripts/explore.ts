/**
 * The live explorer: builds it (esbuild) into out/explorer and serves it on localhost.
 *
 *   npm run explore -- [--port 8765] [--build-only]
 */
import { join } from "node:path";
import { parseFlags, helpText, intFlag, runCli, type CommandSpec } from "../src/cli/run-cli.ts";
import { buildExplorer } from "../explorer/build-explorer.ts";
import { serveStatic } from "../explorer/serve-static.ts";
import { isMainModule } from "../src/cli/is-main-module.ts";

const command = {
  name: "explore",
  usage: "Usage: npm run explore -- [--port N] [--build-only]\n\nBuilds the live pacing explorer into out/explorer and serves it on http://127.0.0.1:PORT/.",
  flags: { port: { type: "string" }, "build-only": { type: "boolean" }, out: { type: "string" } },
  help: { port: "port to listen on (default 8765; 0 picks a free one)", "build-only": "build, do not serve", out: "output folder (default out/explorer)" },
} satisfies CommandSpec<Record<string, { type: "string" | "boolean" }>>;

/** The `explore` command. */
export async function main(argv = process.argv.slice(2)): Promise<void> {
  const { values } = parseFlags(command, argv);
  if (values.help) { process.stdout.write(helpText(command)); return; }
  const port = intFlag("port", values.port as string | undefined, 0, 65535) ?? 8765;
  const dir = await buildExplorer(String(values.out ?? join("out", "explorer")));
  process.stderr.write(`built ${dir}\n`);
  if (values["build-only"]) return;
  const { url } = await serveStatic(dir, port);
  process.stderr.write(`explorer at ${url} — Ctrl-C to stop\n`);
}

if (isMainModule(import.meta.url)) runCli(main);
