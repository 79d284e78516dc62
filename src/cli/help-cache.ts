/**
 * Every command's --help text, written at build time (scripts/build-js.ts runs each command's
 * --help once) to dist/help.json, so that the built `pacing <command> --help` answers without
 * loading the command's modules. The build stamp covers it: a stale build refuses first.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { captureStdout } from "./capture-stdout.ts";
import { DIST_DIR, RUNNING_BUILT, packageRoot } from "./build-stamp.ts";
import type { Subcommand } from "./commands.ts";

/** The cache file, relative to the package root. */
export const HELP_FILE = join(DIST_DIR, "help.json");

/** A command's --help text: its `help` field, or what its main prints for --help. */
export async function helpOf(command: Subcommand): Promise<string> {
  if (command.help) return command.help;
  const main = await command.load();
  return captureStdout(() => main(["--help"]));
}

/** Every command's --help text, by name (for the build). */
export async function allHelpTexts(commands: readonly Subcommand[]): Promise<Record<string, string>> {
  const texts: Record<string, string> = {};
  for (const c of commands) texts[c.name] = await helpOf(c);
  return texts;
}

/** The built help text of command `name`, or undefined (running from the sources, or not cached). */
export function cachedHelp(name: string): string | undefined {
  if (!RUNNING_BUILT) return undefined;
  const path = join(packageRoot(), HELP_FILE);
  if (!existsSync(path)) return undefined;
  return (JSON.parse(readFileSync(path, "utf8")) as Record<string, string>)[name];
}
