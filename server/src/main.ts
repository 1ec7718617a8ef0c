import 'reflect-metadata';
import cluster from 'node:cluster';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory.js';
import { serveInProcesses } from './infra/cluster/serve-in-processes.js';
import { ConfigError, loadConfig } from './infra/config/config.js';
import { migrateOnce } from './database.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  if (cluster.isPrimary && config.migrateOnStart) {
    // Migrations run once, before any process serves, and once across instances on several machines
    // (a lock in Redis); the processes then start without them.
    await migrateOnce(config.databaseUrl, config.redis);
    process.env.MIGRATE_ON_START = 'false';
    config = { ...config, migrateOnStart: false };
  }
  const logger = new Logger('Main');
  await serveInProcesses(config.apiProcesses, async () => {
    const app = await createApp(cluster.isWorker ? loadConfig() : config);
    await app.listen({ port: config.port, host: '0.0.0.0' });
    if (!cluster.isWorker || cluster.worker?.id === 1) logger.log(`listening on ${config.publicBaseUrl} (API /api, docs /api/docs${config.h5Dir ? ', H5 /h5/' : ''})`);
  }, logger);
}

main().catch((error) => {
  process.stderr.write(`start-up failed: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
