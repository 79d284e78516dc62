/**
 * Small input mistakes end in a clear refusal (a UsageError: exit status 2, no stack) that
 * says what is wrong — never a silent default or a parser's internals.
 */
import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { intFlag, parseFlags } from "../../src/cli/run-cli.ts";
import { main as study } from "../../studies/rs1-pacing-thin-book.ts";
import { main as calibrate } from "../../scripts/calibrate.ts";
import { UsageError } from "../../src/errors.ts";

const dir = mkdtempSync(join("out", "test-cli-flags-"));
const out = join(dir, "out");

/** A daily price file of `n` rows with close(i). */
function prices(name: string, n: number, close: (i: number) => string): string {
  const rows = Array.from({ length: n }, (_, i) => `${new Date(Date.UTC(2015, 0, 1) + i * 86_400_000).toISOString().slice(0, 10)},${Array(4).fill(close(i)).join(",")},1000`);
  const path = join(dir, name);
  writeFileSync(path, `date,open,high,low,close,volume\n${rows.join("\n")}\n`);
  return path;
}

describe("integer flags", () => {
  it("an empty value (an unset $SEED) is refused, not read as 0", async () => {
    expect(() => intFlag("seed", "", 0, 4294967295)).toThrow(UsageError);
    expect(() => intFlag("seed", "", 0, 4294967295)).toThrow(/^--seed: must be a decimal integer in \[0, 4294967295\]; got an empty value — is the variable you passed \(e\.g\. \$SEED\) set\?$/);
    await expect(study(["--seed", "", "--quiet", "--out", out])).rejects.toThrow(/^--seed: must be a decimal integer .* got an empty value/);
  });

  it("hex, exponents and padding are refused with the decimal spelling, not converted", () => {
    expect(() => intFlag("seed", "0x10", 0, 4294967295)).toThrow(/^--seed: must be a decimal integer in \[0, 4294967295\]; got "0x10" — write it in decimal: 16$/);
    expect(() => intFlag("paths", "1e3", 1, 1e8)).toThrow(/^--paths: must be a decimal integer .*; got "1e3" — write it in decimal: 1000$/);
    expect(() => intFlag("paths", " 12", 1, 1e8)).toThrow(/got " 12"/);
    expect(intFlag("seed", "16", 0, 4294967295)).toBe(16);
    expect(intFlag("seed", undefined, 0, 10)).toBeUndefined();
  });

  it("a negative number after a flag is read as its value and refused by its range", async () => {
    await expect(study(["--workers", "-1", "--quiet", "--out", out])).rejects.toThrow(/^--workers: must be an integer in \[1, 256\]; got "-1"$/);
    const spec = { name: "x", usage: "", flags: { n: { type: "string" }, on: { type: "boolean" } }, help: { n: "", on: "" } } as const;
    expect(parseFlags(spec, ["--n", "-3"]).values.n).toBe("-3");
    expect(() => parseFlags(spec, ["--n", "-x"])).toThrow(/^--n: needs a value; got "-x", which reads as an option — write --n=-x if it is the value, or give --n a value — see --help$/);
  });

  it("--block that is not a multiple of 64 is a usage error (exit 2), naming the nearest valid sizes", async () => {
    await expect(study(["--block", "100", "--quiet", "--out", out])).rejects.toThrow(UsageError);
    await expect(study(["--block", "100", "--quiet", "--out", out])).rejects.toThrow(/^--block: must be a multiple of 64 in \[64, 1048576\]; got "100" — e\.g\. --block 64 or --block 128$/);
  });
});

describe("calibrate refuses a history it cannot use", () => {
  it("says that every row was dropped and why, instead of \"-1 returns are too few\"", async () => {
    const file = prices("all-dropped.csv", 800, () => "-5");
    // without --policy the 1% limit on rows set aside refuses first; an explicit repair reaches the history check
    await expect(calibrate(["--data", file, "--profile-only", "--quiet", "--out", out])).rejects.toThrow(UsageError);
    await expect(calibrate(["--data", file, "--policy", "repair", "--profile-only", "--quiet", "--out", out])).rejects.toThrow(/^--data .*all-dropped\.csv: every row was set aside \(800 of 800: 800 × [a-z-]+\), so nothing is left to calibrate on — /);
  });

  it("an empty or hex number is refused, not read as 0 or converted", async () => {
    await expect(calibrate(["--data", "../shared/data/btc-usd_yahoo_1d.clean.csv", "--max-ruin", "", "--quiet", "--out", out])).rejects.toThrow(/^--max-ruin: must be a decimal number in \[0, 1\]; got ""$/);
    await expect(calibrate(["--data", "../shared/data/btc-usd_yahoo_1d.clean.csv", "--max-ruin", "0x0", "--quiet", "--out", out])).rejects.toThrow(/^--max-ruin: must be a decimal number in \[0, 1\]; got "0x0"$/);
  });

  it("refuses a flat series, even with --allow-fallback (it has no volatility: σ = 0, depth ∞)", async () => {
    const file = prices("flat.csv", 800, () => "100");
    await expect(calibrate(["--data", file, "--profile-only", "--allow-fallback", "--quiet", "--out", out])).rejects.toThrow(/^--data .*flat\.csv: the close is 100 on all 800 rows \(2015-01-01 … 2017-03-10\) — a flat series has no volatility to calibrate; check --column or the file/);
  });
});
