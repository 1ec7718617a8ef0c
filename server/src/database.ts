import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { withMigrationLock } from './infra/cluster/migration-lock.js';
import type { RedisTarget } from './infra/config/config.js';
import { openDataSource } from './infra/database/data-source.js';
import { redisOptions } from './infra/redis/redis-options.js';
import { ENTITIES } from './entities.js';

/** The application's database with every module's entities: for the CLI, tests and benchmarks. */
export function openDatabase(databaseUrl: string, options: { migrate?: boolean; poolSize?: number } = {}): Promise<DataSource> {
  return openDataSource(databaseUrl, ENTITIES, options);
}

/**
 * Applies the pending migrations once however many instances start together: under the migration
 * lock in the shared Redis (infra/cluster/migration-lock.ts). With none pending — every start but a
 * deploy's — Redis is not asked, so a process replacing one that died starts while Redis is away.
 */
export async function migrateOnce(databaseUrl: string, redis: RedisTarget, logger = new Logger('Migrations')): Promise<void> {
  const probe = await openDatabase(databaseUrl, { migrate: false, poolSize: 1 });
  // On an empty database the probe creates the migrations table, racing other instances: any
  // doubt, and the migrations go under the lock.
  const pending = await probe.showMigrations().catch(() => true);
  await probe.destroy();
  if (!pending) return;
  const client = new Redis({ ...redisOptions(redis), lazyConnect: true });
  client.on('error', (error: Error) => logger.warn(`Redis: ${error.message}`));
  try {
    await withMigrationLock(client, databaseUrl, async () => {
      await (await openDatabase(databaseUrl, { migrate: true, poolSize: 1 })).destroy();
    }, logger);
  } finally {
    client.disconnect();
  }
}
