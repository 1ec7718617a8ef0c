import { migratedDataSource } from './support/test-app.js';

describe('schema', () => {
  it('the migrations build exactly what the entities describe, and all roll back cleanly', async () => {
    const dataSource = await migratedDataSource('schema');
    try {
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
      for (let i = 0; i < dataSource.migrations.length; i++) await dataSource.undoLastMigration();
      const tables: unknown[] = await dataSource.query("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name <> 'schema_migrations'");
      expect(tables).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });
});
