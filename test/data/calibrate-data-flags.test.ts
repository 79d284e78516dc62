/**
 * `calibrate`'s data loading (issue 18, items 3 and 7): a missing file or a folder is a usage
 * error naming the path and the fix; more than 1% of rows set aside is refused unless
 * `--policy repair` is passed; the rows set aside are printed and written to the profile and
 * the report; `--date-format` settles an ambiguous date order.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { main } from "../../scripts/calibrate.ts";
import { UsageError } from "../../src/errors.ts";

const DATA = new URL("../../../shared/data", import.meta.url).pathname;
mkdirSync("out", { recursive: true });
const dir = mkdtempSync(join("out", "test-calibrate-data-"));

/** n days of a deterministic chaotic price path (no randomness), as a clean CSV; `spell` writes the date. */
function prices(n: number, damage: (t: number, row: string) => string = (_t, r) => r, spell = (t: number) => new Date(Date.UTC(2015, 0, 1) + t * 86_400_000).toISOString().slice(0, 10)): string {
  const rows = ["date,open,high,low,close,volume"];
  let c = 100, u = 0.3;
  for (let t = 0; t < n; t++) {
    u = 3.99 * u * (1 - u);
    c *= Math.exp(0.02 * (u - 0.5) * (t % 400 < 100 ? 3 : 1));
    const row = `${spell(t)},${c},${c * 1.01},${c * 0.99},${c},${1e6 + t}`;
    rows.push(damage(t, row));
  }
  return rows.join("\n") + "\n";
}
const file = (name: string, text: string) => { const p = join(dir, name); writeFileSync(p, text); return p; };
const fails = async (argv: string[]) => { try { await main(argv); } catch (e) { return e as Error; } throw new Error("expected a refusal"); };

let stderr = "";
beforeEach(() => { stderr = ""; vi.spyOn(process.stderr, "write").mockImplementation((s) => { stderr += String(s); return true; }); });
afterEach(() => vi.restoreAllMocks());

describe("calibrate: the data file's path", () => {
  it("a missing file is a usage error naming the path and the fix", async () => {
    const e = await fails(["--data", join(dir, "nope.csv"), "--out", join(dir, "o1"), "--profile-only"]);
    expect(e).toBeInstanceOf(UsageError);
    expect(e.message).toMatch(/nope\.csv: no such file \(looked for \/.*nope\.csv\) — check the path; pass a CSV price file/);
  });

  it("a folder is a usage error suggesting a file in it", async () => {
    const e = await fails(["--data", DATA, "--out", join(dir, "o2"), "--profile-only"]);
    expect(e).toBeInstanceOf(UsageError);
    expect(e.message).toMatch(/shared\/data: is a folder, not a price file — pass one file in it, e\.g\. .*aapl_yahoo_1d\.clean\.csv/);
  });

  it("the process exits with status 2 and no stack trace", () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/calibrate.ts", "--data", join(dir, "nope.csv"), "--out", join(dir, "o3")], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^error: .*nope\.csv: no such file/);
    expect(r.stderr).not.toMatch(/ENOENT|\n\s+at /);
  });
});

describe("calibrate: rows set aside", () => {
  const damaged = prices(1200, (t, r) => (t % 20 === 7 ? r.replace(/^([^,]+),.*$/, "$1,1,1,1,-1,5") : r)); // 60 of 1200 rows (5%) negative

  it("more than 1% set aside is refused by default, with the count and how to accept it", async () => {
    const e = await fails(["--data", file("damaged.csv", damaged), "--out", join(dir, "o4"), "--profile-only"]);
    expect(e).toBeInstanceOf(UsageError);
    expect(e.message).toMatch(/damaged\.csv: 60 of 1200 rows \(5\.0%\) would be set aside, more than 1% — .*pass --policy repair to accept it/);
  });

  it("--policy repair accepts it and reports the count on the console, in profile.json and in report.html", async () => {
    const out = join(dir, "o5");
    await main(["--data", file("damaged.csv", damaged), "--out", out, "--profile-only", "--policy", "repair"]);
    expect(stderr).toMatch(/damaged\.csv: 1200 rows read, 1140 kept, 60 set aside \(60 non-positive\)/);
    const profile = JSON.parse(readFileSync(join(out, "profile.json"), "utf8"));
    expect(profile.data_policy.rows).toEqual({ read: 1200, kept: 1140, setAside: 60, placeholders: 0 });
    expect(profile.data_policy.set_aside).toHaveLength(60);
    expect(readFileSync(join(out, "report.html"), "utf8")).toContain("1200 rows read, 1140 kept, 60 set aside (60 non-positive)");
  });

  it("quoted thousands are read, not set aside", async () => {
    const text = prices(1200, (_t, row) => row.split(",").map((f, i) => (i > 0 ? `"${(1000 * Number(f)).toLocaleString("en-US", { maximumFractionDigits: 6 })}"` : f)).join(","));
    const out = join(dir, "o6");
    await main(["--data", file("thousands.csv", text), "--out", out, "--profile-only"]);
    expect(JSON.parse(readFileSync(join(out, "profile.json"), "utf8")).data_policy.rows).toEqual({ read: 1200, kept: 1200, setAside: 0, placeholders: 0 });
    expect(stderr).toMatch(/thousands\.csv: 1200 rows read, 1200 kept, 0 set aside/);
  });
});

describe("calibrate: --date-format", () => {
  // the first twelve days of each month (1900–1908): every date reads both as D/M/Y and as M/D/Y,
  // and both readings ascend; read as D/M/Y the bars are daily (the profile's default bar)
  const pad = (n: number) => String(n).padStart(2, "0");
  const monthly = prices(1200, (_t, r) => r, (t) => `${pad((t % 12) + 1)}/${pad((Math.floor(t / 12) % 12) + 1)}/${1900 + Math.floor(t / 144)}`);

  it("an ambiguous order is refused with the flag to pass; the flag settles it", async () => {
    const e = await fails(["--data", file("ambiguous.csv", monthly), "--out", join(dir, "o7"), "--profile-only"]);
    expect(e).toBeInstanceOf(UsageError);
    expect(e.message).toMatch(/ambiguous\.csv: date order is ambiguous: .* — pass --date-format DD\/MM\/YYYY or --date-format MM\/DD\/YYYY/);
    await main(["--data", file("ambiguous.csv", monthly), "--out", join(dir, "o8"), "--profile-only", "--date-format", "DD/MM/YYYY"]);
    expect(JSON.parse(readFileSync(join(dir, "o8", "profile.json"), "utf8")).data_policy.date_order).toBe("DD/MM/YYYY");
  });

  it("an unknown --date-format is a usage error", async () => {
    const e = await fails(["--data", file("ambiguous.csv", monthly), "--out", join(dir, "o9"), "--date-format", "YY-MM-DD"]);
    expect(e).toBeInstanceOf(UsageError);
    expect(e.message).toMatch(/--date-format: "YY-MM-DD" is not one of/);
  });
});
