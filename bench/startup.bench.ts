/**
 * Start-up benchmark of the built commands (README, Performance): the whole process of full
 * RS-1 (10,000 paths) through `npm start` and through `node dist/pacing.js run`, `--help` of
 * every command, and for scale `node -e 0` and an npm script that runs nothing. Each command
 * runs `--runs` times, interleaved run by run (the machine's slow stretches fall on all alike);
 * it prints the median and best wall clock and the median CPU seconds (user + system of the
 * process and its children, steadier than the wall clock on a shared machine), with the load
 * average before and after. For the RS-1 runs it adds the run's own timing from results.json.
 *
 * `--base DIR` also times the same commands of another built checkout of this package (e.g.
 * an older commit: `git archive REV | tar -x -C DIR`, link node_modules, `npm run build` there),
 * interleaved with these, so a change is measured against its baseline under the same load.
 *
 *   npx tsx bench/startup.bench.ts [--runs 9] [--only rs1|help] [--base DIR] [--out FILE.json]
 *
 * Run `npm run build` first; the results go to stdout and, with --out, to a JSON file.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg, cpus } from "node:os";
import { dirname, join, resolve } from "node:path";
import { COMMANDS } from "../src/cli/commands.ts";
import { helpText, intFlag, parseFlags, runCli, type CommandSpec } from "../src/cli/run-cli.ts";
import { UsageError } from "../src/errors.ts";
import { isMainModule } from "../src/cli/is-main-module.ts";

const command = {
  name: "bench/startup",
  usage: "Usage: npx tsx bench/startup.bench.ts [options]\n\nWall clock and CPU of the built commands' whole processes (npm start, pacing run, every --help).",
  flags: { runs: { type: "string" }, only: { type: "string" }, base: { type: "string" }, out: { type: "string" } },
  help: {
    runs: "runs of each command, interleaved (default 9)",
    only: "rs1 (the two full RS-1 runs) or help (every --help, node -e 0); default both",
    base: "another built checkout of this package, timed interleaved with this one",
    out: "also write the figures to this JSON file",
  },
} satisfies CommandSpec<Record<string, { type: "string" }>>;

/** One timed command: `shell` runs in `cwd`; `results`, when set, is the results.json whose timing is read after each run. */
interface Probe { label: string; shell: string; results?: string }

/** Wall and CPU seconds of one run, and the run's own timing when it wrote results.json. */
interface Sample { wall: number; cpu: number; timing?: Record<string, number> }

/** The probes of one checkout at `root`. */
function probes(root: string, only: string | undefined): Probe[] {
  const rs1: Probe[] = [
    { label: "npm start (full RS-1)", shell: "npm start", results: join(root, "out/rs1/results.json") },
    { label: "node dist/pacing.js run (full RS-1)", shell: "node dist/pacing.js run --out out/rs1-startup --quiet", results: join(root, "out/rs1-startup/results.json") },
  ];
  const help: Probe[] = [
    { label: "pacing --help", shell: "node dist/pacing.js --help" },
    ...COMMANDS.map((c) => ({ label: `pacing ${c.name} --help`, shell: `node dist/pacing.js ${c.name} --help` })),
    { label: "npm run pacing -- --help", shell: "npm run pacing -- --help" },
  ];
  const scale: Probe[] = [{ label: "node -e 0 (Node itself)", shell: "node -e 0" }];
  return only === "rs1" ? rs1 : only === "help" ? [...help, ...scale] : [...rs1, ...help, ...scale];
}

/**
 * Runs `shell` once in `cwd` under bash's `time`, which counts the CPU of every child process.
 * @throws Error with the command's output when it fails
 */
function timeOnce(shell: string, cwd: string): { wall: number; cpu: number } {
  const r = spawnSync("bash", ["-c", `TIMEFORMAT='%R %U %S'; time ( ${shell} >/dev/null 2>"$BENCH_ERR" )`], {
    cwd, encoding: "utf8", env: { ...process.env, BENCH_ERR: join(cwd, "out", ".bench-startup.err") },
  });
  const m = /(\d+\.\d+) (\d+\.\d+) (\d+\.\d+)\s*$/.exec(r.stderr);
  if (r.status !== 0 || !m) {
    const err = existsSync(join(cwd, "out", ".bench-startup.err")) ? readFileSync(join(cwd, "out", ".bench-startup.err"), "utf8") : r.stderr;
    throw new Error(`bench: \`${shell}\` in ${cwd} failed (exit ${r.status}): ${err.trim().split("\n").slice(-3).join(" / ")}`);
  }
  return { wall: Number(m[1]), cpu: Number(m[2]) + Number(m[3]) };
}

/** The middle value (the lower of the two middle ones for an even count) and the least. */
function medianBest(xs: number[]): { median: number; best: number } {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[(s.length - 1) >> 1], best: s[0] };
}

const fmt = (x: number) => x.toFixed(3);

/** Runs the benchmark (see the module comment). @throws UsageError for a bad flag */
export async function main(argv = process.argv.slice(2)): Promise<void> {
  const { values } = parseFlags(command, argv);
  if (values.help) { process.stdout.write(helpText(command)); return; }
  const runs = intFlag("runs", values.runs, 1, 1000) ?? 9;
  if (values.only !== undefined && values.only !== "rs1" && values.only !== "help") throw new UsageError(`--only: must be rs1 or help; got ${JSON.stringify(values.only)}`);
  const root = resolve(dirname(new URL(import.meta.url).pathname), "..");
  const roots: [string, string][] = [["this", root]];
  if (values.base !== undefined) {
    if (!existsSync(join(values.base, "dist", "pacing.js"))) throw new UsageError(`--base ${values.base}: no dist/pacing.js there — build that checkout first (npm run build in it)`);
    roots.push(["base", resolve(values.base)]);
  }
  const plan = roots.flatMap(([name, dir]) => probes(dir, values.only).map((p) => ({ name, dir, probe: p, samples: [] as Sample[] })));
  for (const [, dir] of roots) {
    mkdirSync(join(dir, "out"), { recursive: true });
    timeOnce("node dist/pacing.js --help", dir); // fails here, with the rebuild command, when dist/ is stale
  }
  const loadBefore = loadavg();
  process.stderr.write(`load average ${loadBefore.map((l) => l.toFixed(2)).join(" ")}, ${cpus().length} cores, node ${process.version}; ${runs} runs of ${plan.length} commands, interleaved\n`);
  for (let i = 0; i < runs; i++) {
    for (const p of plan) {
      const t = timeOnce(p.probe.shell, p.dir);
      const timing = p.probe.results ? (JSON.parse(readFileSync(p.probe.results, "utf8")) as { timing: Record<string, number> }).timing : undefined;
      p.samples.push({ ...t, timing });
    }
    process.stderr.write(`\rrun ${i + 1}/${runs}`);
  }
  process.stderr.write("\n");
  const rows = plan.map((p) => {
    const wall = medianBest(p.samples.map((s) => s.wall)), cpu = medianBest(p.samples.map((s) => s.cpu));
    const own = p.probe.results ? {
      simulation: medianBest(p.samples.map((s) => s.timing!.simulation_seconds)).median,
      worker_startup: medianBest(p.samples.map((s) => s.timing!.worker_startup_seconds)).median,
      total: medianBest(p.samples.map((s) => s.timing!.total_seconds)).median,
    } : undefined;
    return { checkout: p.name, command: p.probe.label, wall, cpu, own_timing_median: own };
  });
  const width = Math.max(...rows.map((r) => r.command.length)) + (roots.length > 1 ? 7 : 0);
  for (const r of rows) {
    const label = roots.length > 1 ? `[${r.checkout}] ${r.command}` : r.command;
    process.stdout.write(`${label.padEnd(width)}  wall median ${fmt(r.wall.median)} s  best ${fmt(r.wall.best)} s   cpu median ${fmt(r.cpu.median)} s  best ${fmt(r.cpu.best)} s\n`);
    if (r.own_timing_median) {
      const o = r.own_timing_median;
      process.stdout.write(`${"".padEnd(width)}  its results.json (medians): worker start-up ${fmt(o.worker_startup)} s, simulation ${fmt(o.simulation)} s, study total ${fmt(o.total)} s\n`);
    }
  }
  const loadAfter = loadavg();
  process.stdout.write(`load average before ${loadBefore.map((l) => l.toFixed(2)).join(" ")}, after ${loadAfter.map((l) => l.toFixed(2)).join(" ")}\n`);
  if (values.out !== undefined) {
    writeFileSync(values.out, JSON.stringify({ date: new Date().toISOString(), node: process.version, cores: cpus().length, runs, load_before: loadBefore, load_after: loadAfter, rows }, null, 2) + "\n");
  }
}

if (isMainModule(import.meta.url)) runCli(main);
