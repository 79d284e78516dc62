/**
 * npm run worker -- --redis URL [--threads N] [--concurrency N] [--lock-seconds S]
 *
 * Takes shard jobs from the queue and stores their results in Redis, until stopped
 * (Ctrl-C / SIGTERM: running shards go back to the queue). Run one per machine, from the
 * same checkout (with build/kernel.wasm built), all pointing at the same Redis.
 */
import { availableParallelism } from "node:os";
import { parseFlags, helpText, intFlag, runCli, type CommandSpec } from "../src/cli/run-cli.ts";
import { parseRedisUrl, checkRedis, redacted, CONNECT_TIMEOUT_SECONDS } from "../src/queue/check-redis.ts";
import { startShardWorker } from "../src/queue/shard-worker.ts";
import { isMainModule } from "../src/cli/is-main-module.ts";

const command = {
  name: "worker",
  usage: "Usage: npm run worker -- --redis URL [options]\n\nProcesses shard jobs queued by `npm run queue` until stopped.",
  flags: {
    redis: { type: "string" }, threads: { type: "string" }, concurrency: { type: "string" },
    "lock-seconds": { type: "string" }, "connect-timeout": { type: "string" }, quiet: { type: "boolean" },
  },
  help: {
    redis: "Redis URL (required), e.g. redis://10.0.0.5:6379",
    threads: "worker threads per shard (default: all cores)",
    concurrency: "shards run at once (default 1)",
    "lock-seconds": "job lock: a dead worker's shard is retried elsewhere after this long (default 30)",
    "connect-timeout": `fail when Redis does not answer within this many seconds (default ${CONNECT_TIMEOUT_SECONDS})`,
    quiet: "no log lines",
  },
} satisfies CommandSpec<Record<string, { type: "string" | "boolean" }>>;

/** The worker command (argv without node and script); resolves when stopped by a signal. */
export async function main(argv = process.argv.slice(2)): Promise<void> {
  const { values } = parseFlags(command, argv);
  if (values.help) { process.stdout.write(helpText(command)); return; }
  const url = parseRedisUrl(values.redis as string | undefined);
  await checkRedis(url, intFlag("connect-timeout", values["connect-timeout"] as string | undefined, 1, 3600));
  const log = values.quiet ? () => {} : (line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);
  const worker = startShardWorker({
    url, log,
    threads: intFlag("threads", values.threads as string | undefined, 1, 256) ?? availableParallelism(),
    concurrency: intFlag("concurrency", values.concurrency as string | undefined, 1, 64),
    lockSeconds: intFlag("lock-seconds", values["lock-seconds"] as string | undefined, 1, 3600),
  });
  log(`worker ${process.pid} on ${redacted(url)}: waiting for shard jobs`);
  await new Promise<void>((done) => {
    const stop = () => { log("stopping"); worker.close().then(done, done); };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}

if (isMainModule(import.meta.url)) runCli(main);
