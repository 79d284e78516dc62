/**
 * The package as a user gets it: `npm pack`, the tarball installed into a scratch folder outside
 * the project (offline, from npm's cache, at the versions of this project's lock file), and a
 * TypeScript file there that imports { runPacing, rs1Scenario } from the package by name and
 * runs RS-1 at 1,000 paths — type-checked against the shipped declarations, run through tsx
 * (which the scratch folder does not have as a package: the workers start from the bundle),
 * and its numbers equal the sources'. The installed `pacing` bin answers too.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { rs1Scenario } from "../../src/scenario/presets/rs1.ts";
import { validateScenario } from "../../src/scenario/validate-scenario.ts";
import { runPacing } from "../../src/engine/run-pacing.ts";
import { requireCurrentBuild } from "./built.ts";

const project = resolve(".");
const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { name: string; dependencies: Record<string, string> };
const scratch = mkdtempSync(join(tmpdir(), "pacing-pack-"));

const CONSUMER = `import { runPacing, rs1Scenario, validateScenario, type PacingRun } from "${pkg.name}";

const scenario = validateScenario({ ...rs1Scenario, paths: 1000 });
const run: PacingRun = await runPacing(scenario, { workers: 2 });
const ruined = run.blocks.map((b) => b.schemes.map((s) => s.ruined));
console.log(JSON.stringify({ paths: scenario.paths, workers: run.timing.workers, ruined }));
`;

/** Runs a command in the scratch folder; throws with its output when it fails. */
function inScratch(command: string, args: string[]): string {
  const r = spawnSync(command, args, { cwd: scratch, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${command} ${args.join(" ")} exited ${r.status}\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

beforeAll(() => {
  requireCurrentBuild();
  // --ignore-scripts: `npm test` has just built dist/ (prepare would rebuild it); the stamp says it is current
  const tarball = spawnSync("npm", ["pack", "--ignore-scripts", "--silent", "--pack-destination", scratch], { encoding: "utf8" }).stdout.trim().split("\n").at(-1)!;
  expect(existsSync(join(scratch, tarball)), `npm pack wrote ${tarball}`).toBe(true);
  // the tarball plus the project's runtime dependencies, resolved by the project's lock file (offline)
  writeFileSync(join(scratch, "package.json"), JSON.stringify({ name: "scratch", private: true, type: "module", dependencies: { ...pkg.dependencies, [pkg.name]: `file:./${tarball}` } }));
  copyFileSync("package-lock.json", join(scratch, "package-lock.json"));
  inScratch("npm", ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"]);
  writeFileSync(join(scratch, "consumer.ts"), CONSUMER);
}, 180_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("the packed package, installed outside the project", () => {
  it("ships the built entry, the declarations, the kernel and the bin, and no tsx", () => {
    const installed = join(scratch, "node_modules", pkg.name);
    for (const f of ["dist/index.js", "dist/pacing.js", "dist/pacing-worker.js", "dist/types/src/index.d.ts", "build/kernel.wasm", "dist/build-stamp.json"]) {
      expect(existsSync(join(installed, f)), f).toBe(true);
    }
    expect(readdirSync(join(scratch, "node_modules"))).not.toContain("tsx");
  });

  it("type-checks a TypeScript file importing it by name against the shipped declarations", () => {
    const tsc = join(project, "node_modules", "typescript", "bin", "tsc");
    inScratch(process.execPath, [tsc, "--noEmit", "--strict", "--skipLibCheck", "--module", "nodenext", "--moduleResolution", "nodenext",
      "--target", "es2022", "--types", "node", "--typeRoots", join(project, "node_modules", "@types"), "consumer.ts"]);
  });

  it("runs RS-1 at 1,000 paths from that file, with the sources' results", async () => {
    const out = JSON.parse(inScratch(join(project, "node_modules", ".bin", "tsx"), ["consumer.ts"]));
    const scenario = validateScenario({ ...rs1Scenario, paths: 1000 });
    const run = await runPacing(scenario, { workers: 1 });
    expect(out).toEqual({ paths: 1000, workers: 2, ruined: run.blocks.map((b) => b.schemes.map((s) => s.ruined)) });
  });

  it("installs the pacing bin, which lists its commands", () => {
    expect(inScratch(join(scratch, "node_modules", ".bin", "pacing"), ["--help"])).toMatch(/^Usage: pacing <command>/);
  });
});
