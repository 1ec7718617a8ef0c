import type { DataSource, QueryRunner } from 'typeorm';
import type { RowSource } from './rule.js';

/** Rows that make a batch worth handing over: one await per batch, not per row, on passes over millions of rows. */
export const BATCH_ROWS = 1000;
/** Rows held before the connection is paused: the server goes on sending while a batch is worked on. */
export const MAX_BUFFERED_ROWS = 8 * BATCH_ROWS;

/** The driver's query while it streams: a row per `result` event until `end`. */
interface StreamingQuery {
  on(event: 'result', listener: (row: unknown) => void): StreamingQuery;
  on(event: 'end', listener: () => void): StreamingQuery;
  on(event: 'error', listener: (error: Error) => void): StreamingQuery;
}

/** The driver's connection: pausing it stops reading the socket, so the server waits for us. */
interface DriverConnection {
  query(sql: string, params: unknown[]): StreamingQuery;
  pause(): void;
  resume(): void;
  destroy(): void;
}

/** The Nest token of the app's row source. */
export const ROW_SOURCE = Symbol('ROW_SOURCE');

/**
 * Rule queries on connections of their own: each stream holds one connection until it ends, read a
 * batch at a time. The server keeps sending while the consumer works on a batch, up to a bound: then
 * the connection is paused, so rows never pile up in memory. Look-ups go to the pool meanwhile.
 */
export function rowSource(dataSource: DataSource): RowSource {
  async function* batches<T>(sql: string, params: unknown[]): AsyncIterable<T[]> {
    const runner: QueryRunner = dataSource.createQueryRunner();
    let connection: DriverConnection | undefined;
    let ended = false;
    try {
      // Long id lists (GROUP_CONCAT) stay whole: the default is 1 KB on MySQL and TiDB.
      await runner.query('SET SESSION group_concat_max_len = 4194304');
      connection = (await runner.connect()) as DriverConnection;
      let batch: T[] = [];
      let failure: Error | null = null;
      let wake: (() => void) | null = null;
      let paused = false;
      const notify = () => {
        wake?.();
        wake = null;
      };
      connection.query(sql, params)
        .on('result', (row) => {
          batch.push(row as T);
          if (batch.length === BATCH_ROWS) notify();
          if (batch.length >= MAX_BUFFERED_ROWS && !paused) {
            paused = true;
            connection!.pause();
          }
        })
        .on('error', (error) => {
          failure = error;
          notify();
        })
        .on('end', () => {
          ended = true;
          notify();
        });
      for (;;) {
        if (batch.length < BATCH_ROWS && !ended && !failure) await new Promise<void>((resolve) => (wake = resolve));
        if (failure) throw failure;
        if (!batch.length && ended) return;
        if (batch.length) {
          const full = batch;
          batch = [];
          yield full;
        }
        if (paused) {
          paused = false;
          connection.resume();
        }
      }
    } finally {
      // A consumer that stopped early (or a failed query) leaves a result unread: that connection is closed, not reused.
      if (connection && !ended) connection.destroy();
      await runner.release();
    }
  }
  return {
    batches,
    async *stream<T>(sql: string, params: unknown[]): AsyncIterable<T> {
      for await (const rows of batches<T>(sql, params)) yield* rows;
    },
    query<T>(sql: string, params: unknown[]): Promise<T[]> {
      return dataSource.query(sql, params);
    },
  };
}
