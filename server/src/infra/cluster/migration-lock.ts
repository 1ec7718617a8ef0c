import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

/** The lock expires this long after its holder last renewed it: a holder that died frees it by then. */
export const MIGRATION_LOCK_TTL_MS = 30_000;
const RENEW_EVERY_MS = MIGRATION_LOCK_TTL_MS / 3;
const POLL_MS = 500;

const RENEW = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";
const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

export interface MigrationLockLog {
  log(message: string): void;
  warn(message: string): void;
}

/** One lock per database, so deployments sharing a Redis do not wait on each other. */
export function migrationLockKey(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  return `mashang:migrations:${url.hostname}:${url.port || 3306}${url.pathname}`;
}

/**
 * Runs `migrate` while holding a lock in Redis, so instances starting together on several machines
 * migrate one after another: the first runs the pending migrations, the others then find none. The
 * database's own locks cannot serve: Galera does not replicate GET_LOCK, and a lock row would need
 * a table before the first migration. The holder renews the lock while it works; should it die, the
 * lock lapses after MIGRATION_LOCK_TTL_MS and the next instance runs what is still pending.
 */
export async function withMigrationLock<T>(redis: Redis, databaseUrl: string, migrate: () => Promise<T>, log: MigrationLockLog): Promise<T> {
  const key = migrationLockKey(databaseUrl);
  const token = randomUUID();
  let announced = false;
  while ((await redis.set(key, token, 'PX', MIGRATION_LOCK_TTL_MS, 'NX')) !== 'OK') {
    if (!announced) log.log('another instance is running the migrations: waiting for it');
    announced = true;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  const renewal = setInterval(() => {
    redis.eval(RENEW, 1, key, token, MIGRATION_LOCK_TTL_MS).then(
      (renewed) => renewed === 0 && log.warn('the migration lock lapsed while migrating (was Redis unreachable?)'),
      (error: Error) => log.warn(`could not renew the migration lock: ${error.message}`),
    );
  }, RENEW_EVERY_MS);
  try {
    return await migrate();
  } finally {
    clearInterval(renewal);
    await redis.eval(RELEASE, 1, key, token).catch(() => undefined);
  }
}
