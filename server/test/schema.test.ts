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

describe('officer visits migration', () => {
  it('fills each officer and item row from its inspection, batch after batch, and drops rows whose inspection is gone', async () => {
    const dataSource = await migratedDataSource('officer_visits_migration');
    try {
      // Back to before the officer visits: it and the migrations after it are undone.
      const newer = dataSource.migrations.length - 1 - dataSource.migrations.findIndex((m) => m.name === 'OfficerVisits1764500000000');
      for (let i = 0; i <= newer; i++) await dataSource.undoLastMigration();
      // More inspections than one backfill statement takes, so the batches' boundaries are crossed.
      const count = 6001;
      const started = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 60_000);
      const inspections = Array.from({ length: count }, (_, i) => [
        `I${String(i).padStart(5, '0')}`, `A${i % 3}`, `91410000MA${String(i).padStart(8, '0')}`, 'planned', null, started(i), new Date(started(i).getTime() + 1800_000), 1, null, 'pass',
      ]);
      await dataSource.query('INSERT INTO inspections (id, agency_id, credit_code, trigger_type, joint_id, started_at, finished_at, coded, coded_at, result) VALUES ?', [inspections]);
      const officers = inspections.flatMap(([id], i) => (i % 2 ? [[id, 'O1', 0], [id, 'O2', 1]] : [[id, 'O1', 0]]));
      await dataSource.query('INSERT INTO inspection_officers (inspection_id, officer_id, position) VALUES ?', [[...officers, ['GONE', 'O1', 0]]]);
      const items = inspections.flatMap(([id], i) => (i % 3 ? [[id, 'IT1', 0]] : [[id, 'IT1', 0], [id, 'IT2', 1]]));
      await dataSource.query('INSERT INTO inspection_items (inspection_id, item_id, position) VALUES ?', [[...items, ['GONE', 'IT1', 0]]]);
      await dataSource.query("UPDATE inspections SET trigger_type = 'complaint' WHERE id = 'I06000'");

      await dataSource.runMigrations();

      const [{ joined, wrong }] = await dataSource.query(
        `SELECT COUNT(*) AS joined, SUM(io.agency_id <> i.agency_id OR io.credit_code <> i.credit_code OR io.started_at <> i.started_at OR io.finished_at <> i.finished_at) AS wrong
         FROM inspection_officers io JOIN inspections i ON i.id = io.inspection_id`,
      );
      expect([Number(joined), Number(wrong)]).toEqual([officers.length, 0]);
      const [{ all }] = await dataSource.query('SELECT COUNT(*) AS `all` FROM inspection_officers');
      expect(Number(all)).toBe(officers.length);
      const [last] = await dataSource.query("SELECT agency_id, credit_code, started_at FROM inspection_officers WHERE inspection_id = 'I06000' AND officer_id = 'O1'");
      expect(last).toEqual({ agency_id: 'A0', credit_code: '91410000MA00006000', started_at: started(6000) });

      const [itemRows] = await dataSource.query(
        `SELECT COUNT(*) AS joined, SUM(ii.trigger_type <> i.trigger_type OR ii.started_at <> i.started_at) AS wrong, (SELECT COUNT(*) FROM inspection_items) AS \`all\`
         FROM inspection_items ii JOIN inspections i ON i.id = ii.inspection_id`,
      );
      expect([Number(itemRows.joined), Number(itemRows.wrong), Number(itemRows.all)]).toEqual([items.length, 0, items.length]);
      expect(await dataSource.query("SELECT item_id, trigger_type, started_at FROM inspection_items WHERE inspection_id = 'I06000' ORDER BY position"))
        .toEqual([{ item_id: 'IT1', trigger_type: 'complaint', started_at: started(6000) }, { item_id: 'IT2', trigger_type: 'complaint', started_at: started(6000) }]);
    } finally {
      await dataSource.destroy();
    }
  });
});
