import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../studies/strategy-pacing.ts";

describe("studies/strategy-pacing.ts", () => {
  it("runs a strategy as the target and writes results.json with the path-risk outputs", async () => {
    const dir = mkdtempSync(join(tmpdir(), "strategy-"));
    await main(["--out", dir, "--strategy", "trend", "--paths", "128", "--steps", "60", "--workers", "1", "--trace", "8", "--quiet"]);
    const doc = JSON.parse(readFileSync(join(dir, "results.json"), "utf8"));
    expect(doc.config.target).toEqual({ kind: "trend", timeConstantSteps: 60, riskAversion: 3, maxLeverage: 3 });
    expect(doc.config.schemes.find((s: { kind: string }) => s.kind === "liquidity").observes).toBe("estimate");
    expect(doc.schemes.ema.max_drawdown_median.estimate).toBeGreaterThan(0);
    expect(readFileSync(join(dir, "results.csv"), "utf8")).toMatch(/^ema,cvar5_terminal_return,/m);
  });

  it("names the flag and the allowed values for an unknown strategy", async () => {
    await expect(main(["--out", "out/never", "--strategy", "momentum"])).rejects.toThrow(/--strategy: must be one of vol-target, trend, signal; got "momentum"/);
  });
});
