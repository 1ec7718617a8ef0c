import type { RedisOptions } from 'ioredis';
import type { RedisTarget } from '../config/config.js';

/** Reconnect attempts come every 0.2 s at first, then every 2 s at most: a restarted Redis is found at once. */
export function reconnectDelay(attempt: number): number {
  return Math.min(attempt * 200, 2_000);
}

/**
 * After a failover the old master may come back as a replica while a connection still points at it:
 * its writes answer READONLY. Reconnecting asks the Sentinels again and resends the command.
 */
export function reconnectOnReadOnly(error: Error): 1 | 2 | false {
  return error.message.startsWith('READONLY') ? 2 : false;
}

function fromUrl(url: string): RedisOptions {
  const u = new URL(url);
  const db = Number(u.pathname.slice(1) || 0);
  return {
    ...(u.hostname ? { host: u.hostname.replace(/^\[|\]$/g, '') } : {}),
    ...(u.port ? { port: Number(u.port) } : {}),
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(Number.isInteger(db) && db > 0 ? { db } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}

/**
 * ioredis options for the configured Redis, shared by the app's client, Bull's connections and the
 * CLI. With Sentinels, a client asks them for the master, follows a failover they announce
 * (`failoverDetector`) and reconnects on READONLY; REDIS_URL then gives only credentials and database.
 */
export function redisOptions(target: RedisTarget): RedisOptions {
  const common: RedisOptions = { retryStrategy: reconnectDelay };
  if (!target.sentinels) return { ...fromUrl(target.url!), ...common };
  const fromTarget = target.url ? fromUrl(target.url) : {};
  const credentials = { username: fromTarget.username, password: fromTarget.password, db: fromTarget.db };
  return {
    ...Object.fromEntries(Object.entries(credentials).filter(([, value]) => value !== undefined)),
    ...common,
    sentinels: target.sentinels.map(({ host, port }) => ({ host, port })),
    name: target.sentinelName!,
    failoverDetector: true,
    reconnectOnError: reconnectOnReadOnly,
  };
}
