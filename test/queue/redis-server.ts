/** Starts and stops a private redis-server on a free loopback port (Debian's redis-server; .ci/setup-redis.sh). */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { mkdtempSync } from "node:fs";
import { join, resolve } from "node:path";

export interface TestRedis {
  url: string;
  port: number;
  dir: string;
  process: ChildProcess;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => done(port));
    });
  });
}

/** Starts redis-server with an append-only file in `dir` (so a restart keeps the queue), resolving when it accepts connections. */
export async function startRedis(port?: number, dir?: string): Promise<TestRedis> {
  const p = port ?? await freePort();
  const d = dir ?? mkdtempSync(resolve("out", "test-redis-"));
  const child = spawn("redis-server", [
    "--port", String(p), "--bind", "127.0.0.1", "--dir", d, "--save", "",
    "--appendonly", "yes", "--appendfsync", "always", "--protected-mode", "yes",
  ], { stdio: ["ignore", "pipe", "pipe"] });
  await new Promise<void>((done, fail) => {
    let log = "";
    const timer = setTimeout(() => fail(new Error(`redis-server did not start on port ${p}: ${log}`)), 10_000);
    child.stdout!.on("data", (b: Buffer) => {
      log += b.toString();
      if (log.includes("Ready to accept connections")) { clearTimeout(timer); done(); }
    });
    child.once("exit", (code) => { clearTimeout(timer); fail(new Error(`redis-server exited (${code}): ${log}`)); });
  });
  return { url: `redis://127.0.0.1:${p}`, port: p, dir: join(d), process: child };
}

/** Stops the server (SIGTERM: it flushes the append-only file) and waits for it to exit. */
export function stopRedis(r: TestRedis): Promise<void> {
  if (r.process.exitCode !== null || r.process.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    r.process.once("exit", () => done());
    r.process.kill("SIGTERM");
  });
}
