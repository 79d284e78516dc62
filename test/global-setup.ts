import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";

/** A scratch folder a test makes with mkdtempSync(join("out", "test-…-")): mkdtemp adds six characters. */
const SCRATCH = /^test-[a-z0-9-]+-[A-Za-z0-9]{6}$/;

/**
 * Test artefacts and scratch folders live under out/ (gitignored); a fresh clone has none. The
 * scratch folders a run makes are removed when it ends, unless KEEP_TEST_OUTPUT=1 (to look at
 * them after a failure); folders that were there before the run are left alone.
 */
export default function setup(): () => void {
  mkdirSync("out", { recursive: true });
  const before = new Set(readdirSync("out"));
  return () => {
    if (process.env.KEEP_TEST_OUTPUT === "1") return;
    for (const name of readdirSync("out")) {
      if (!before.has(name) && SCRATCH.test(name)) rmSync(join("out", name), { recursive: true, force: true });
    }
  };
}
