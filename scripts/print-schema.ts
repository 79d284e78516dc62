/**
 * Prints the JSON Schema of a pacing scenario.
 *
 *   npm run schema > scenario.schema.json        (or: pacing schema)
 */
import { scenarioJsonSchema } from "../src/scenario/scenario-schema.ts";
import { parseFlags, helpText, runCli, type CommandSpec } from "../src/cli/run-cli.ts";
import { isMainModule } from "../src/cli/is-main-module.ts";

const command = {
  name: "schema",
  usage: "Usage: pacing schema > scenario.schema.json\n\nPrints the JSON Schema of a pacing scenario (the file `pacing run SCENARIO.json` reads).",
  flags: { compact: { type: "boolean" } },
  help: { compact: "one line instead of indented JSON" },
} satisfies CommandSpec<Record<string, { type: "string" | "boolean" }>>;

/** The `schema` command (argv without node and script). */
export async function main(argv = process.argv.slice(2)): Promise<void> {
  const { values } = parseFlags(command, argv);
  if (values.help) { process.stdout.write(helpText(command)); return; }
  process.stdout.write(JSON.stringify(scenarioJsonSchema(), null, values.compact ? undefined : 2) + "\n");
}

if (isMainModule(import.meta.url)) runCli(main);
