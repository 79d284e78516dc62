/**
 * `calibrate --strategy/--objective/--max-drawdown/--drift` (issue 15, items 1 and 2): bad
 * values are usage errors naming the flag and the fix, before any data is read; a user's
 * strategy and a leverage series reach recommendation.json.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { main } from "../../scripts/calibrate.ts";
import { UsageError } from "../../src/errors.ts";

const DATA = new URL("../../../shared/data", import.meta.url).pathname;
const SPY = join(DATA, "spy_yahoo_1d.clean.csv");
mkdirSync("out", { recursive: true });
const dir = mkdtempSync(join("out", "test-calibrate-strategy-"));
const fails = async (argv: string[]) => { try { await main(argv); } catch (e) { return e as Error; } throw new Error("expected a refusal"); };
const cheap = ["--paths", "64", "--coarse-paths", "64", "--workers", "1", "--from", "2017-01-01", "--quiet"];

beforeEach(() => { vi.spyOn(process.stderr, "write").mockImplementation(() => true); });
afterEach(() => vi.restoreAllMocks());

describe("calibrate: bad --strategy, --objective, --max-drawdown, --drift", () => {
  it.each([
    [["--strategy", "momentum"], /^--strategy: unknown strategy "momentum" — use signal, vol-target:sigma=0\.2,cap=4/],
    [["--strategy", "vol-target:sigma=-1"], /^--strategy: sigma must be in \(0, 100\]; got -1 in "vol-target:sigma=-1" — e\.g\. vol-target:sigma=0\.2,cap=4$/],
    [["--max-drawdown", "1.5"], /^--max-drawdown: must be a fraction of equity in \(0, 1\), e\.g\. 0\.3 for a 30% drawdown; got "1\.5" — /],
    [["--max-drawdown", "0"], /^--max-drawdown: must be a fraction of equity in \(0, 1\)/],
    [["--objective", "sharpe"], /^--objective: unknown objective "sharpe" — use growth or oc-slippage$/],
    [["--drift", "lots"], /^--drift: must be "history" or an expected return per year in \[-10, 10\]/],
    [["--strategy", "series:x.csv", "--out-of-sample"], /^--out-of-sample: not available with --strategy series:FILE/],
  ])("%j is a usage error naming the flag and the fix", async (flags, message) => {
    const e = await fails(["--data", "no-such-file.csv", "--out", join(dir, "bad"), ...flags, "--quiet"]);
    expect(e).toBeInstanceOf(UsageError);
    expect(e.message).toMatch(message);
  });
});

describe.skipIf(!existsSync(SPY))("calibrate with the user's strategy", () => {
  it("a vol-targeting book under the growth objective and a drawdown cap: recommendation.json has per kind the optimum, its interval, at_domain_edge, the objective's interval and the constraint status", async () => {
    const out = join(dir, "vol");
    await main(["--data", SPY, "--out", out, "--strategy", "vol-target:sigma=0.15,cap=3", "--max-drawdown", "0.6", "--schemes", "instant,ema", ...cheap]);
    const rec = JSON.parse(readFileSync(join(out, "recommendation.json"), "utf8"));
    expect(rec.settings.strategy.target).toEqual({ kind: "vol-target", sigmaTarget: 0.15, cap: 3 });
    expect(rec.settings.objective_function).toBe("growth");
    expect(rec.settings.objective.maxDrawdown).toBe(0.6);
    expect(rec.provenance.strategy).toBe("vol-target:sigma=0.15,cap=3");
    const ema = rec.schemes.ema;
    expect(ema.search.parameter_interval.lambda.lo).toBeLessThanOrEqual(ema.params.lambda);
    expect(typeof ema.at_domain_edge).toBe("boolean");
    expect(ema.objective.lo).toBeLessThanOrEqual(ema.objective.estimate);
    expect(ema.constraints.ruin.cap).toBe(0.01);
    expect(ema.constraints.max_drawdown_p95.cap).toBe(0.6);
    expect(ema.max_drawdown_p95.estimate).toBeGreaterThan(0);
  });

  it("series:FILE replays the user's leverage on the history; a file outside the prices' dates is refused", async () => {
    const lev = join(dir, "lev.csv");
    writeFileSync(lev, "date,leverage\n2019-01-02,1\n2020-03-02,0.5\n2020-06-01,1.5\n2021-12-31,1\n");
    const out = join(dir, "series");
    await main(["--data", SPY, "--out", out, "--strategy", `series:${lev}`, "--schemes", "instant,ema", ...cheap.filter((f) => f !== "--quiet")]);
    const rec = JSON.parse(readFileSync(join(out, "recommendation.json"), "utf8"));
    expect(rec.settings.strategy.target.kind).toBe("series");
    expect(rec.settings.horizon_steps).toBeGreaterThan(700); // three years of trading days
    expect(rec.settings.horizon_steps).toBeLessThan(760);
    expect(rec.schemes.ema.paths).toBe(64);
    // the market is the history: no fit draw can change instant or ema, so their draws are not run, said in the JSON and on the console
    expect(rec.robustness.draws_skipped.kinds).toEqual(["instant", "ema"]);
    expect(rec.robustness.kinds.ema.draws_skipped).toBe(true);
    expect(vi.mocked(process.stderr.write).mock.calls.some(([l]) => /^ {2}robustness: fit draws not run for instant, ema — the strategy is a replayed series/.test(String(l)))).toBe(true);
    const old = join(dir, "old.csv");
    writeFileSync(old, "date,leverage\n1980-01-02,1\n1981-01-02,2\n");
    const e = await fails(["--data", SPY, "--out", join(dir, "old"), "--strategy", `series:${old}`, "--profile-only", ...cheap]);
    expect(e.message).toMatch(/--strategy series:.*old\.csv: its dates 1980-01-02…1981-01-02 do not overlap the prices' 1993-01-29…/);
  });
});
