/**
 * The README's "Use as a library" example, run as written: extracted from README.md into a
 * file under out/ (inside the package, so `leverage-pacing-toolkit` resolves to this package's
 * built entry by name) and run through tsx. Its printed numbers equal the same computation on
 * the TypeScript sources: the built library and the sources agree.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { rs1Scenario } from "../../src/scenario/presets/rs1.ts";
import { validateScenario } from "../../src/scenario/validate-scenario.ts";
import { runPacing } from "../../src/engine/run-pacing.ts";
import { pacingDocument } from "../../src/engine/pacing-document.ts";
import { DEFAULT_BLOCK_PATHS } from "../../src/engine/block-plan.ts";
import { requireCurrentBuild, tsx } from "./built.ts";

beforeAll(requireCurrentBuild);

/** The first ```ts block of the README section titled `title`. */
function readmeExample(title: string): string {
  const readme = readFileSync("README.md", "utf8");
  const start = readme.indexOf(`\n## ${title}\n`);
  if (start < 0) throw new Error(`README.md: no section "## ${title}"`);
  const section = readme.slice(start, readme.indexOf("\n## ", start + 1));
  const code = /```ts\n([\s\S]*?)```/.exec(section);
  if (!code) throw new Error(`README.md, "## ${title}": no \`\`\`ts block`);
  return code[1];
}

describe('README "Use as a library"', () => {
  it("imports the package by name and prints RS-1's ruin probabilities with intervals, equal to the sources'", async () => {
    const code = readmeExample("Use as a library");
    expect(code).toMatch(/from "leverage-pacing-toolkit"/);
    const dir = mkdtempSync(join("out", "test-readme-example-"));
    writeFileSync(join(dir, "example.ts"), code);
    const r = tsx([join(dir, "example.ts")]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);

    const scenario = validateScenario({ ...rs1Scenario, paths: 1000, seed: 7 });
    const doc = pacingDocument(scenario, await runPacing(scenario, { workers: 1 }), { gitRevision: "x", date: "x", blockPaths: DEFAULT_BLOCK_PATHS });
    const f = (x: number | null) => x?.toFixed(3);
    const expected = Object.entries(doc.schemes).map(([s, m]) =>
      `${s.padEnd(10)} ruin probability ${f(m.ruin_probability.estimate)} [${f(m.ruin_probability.lo)}, ${f(m.ruin_probability.hi)}]`);
    expect(expected).toHaveLength(6);
    expect(r.stdout.trimEnd().split("\n")).toEqual(expected);
  });
});
