import type { DataSource } from 'typeorm';
import { openDataSource } from './infra/database/data-source.js';
import { ENTITIES } from './entities.js';

/** The application's database with every module's entities: for the CLI, tests and benchmarks. */
export function openDatabase(databaseUrl: string, options: { migrate?: boolean; poolSize?: number } = {}): Promise<DataSource> {
  return openDataSource(databaseUrl, ENTITIES, options);
}
