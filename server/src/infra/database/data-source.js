import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';
import { ENTITIES } from './entities.js';
/** Options used by the app, the CLI and the tests alike. Schema changes only through migrations. */
export function dataSourceOptions(databaseUrl, flavour, poolSize = 20) {
    return {
        type: flavour,
        url: databaseUrl,
        entities: ENTITIES,
        migrations: MIGRATIONS,
        migrationsTableName: 'schema_migrations',
        migrationsTransactionMode: 'each',
        synchronize: false,
        logging: ['error'],
        charset: 'utf8mb4_unicode_ci',
        // Instants are stored as UTC; the API and the exchange format add the +08:00 offset.
        timezone: 'Z',
        supportBigNumbers: true,
        bigNumberStrings: true,
        poolSize,
        extra: { connectionLimit: poolSize, maxIdle: poolSize, enableKeepAlive: true },
    };
}
/**
 * MySQL/TiDB or MariaDB: both speak the same protocol, but TypeORM reads their catalogues
 * differently (MariaDB reports nullable defaults as the text 'NULL'), so the schema check needs to know.
 */
export async function detectFlavour(databaseUrl) {
    const connection = await createConnection(databaseUrl);
    try {
        const [rows] = await connection.query('SELECT VERSION() AS version');
        return /mariadb/i.test(rows[0].version) ? 'mariadb' : 'mysql';
    }
    finally {
        await connection.end();
    }
}
export async function openDataSource(databaseUrl, { migrate = false, poolSize = 20 } = {}) {
    const dataSource = new DataSource(dataSourceOptions(databaseUrl, await detectFlavour(databaseUrl), poolSize));
    await dataSource.initialize();
    if (migrate)
        await dataSource.runMigrations({ transaction: 'each' });
    return dataSource;
}
