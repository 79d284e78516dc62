/**
 * Fails fast, with the URL tried and the time waited, when Redis cannot be reached —
 * before BullMQ (which retries forever by design) gets a chance to hang.
 */
import { Redis } from "ioredis";
import { UsageError, message } from "../errors.ts";

/** Default wait for the first connection, seconds. */
export const CONNECT_TIMEOUT_SECONDS = 5;

/**
 * Checks `url` is a redis:// or rediss:// URL, with an optional database number as its path
 * (redis://host:6379/2).
 * @throws UsageError naming the flag and the value
 */
export function parseRedisUrl(url: string | undefined, flag = "--redis"): string {
  if (!url) throw new UsageError(`${flag}: a Redis URL is required — e.g. ${flag} redis://127.0.0.1:6379`);
  let u: URL | undefined;
  try { u = new URL(url); } catch { u = undefined; }
  if (!u || (u.protocol !== "redis:" && u.protocol !== "rediss:") || !u.hostname) {
    throw new UsageError(`${flag}: must be a redis:// or rediss:// URL with a host; got ${JSON.stringify(url)} — e.g. ${flag} redis://127.0.0.1:6379`);
  }
  if (u.pathname !== "" && u.pathname !== "/" && databaseOf(url) === undefined) {
    throw new UsageError(`${flag}: the database after the host must be a number, e.g. redis://127.0.0.1:6379/2; got ${JSON.stringify(u.pathname)} — drop it to use database 0`);
  }
  return url;
}

/** The database number in the URL's path (redis://host/N), or undefined when there is none. */
export function databaseOf(url: string): number | undefined {
  const m = /^\/(\d+)$/.exec(new URL(url).pathname);
  return m ? Number(m[1]) : undefined;
}

/**
 * Connects to `url` once, selects its database and sends PING, giving up after `timeoutSeconds`.
 * (ioredis only reports a failed SELECT as an event and goes on in database 0.)
 * @throws UsageError when the server has no such database
 * @throws Error `--redis <url>: cannot reach Redis within <t> s (<reason>) — <fix>`
 */
export async function checkRedis(url: string, timeoutSeconds = CONNECT_TIMEOUT_SECONDS): Promise<void> {
  const client = new Redis(url, {
    lazyConnect: true, connectTimeout: timeoutSeconds * 1000, maxRetriesPerRequest: 0,
    retryStrategy: () => null, enableOfflineQueue: false,
  });
  let lastError = "no answer";
  client.on("error", (e: Error) => { lastError = e.message || (e as NodeJS.ErrnoException).code || String(e); });
  let timer: NodeJS.Timeout | undefined;
  const db = databaseOf(url);
  try {
    await Promise.race([
      client.connect().then(async () => {
        if (db !== undefined) {
          await client.select(db).catch((e: Error) => {
            throw new UsageError(message(`--redis ${redacted(url)}`, `database ${db} does not exist on this server (${e.message})`, "use a database number below the server's `databases` setting (16 by default)"));
          });
        }
        return client.ping();
      }),
      new Promise((_, reject) => { timer = setTimeout(() => reject(new Error("timed out")), timeoutSeconds * 1000); }),
    ]);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const reason = (e as Error).message === "timed out" ? lastError : (e as Error).message || lastError;
    throw new Error(message(`--redis ${redacted(url)}`, `cannot reach Redis within ${timeoutSeconds} s (${reason})`,
      "start redis-server there (e.g. redis-server --port 6379), check host, port and password, or raise --connect-timeout"));
  } finally {
    clearTimeout(timer);
    client.disconnect();
  }
}

/** The URL with any password replaced by ***, for messages. */
export function redacted(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString().replace(/\/$/, "");
  } catch {
    return url;
  }
}
