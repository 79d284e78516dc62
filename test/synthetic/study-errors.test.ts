/**
 * The synthetic studies on hostile inputs and paths (issue 18, item 7): a missing file or
 * folder, an empty or header-only file, a flat series, or fewer than 64 common dates end in one
 * line and exit status 2, never a stack trace; and the studies run from a checkout whose path
 * has a space (their main-module test compares paths, not an unencoded file:// URL).
 */
import { describe, expect, it } from "vitest";
import { cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { execFile } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { main as rs3Main } from "../../studies/rs3-synthetic-real-data.ts";
import { main as instrumentMain } from "../../studies/synthetic-instrument.ts";
import { isMainModule } from "../../src/cli/is-main-module.ts";
import { UsageError } from "../../src/errors.ts";
import { randomWalk, tempDir, writePrices } from "./fixtures.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const TSX = join(ROOT, "node_modules/.bin/tsx");
const run = promisify(execFile);
const RS3_FILES = ["btc-usd_yahoo_1d.clean.csv", "nq-futures_yahoo_1d.clean.csv", "gold-futures_yahoo_1d.clean.csv", "usdjpy_yahoo_1d.clean.csv"];
const GOLD = fileURLToPath(new URL("../../studies/instruments/gold_usdjpy.json", import.meta.url));

/** A data folder with RS-3's four files (random walks, 300 weekdays), then `spoil` applied. */
function dataDir(spoil: (dir: string) => void): string {
  const dir = tempDir("rs3-data-");
  RS3_FILES.forEach((f, i) => writePrices(dir, f, randomWalk(300, 100 * (i + 1), 1, i + 1)));
  spoil(dir);
  return dir;
}

const cases: [string, (dir: string) => void, RegExp][] = [
  ["a missing file", (d) => rmSync(join(d, RS3_FILES[2])), /legs\[0\]\.file: file .*gold-futures_yahoo_1d\.clean\.csv does not exist — check the file name and --data-dir/],
  ["an empty file", (d) => writeFileSync(join(d, RS3_FILES[3]), ""), /legs\[1\]\.file: .*usdjpy_yahoo_1d\.clean\.csv is empty/],
  ["a header-only file", (d) => writeFileSync(join(d, RS3_FILES[2]), "date,open,high,low,close,volume\n"), /gold-futures_yahoo_1d\.clean\.csv has 0 usable price row\(s\)/],
  ["a flat series", (d) => { writePrices(d, RS3_FILES[2], new Array(300).fill(1800)); writePrices(d, RS3_FILES[3], new Array(300).fill(150)); }, /legs: S = A\/B is flat \(12 on every date/],
  ["fewer than 64 common dates", (d) => writePrices(d, RS3_FILES[2], randomWalk(40, 1800, 5, 9)), /calendar \(inner\): alignInner: only 40 common dates \(need 64\)/],
];

describe("bad input ends in a UsageError (exit status 2 under runCli)", () => {
  for (const [what, spoil, message] of cases) {
    it(`RS-3 and synthetic-instrument: ${what}`, async () => {
      const dir = dataDir(spoil), out = join(dir, "out");
      await expect(rs3Main(["--data-dir", dir, "--out", out])).rejects.toThrow(UsageError);
      await expect(rs3Main(["--data-dir", dir, "--out", out])).rejects.toThrow(message);
      await expect(instrumentMain(["--instrument", GOLD, "--data-dir", dir, "--out", out])).rejects.toThrow(message);
    });
  }

  it("a missing folder", async () => {
    await expect(rs3Main(["--data-dir", "/nonexistent/data", "--out", "/tmp/x"])).rejects.toThrow(/file \/nonexistent\/data\/btc-usd_yahoo_1d\.clean\.csv does not exist/);
    await expect(instrumentMain(["--instrument", "/nonexistent/i.json", "--data-dir", ".", "--out", "/tmp/x"])).rejects.toThrow(/--instrument \/nonexistent\/i\.json: cannot be read \(ENOENT\)/);
  });

  it("as processes: exit status 2, one line on stderr, no stack trace", async () => {
    const flat = dataDir((d) => writePrices(d, RS3_FILES[2], randomWalk(40, 1800, 5, 9)));
    const outcomes = await Promise.all([
      run(TSX, [join(ROOT, "studies/rs3-synthetic-real-data.ts"), "--data-dir", join(flat, "missing-folder"), "--out", join(flat, "o1")]).catch((e) => e),
      run(TSX, [join(ROOT, "studies/synthetic-instrument.ts"), "--instrument", GOLD, "--data-dir", flat, "--out", join(flat, "o2")]).catch((e) => e),
    ]);
    for (const e of outcomes) {
      expect(e.code).toBe(2);
      expect(e.stderr).toMatch(/^error: .* — /);
      expect(e.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe("a checkout whose path has a space", () => {
  it("isMainModule compares paths, so a percent-encoded module URL matches its script path", () => {
    const script = "/tmp/my checkout/studies/x.ts";
    expect(pathToFileURL(script).href).toContain("my%20checkout");
    expect(pathToFileURL(script).href === `file://${script}`).toBe(false); // the old test
    expect(isMainModule(pathToFileURL(script).href, script)).toBe(true);
    expect(isMainModule(pathToFileURL(script).href, "/tmp/my checkout/studies/y.ts")).toBe(false);
    expect(isMainModule(pathToFileURL(script).href, undefined)).toBe(false);
  });

  it("RS-3, the ratio-volatility and the synthetic-instrument studies run their main there", async () => {
    const root = join(tempDir("space-"), "my checkout");
    mkdirSync(root);
    for (const d of ["src", "studies"]) cpSync(join(ROOT, d), join(root, d), { recursive: true });
    for (const f of ["node_modules", "build", "assembly", "package.json", "tsconfig.json"]) symlinkSync(join(ROOT, f), join(root, f));
    const help = await Promise.all(["rs3-synthetic-real-data.ts", "ratio-vol-linearization.ts", "synthetic-instrument.ts"].map((s) => run(TSX, [join(root, "studies", s), "--help"], { cwd: root })));
    expect(help.map((h) => h.stdout.split("\n")[0])).toEqual([
      "RS-3: synthetic instruments on real data", expect.stringMatching(/ratio|G3|delta/i), expect.stringMatching(/^Usage: npx tsx studies\/synthetic-instrument\.ts/),
    ]);
  });
});
