/**
 * The built path gives the development path's results, byte for byte, and a stale build is
 * impossible to miss: dist/pacing.js refuses, naming the rebuild command.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, cpSync } from "node:fs";
import { dirname, join } from "node:path";
import { rs1Scenario } from "../../src/scenario/presets/rs1.ts";
import { STAMP_FILE, staleBuildReason, type BuildStamp } from "../../src/cli/build-stamp.ts";
import { builtWorkerUrl } from "../../src/threads/start-typescript-worker.ts";
import { ENTRY_POINTS } from "../../scripts/build-js.ts";
import { comparable } from "../shard/helpers.ts";
import { pacing, requireCurrentBuild, tsx, STACK_LINE } from "./built.ts";

beforeAll(requireCurrentBuild);

const flags = ["--paths", "700", "--steps", "90", "--block", "128", "--trace", "12", "--seed", "7", "--quiet"];
const read = (dir: string, file: string) => readFileSync(join(dir, file), "utf8");

describe("built commands", () => {
  it("write the same results.json and results.csv as the TypeScript sources through tsx (1 and 2 workers)", () => {
    const dir = mkdtempSync(join("out", "test-built-run-"));
    const built = pacing(["run", ...flags, "--workers", "2", "--out", join(dir, "built")]);
    expect(built.stderr).toBe("");
    expect(built.status).toBe(0);
    const dev = tsx(["studies/rs1-pacing-thin-book.ts", ...flags, "--workers", "1", "--out", join(dir, "tsx")]);
    expect(dev.status, dev.stderr).toBe(0);
    expect(comparable(read(join(dir, "built"), "results.json"))).toBe(comparable(read(join(dir, "tsx"), "results.json")));
    expect(read(join(dir, "built"), "results.csv")).toBe(read(join(dir, "tsx"), "results.csv"));
    expect(JSON.parse(read(join(dir, "built"), "results.json")).timing.workers).toBe(2);
  });

  it("run SCENARIO.json is the --config run of the study", () => {
    const dir = mkdtempSync(join("out", "test-built-run-"));
    const file = join(dir, "scenario.json");
    writeFileSync(file, JSON.stringify({ ...rs1Scenario, name: "from-file", schemes: rs1Scenario.schemes.slice(0, 3), baseline: "instant" }));
    expect(pacing(["run", file, ...flags, "--out", join(dir, "a")]).status).toBe(0);
    expect(pacing(["run", "--config", file, ...flags, "--out", join(dir, "b")]).status).toBe(0);
    const doc = JSON.parse(read(join(dir, "a"), "results.json"));
    expect(doc.scenario).toBe("from-file");
    expect(Object.keys(doc.schemes)).toHaveLength(3);
    expect(comparable(read(join(dir, "a"), "results.json"))).toBe(comparable(read(join(dir, "b"), "results.json")));
  });

  it("refuse a bad scenario with the messages of the sources (zod's English messages, though the bundle keeps no other locale)", () => {
    const dir = mkdtempSync(join("out", "test-built-run-"));
    const file = join(dir, "bad.json");
    writeFileSync(file, JSON.stringify({ name: "bad", paths: -1, schemes: "all" }));
    const built = pacing(["run", file, "--out", join(dir, "o")]);
    const dev = tsx(["studies/rs1-pacing-thin-book.ts", "--config", file, "--out", join(dir, "o")]);
    expect(built.status).toBe(2);
    expect(built.stderr).toMatch(/\.market: Invalid input: expected object, received undefined/);
    expect(built.stderr).toMatch(/\.paths: must be an integer in \[1, 100000000\]; got -1/);
    expect(built.stderr).toBe(dev.stderr);
    expect(readdirSync("dist").filter((f) => f.endsWith(".js")).some((f) => readFileSync(join("dist", f), "utf8").includes("node_modules/zod/v4/locales/fr.js"))).toBe(false);
  });

  it("start every worker body from its bundle", () => {
    const bodies = ENTRY_POINTS.filter((e) => e.endsWith("-worker.ts"));
    expect(bodies.length).toBeGreaterThanOrEqual(2);
    for (const body of bodies) {
      const url = builtWorkerUrl(new URL(`../../${body}`, import.meta.url));
      expect(url.pathname.endsWith(`/dist/${body.split("/").at(-1)!.replace(/\.ts$/, ".js")}`), body).toBe(true);
      expect(existsSync(url), `${url}`).toBe(true);
    }
  });
});

describe("a stale build", () => {
  it("is refused with the command to rebuild, exit 1, no stack trace; the same copy runs when current", () => {
    // a copy of the package's built files and of the sources they were built from
    const root = mkdtempSync(join("out", "test-stale-build-"));
    const stamp = JSON.parse(readFileSync(STAMP_FILE, "utf8")) as BuildStamp;
    cpSync("dist", join(root, "dist"), { recursive: true });
    for (const f of stamp.files) { mkdirSync(dirname(join(root, f)), { recursive: true }); copyFileSync(f, join(root, f)); }
    expect(staleBuildReason(root)).toBeNull();
    expect(pacing(["--help"], root).status).toBe(0);

    appendFileSync(join(root, "src", "engine", "run-pacing.ts"), "\n// edited after the build\n");
    expect(staleBuildReason(root)).toMatch(/the sources changed since the last build .* — run `npm run build`/);
    for (const args of [["--help"], ["run", "--help"], ["run", "--out", join(root, "o"), "--paths", "64"]]) {
      const r = pacing(args, root);
      expect(r.status, args.join(" ")).toBe(1);
      expect(r.stderr.trim()).toMatch(/^error: dist\/build-stamp\.json: the sources changed since the last build \(\d+ files under .*src\/.*\) — run `npm run build`/);
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(r.stdout).toBe("");
    }
    expect(existsSync(join(root, "o"))).toBe(false);
  });

  it("without a stamp is reported as never built", () => {
    expect(staleBuildReason(mkdtempSync(join("out", "test-no-build-")))).toMatch(/^dist\/build-stamp\.json: not found — the JavaScript build is missing; run `npm run build`/);
  });
});
