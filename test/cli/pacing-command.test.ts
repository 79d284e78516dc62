/**
 * The `pacing` command as built (dist/pacing.js): the command list, every command's --help
 * (the build-time cache says what the command itself says), and bad input — an unknown
 * command or flag prints the list or that command's help, exits 2, and shows no stack trace.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/cli/commands.ts";
import { helpOf } from "../../src/cli/help-cache.ts";
import { commandList } from "../../src/cli/pacing.ts";
import { pacing, requireCurrentBuild, STACK_LINE } from "./built.ts";

beforeAll(requireCurrentBuild);

/** Commands that print their help after an unknown flag (rs3 and ratio-vol exit 2 from their own handler, with the message only). */
const HELP_ON_UNKNOWN_FLAG = COMMANDS.filter((c) => !["rs3", "ratio-vol"].includes(c.name));

describe("pacing", () => {
  it("--help lists every command of the table, one line each", () => {
    const r = pacing(["--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(commandList());
    for (const c of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^  ${c.name} +${c.summary.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "m"));
    for (const name of ["run", "calibrate", "report", "explore", "merge", "queue", "worker", "bench", "schema"]) {
      expect(COMMANDS.map((c) => c.name)).toContain(name);
    }
  });

  it.each([["no command", []], ["an unknown command", ["frobnicate", "--out", "x"]]])("%s: the list on stderr, exit 2, no stack trace", (_what, args) => {
    const r = pacing(args as string[]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(commandList());
    expect(r.stderr.trim().split("\n").at(-1)).toMatch(/^error: pacing: (no command given|unknown command "frobnicate") — pick one of the commands above$/);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.stdout).toBe("");
  });

  it("every command's --help is what the command itself prints, and exits 0", async () => {
    for (const c of COMMANDS) {
      const r = pacing([c.name, "--help"]);
      expect(r.status, c.name).toBe(0);
      expect(r.stdout, c.name).toBe(await helpOf(c));
      expect(r.stdout, c.name).toMatch(/usage|Usage/);
    }
  });

  it.each(HELP_ON_UNKNOWN_FLAG.map((c) => [c.name]))("%s with an unknown flag: that command's help on stderr, exit 2, no stack trace", async (name) => {
    const command = COMMANDS.find((c) => c.name === name)!;
    const r = pacing([name, "--no-such-flag", "1"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(await helpOf(command));
    expect(r.stderr.trim().split("\n").at(-1)).toMatch(/^error: .*--no-such-flag.* — see the options above$/);
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it.each([["rs3"], ["ratio-vol"]])("%s with an unknown flag: the message, exit 2, no stack trace", (name) => {
    const r = pacing([name, "--no-such-flag", "1"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--no-such-flag: unknown option/);
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it("run refuses a scenario that is neither a preset nor a file, naming both ways", () => {
    const r = pacing(["run", "rs9", "--out", "out/never"]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('error: run: "rs9" is neither a preset (rs1, rs1-benchmarks) nor a scenario file — give a preset name or the path of a .json file');
  });
});
