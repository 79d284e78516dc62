/**
 * Executes every notebook in notebooks/ top to bottom at a small size, with Jupyter from
 * Debian (.ci/setup-jupyter.sh) and the tslab TypeScript kernel from node_modules, through
 * `jupyter nbconvert --execute`. A cell that throws fails the test (nbconvert exits non-zero).
 * Executed copies land in out/notebooks-executed/ as artefacts.
 */
import { describe, it, expect, beforeAll } from "vitest";
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const notebooks = readdirSync("notebooks").filter((f) => f.endsWith(".ipynb")).sort();
const kernelDir = resolve("out", "jupyter");
const executed = resolve("out", "notebooks-executed");
/** Notebooks on market data need ../shared/data (as the RS-3 tests do); without it they are skipped, not failed. */
const sharedData = existsSync(join("..", "shared", "data"));
const needsData = (name: string) => readFileSync(join("notebooks", name), "utf8").includes("shared/data");

/** Runs a command to completion; resolves with its exit status and stderr. */
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; stderr: string }> {
  return new Promise((ok) => {
    const child = spawn(cmd, args, { env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => { stderr += d; });
    child.on("close", (status) => ok({ status, stderr }));
  });
}

function jupyterAvailable(): boolean {
  try { execFileSync("jupyter", ["nbconvert", "--version"], { stdio: "ignore" }); return true; } catch { return false; }
}

// Skip only on a developer machine without Jupyter; CI installs it, so there a missing Jupyter fails.
const skip = !jupyterAvailable() && !process.env.CI;

describe.skipIf(skip)("notebooks run top to bottom (small size)", () => {
  beforeAll(() => {
    // A kernelspec for this checkout's tslab, found through JUPYTER_PATH (no global install).
    mkdirSync(join(kernelDir, "kernels", "tslab"), { recursive: true });
    writeFileSync(join(kernelDir, "kernels", "tslab", "kernel.json"), JSON.stringify({
      argv: [resolve("node_modules", ".bin", "tslab"), "kernel", "--config-path", "{connection_file}"],
      display_name: "TypeScript", language: "typescript",
    }));
    mkdirSync(executed, { recursive: true });
  });

  it("has notebooks", () => expect(notebooks.length).toBeGreaterThan(0));

  for (const name of notebooks) {
    // concurrent: each notebook is its own kernel process, so two run side by side
    const test = needsData(name) && !sharedData ? it.skip : it.concurrent;
    test(name, async () => {
      const r = await run("jupyter", ["nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.timeout=180",
        "--output-dir", executed, join("notebooks", name)],
        { ...process.env, JUPYTER_PATH: kernelDir, NOTEBOOK_PATHS: "256", NOTEBOOK_STEPS: "365", PYDEVD_DISABLE_FILE_VALIDATION: "1" });
      if (r.status !== 0) throw new Error(`${name}: nbconvert exited ${r.status}\n${r.stderr.split("\n").slice(-40).join("\n")}`);
      const nb = JSON.parse(readFileSync(join(executed, name), "utf8")) as { cells: { cell_type: string; outputs?: { output_type: string }[] }[] };
      const errors = nb.cells.flatMap((c) => (c.outputs ?? []).filter((o) => o.output_type === "error"));
      expect(errors).toEqual([]);
    }, 250_000);
  }
});
