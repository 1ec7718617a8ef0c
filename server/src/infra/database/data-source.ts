import { createConnection } from 'mysql2/promise';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';

/** The entity classes of every module, assembled by the app (`src/entities.ts`): infra knows no feature. */
export type EntityList = NonNullable<DataSourceOptions['entities']>;

/** Options used by the app, the CLI and the tests alike. Schema changes only through migrations. */
export function dataSourceOptions(databaseUrl: string, flavour: DatabaseFlavour, entities: EntityList, poolSize = 20): DataSourceOptions {
  return {
    type: flavour,
    url: databaseUrl,
    entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // Failed queries surface as exceptions: expected ones (a replayed idempotency key) are answered,
    // the rest reach the error filter, which logs them with an errorId. TypeORM's own logger would
    // print every failed statement with its parameters.
    logging: false,
    charset: 'utf8mb4_unicode_ci',
    // Instants are stored as UTC; the API and the exchange format add the +08:00 offset.
    timezone: 'Z',
    supportBigNumbers: true,
    bigNumberStrings: true,
    poolSize,
    extra: { connectionLimit: poolSize, maxIdle: poolSize, enableKeepAlive: true },
  };
}

export type DatabaseFlavour = 'mysql' | 'mariadb';

/**
 * MySQL/TiDB or MariaDB: both speak the same protocol, but TypeORM reads their catalogues
 * differently (MariaDB reports nullable defaults as the text 'NULL'), so the schema check needs to know.
 */
export async function detectFlavour(databaseUrl: string): Promise<DatabaseFlavour> {
  const connection = await createConnection(databaseUrl);
  try {
    const [rows] = await connection.query('SELECT VERSION() AS version');
    return /mariadb/i.test((rows as { version: string }[])[0].version) ? 'mariadb' : 'mysql';
  } finally {
    await connection.end();
  }
}

export async function openDataSource(databaseUrl: string, entities: EntityList, { migrate = false, poolSize = 20 } = {}): Promise<DataSource> {
  const dataSource = new DataSource(dataSourceOptions(databaseUrl, await detectFlavour(databaseUrl), entities, poolSize));
  await dataSource.initialize();
  if (migrate) await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}

/**
 * Drops and creates database `name` on the server of `serverUrl` and returns its URL. For tests
 * and benchmarks, which each work in a database of their own.
 */
export async function recreateDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = new URL(serverUrl);
  admin.pathname = '/';
  const connection = await createConnection(admin.toString());
  try {
    await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await connection.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
