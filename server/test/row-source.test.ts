import type { DataSource } from 'typeorm';
import { setTimeout as sleep } from 'node:timers/promises';
import { BATCH_ROWS, MAX_BUFFERED_ROWS, rowSource } from '../src/modules/analytics/row-source.js';
import { migratedDataSource } from './support/test-app.js';

const ROWS = 30_000;

describe('the report row source', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await migratedDataSource('row_source');
    await dataSource.query('CREATE TABLE numbers (n INT PRIMARY KEY)');
    await dataSource.query('INSERT INTO numbers (n) VALUES ?', [Array.from({ length: ROWS }, (_, i) => [i + 1])]);
  });
  afterAll(() => dataSource.destroy());

  it('hands over every row in order, in batches, holding no more than its bound while the consumer is slow', async () => {
    const sizes: number[] = [];
    const seen: number[] = [];
    for await (const batch of rowSource(dataSource).batches<{ n: number }>('SELECT n FROM numbers WHERE n > ? ORDER BY n', [0])) {
      sizes.push(batch.length);
      for (const r of batch) seen.push(r.n);
      // A slow consumer: without the pause the whole result would arrive meanwhile.
      await sleep(20);
    }
    expect(seen).toEqual(Array.from({ length: ROWS }, (_, i) => i + 1));
    // Packets already read when the connection pauses still arrive: a row or so beyond the bound, never the rest.
    expect(Math.max(...sizes)).toBeLessThanOrEqual(MAX_BUFFERED_ROWS + 10);
    expect(sizes.slice(0, -1).every((n) => n >= BATCH_ROWS)).toBe(true);
    expect(sizes.length).toBeGreaterThanOrEqual(ROWS / MAX_BUFFERED_ROWS);
  });

  it('row by row, the same rows', async () => {
    let count = 0;
    let last = 0;
    for await (const row of rowSource(dataSource).stream<{ n: number }>('SELECT n FROM numbers ORDER BY n', [])) {
      expect(row.n).toBe(last + 1);
      last = row.n;
      count++;
    }
    expect(count).toBe(ROWS);
  });

  it('a consumer that stops early gives its connection up: the pool goes on serving', async () => {
    // More abandoned streams than the pool has connections: a leaked or stalled one would hang here.
    for (let i = 0; i < 6; i++) {
      for await (const batch of rowSource(dataSource).batches<{ n: number }>('SELECT n FROM numbers ORDER BY n', [])) {
        expect(batch[0].n).toBe(1);
        break;
      }
    }
    const [{ total }] = await dataSource.query('SELECT COUNT(*) AS total FROM numbers');
    expect(Number(total)).toBe(ROWS);
  });

  it('a failing query fails the stream, and the pool goes on serving', async () => {
    const read = async () => {
      for await (const batch of rowSource(dataSource).batches('SELECT missing_column FROM numbers', [])) void batch;
    };
    await expect(read()).rejects.toThrow(/missing_column/);
    await expect(read()).rejects.toThrow(/missing_column/);
    const [{ total }] = await dataSource.query('SELECT COUNT(*) AS total FROM numbers');
    expect(Number(total)).toBe(ROWS);
  });
});
