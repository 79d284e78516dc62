/**
 * Fails fast, with the URL tried and the time waited, when Redis cannot be reached —
 * before BullMQ (which retries forever by design) gets a chance to hang.
 */
import { Redis } from "ioredis";
import { UsageError, message } from "../errors.ts";

/** Default wait for the first connection, seconds. */
export const CONNECT_TIMEOUT_SECONDS = 5;

/**
 * Checks `url` is a redis:// or rediss:// URL.
 * @throws UsageError naming the flag and the value
 */
export function parseRedisUrl(url: string | undefined, flag = "--redis"): string {
  if (!url) throw new UsageError(`${flag}: a Redis URL is required — e.g. ${flag} redis://127.0.0.1:6379`);
  let u: URL | undefined;
  try { u = new URL(url); } catch { u = undefined; }
  if (!u || (u.protocol !== "redis:" && u.protocol !== "rediss:") || !u.hostname) {
    throw new UsageError(`${flag}: must be a redis:// or rediss:// URL with a host; got ${JSON.stringify(url)} — e.g. ${flag} redis://127.0.0.1:6379`);
  }
  return url;
}

/**
 * Connects to `url` once and sends PING, giving up after `timeoutSeconds`.
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
  try {
    await Promise.race([
      client.connect().then(() => client.ping()),
      new Promise((_, reject) => { timer = setTimeout(() => reject(new Error("timed out")), timeoutSeconds * 1000); }),
    ]);
  } catch (e) {
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
