/**
 * What the queue tests share: waiting for a condition, and the results.json of a study run
 * in one process or through the queue, in the comparable form (timing and dates aside).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { main as study } from "../../studies/rs1-pacing-thin-book.ts";
import { runQueued } from "../../src/queue/run-queued.ts";
import { writePacingOutputs } from "../../src/engine/write-pacing-outputs.ts";
import { comparable } from "../shard/helpers.ts";

/** The study every queue test runs. */
export const STUDY = "studies/rs1-pacing-thin-book.ts";

/** Polls `check` every 100 ms until it holds; throws naming `what` after `seconds`. */
export async function until(check: () => boolean | Promise<boolean>, what: string, seconds = 60): Promise<void> {
  const end = Date.now() + seconds * 1000;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The results.json of one in-process study run with `flags`, written to dir/name. */
export async function singleResults(dir: string, name: string, flags: string[]): Promise<string> {
  await study([...flags, "--workers", "1", "--quiet", "--out", join(dir, name)]);
  return comparable(readFileSync(join(dir, name, "results.json"), "utf8"));
}

/** The results.json of the same study run through the queue at `url` in `shards` shards. */
export async function queuedResults(url: string, dir: string, name: string, flags: string[], shards: number): Promise<string> {
  const merged = await runQueued({ url, study: STUDY, args: flags, shards });
  writePacingOutputs(join(dir, name), merged.scenario, merged.run, { gitRevision: "x", date: "x", blockPaths: merged.blockPaths });
  return comparable(readFileSync(join(dir, name, "results.json"), "utf8"));
}
