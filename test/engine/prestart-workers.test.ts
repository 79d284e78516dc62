/**
 * Workers started ahead of a run (prestartWorkers, as `pacing run` does) are the ones the run
 * uses; one that died meanwhile is replaced; the results are those of a run without them; and
 * until a run takes them they do not keep the process alive.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { runPacing } from "../../src/engine/run-pacing.ts";
import { prestartWorkers, waitingWorkers } from "../../src/engine/worker-pool.ts";
import { documentBytes, smallRs1 } from "../shard/helpers.ts";

const scenario = smallRs1(640, 60, 3);
const options = { workers: 2, blockPaths: 128, tracePaths: 8 } as const;
let inThread = "";

/** Runs an ES module snippet (through tsx) in a child process; a process held open would be killed by the timeout. */
function child(script: string) {
  return spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8", timeout: 60_000 });
}

beforeAll(async () => {
  inThread = documentBytes(scenario, await runPacing(scenario, { ...options, workers: 1 }), 128); // any worker count gives these bytes
});

describe("prestartWorkers", () => {
  it("gives workers that the next run takes, with the results of a run that started its own; a dead one is replaced", async () => {
    prestartWorkers(2);
    expect(waitingWorkers()).toBe(2);
    const run = await runPacing(scenario, options);
    expect(waitingWorkers()).toBe(0);
    expect(run.timing.workers).toBe(2);
    expect(documentBytes(scenario, run, 128)).toBe(inThread);

    const [dead] = prestartWorkers(2);
    await dead.terminate();
    expect(documentBytes(scenario, await runPacing(scenario, options), 128)).toBe(inThread);
    expect(waitingWorkers()).toBe(0);
  });

  it("does not keep a process alive that never runs (one that stops at a usage error)", () => {
    const idle = child(`import { prestartWorkers } from "./src/engine/worker-pool.ts"; prestartWorkers(2); console.log("started");`);
    expect(idle.error).toBeUndefined();
    expect([idle.status, idle.stdout]).toEqual([0, "started\n"]);
  });
});
