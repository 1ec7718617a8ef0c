import { createConnection, type ResultSetHeader } from 'mysql2/promise';
import { MultiStatementPool } from '../src/infra/database/multi-statement-pool.js';
import { createTestDatabase } from './support/test-app.js';

const affectedRows = (result: unknown) => (result as ResultSetHeader).affectedRows;

describe('MultiStatementPool (real database)', () => {
  let url: string;
  let pool: MultiStatementPool;
  const rows = async () => {
    const connection = await createConnection(url);
    const [result] = await connection.query('SELECT id, note FROM scripted ORDER BY id');
    await connection.end();
    return result;
  };

  beforeAll(async () => {
    url = await createTestDatabase('scripts');
    const connection = await createConnection(url);
    await connection.query('CREATE TABLE scripted (id INT PRIMARY KEY, note VARCHAR(100) NOT NULL)');
    await connection.end();
    pool = new MultiStatementPool(url, 2);
  });
  afterAll(() => pool.end());
  beforeEach(async () => {
    const connection = await createConnection(url);
    await connection.query('DELETE FROM scripted');
    await connection.end();
  });

  it('runs a script per round trip, answers one result per statement, and commits', async () => {
    const results = await pool.transaction(async (tx) => {
      const [inserted, selected] = await tx.run([['INSERT INTO scripted (id, note) VALUES ?', [[[1, 'a'], [2, 'b']]]], ['SELECT COUNT(*) AS n FROM scripted']]);
      expect(affectedRows(inserted)).toBe(2);
      expect(selected).toEqual([{ n: '2' }]);
      return tx.commit([['UPDATE scripted SET note = ? WHERE id = ?', ['c', 2]]]);
    });
    expect(affectedRows(results[0])).toBe(1);
    expect(await rows()).toEqual([{ id: 1, note: 'a' }, { id: 2, note: 'c' }]);
  });

  it('keeps values as values: quotes and semicolons are stored, never run', async () => {
    const note = "x'); DELETE FROM scripted; --";
    await pool.transaction((tx) => tx.commit([['INSERT INTO scripted (id, note) VALUES (?, ?)', [1, note]]]));
    expect(await rows()).toEqual([{ id: 1, note }]);
  });

  it('rolls back everything when a statement fails mid-script, and the connection stays usable', async () => {
    await expect(pool.transaction(async (tx) => {
      await tx.run([['INSERT INTO scripted (id, note) VALUES (1, ?)', ['first']]]);
      return tx.commit([['INSERT INTO scripted (id, note) VALUES (2, ?)', ['second']], ['INSERT INTO scripted (id, note) VALUES (1, ?)', ['duplicate']]]);
    })).rejects.toMatchObject({ code: 'ER_DUP_ENTRY' });
    expect(await rows()).toEqual([]);
    for (let i = 0; i < 3; i += 1) await pool.transaction((tx) => tx.commit([['INSERT INTO scripted (id, note) VALUES (?, ?)', [10 + i, 'later']]]));
    expect(await rows()).toHaveLength(3);
  });

  it('runs its session statements on each connection before any script', async () => {
    const withSession = new MultiStatementPool(url, 2, ["SET @scripted_by = 'session'", 'SET @scripted_twice = 2']);
    try {
      const [settings] = await withSession.transaction((tx) => tx.run([['SELECT @scripted_by AS who, @scripted_twice AS n']]));
      expect(settings).toEqual([{ who: 'session', n: '2' }]);
    } finally {
      await withSession.end();
    }
  });

  it('rolls back a transaction its work returns from without committing', async () => {
    const outcome = await pool.transaction(async (tx) => {
      await tx.run([['INSERT INTO scripted (id, note) VALUES (1, ?)', ['abandoned']]]);
      return 'changed my mind';
    });
    expect(outcome).toBe('changed my mind');
    expect(await rows()).toEqual([]);
  });
});
