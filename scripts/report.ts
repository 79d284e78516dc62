/**
 * Rebuilds every report from existing results.json files — nothing is re-run.
 *
 *   npm run report -- [--out-dir DIR] [--no-png] [FILE…]
 *
 * Finds every results.json under DIR (default out/), writes report.html beside each (the study
 * kind is detected from the document), its figures as PNG under figures/ when headless Chromium
 * is installed, and DIR/index.html linking them all. FILE… renders only those results files.
 * Exit status 2 when a results file is missing or malformed (each one named, with what is wrong).
 */
import { existsSync } from "node:fs";
import { parseFlags, helpText, runCli, type CommandSpec } from "../src/cli/run-cli.ts";
import { UsageError } from "../src/errors.ts";
import { findResultsFiles } from "../src/report/find-results.ts";
import { buildReports } from "../src/report/build-reports.ts";
import { chromiumAvailable, launchChromium, PNG_HINT } from "../src/report/headless-chromium.ts";
import { isMainModule } from "../src/cli/is-main-module.ts";

const command = {
  name: "report",
  usage: "Usage: npm run report -- [--out-dir DIR] [--no-png] [FILE…]\n\nRebuilds report.html beside every results.json under DIR (or the FILEs given), PNG figures\nwhen headless Chromium is installed, and DIR/index.html linking all reports.",
  flags: { "out-dir": { type: "string" }, "no-png": { type: "boolean" }, quiet: { type: "boolean" } },
  help: {
    "out-dir": "output folder to search and to write index.html in (default out)",
    "no-png": "HTML only, even when Chromium is installed",
    quiet: "print only errors",
  },
} satisfies CommandSpec<Record<string, { type: "string" | "boolean" }>>;

/** The `report` command. */
export async function main(argv = process.argv.slice(2)): Promise<void> {
  const { values, positionals } = parseFlags(command, argv);
  if (values.help) { process.stdout.write(helpText(command)); return; }
  const outDir = String(values["out-dir"] ?? "out");
  const say = (s: string) => { if (!values.quiet) process.stderr.write(s + "\n"); };
  for (const f of positionals) if (!existsSync(f)) throw new UsageError(`${f}: no such results file — run the study that writes it, or check the path`);
  const files = positionals.length > 0 ? positionals : findResultsFiles(outDir);
  if (files.length === 0) throw new UsageError(`--out-dir ${outDir}: holds no results.json — run a study first (e.g. npm start writes out/rs1/results.json)`);

  const png = !values["no-png"] && chromiumAvailable();
  if (!values["no-png"] && !png) say(`note: HTML only. ${PNG_HINT}`);
  const browser = png ? await launchChromium() : undefined;
  try {
    const outcome = await buildReports({ outDir, files, browser });
    for (const r of outcome.reports) say(`wrote ${r.html} (${r.kind})${r.pngs.length ? ` and ${r.pngs.length} PNG(s)` : ""}`);
    say(`wrote ${outcome.index}`);
    if (outcome.failures.length > 0) {
      throw new UsageError(outcome.failures.map((f) => f.error).join("\n       "));
    }
  } finally {
    await browser?.close();
  }
}

if (isMainModule(import.meta.url)) runCli(main);
