import type { DataSource, QueryRunner } from 'typeorm';
import type { RowSource } from './rule.js';

/**
 * Rule queries on connections of their own: each stream holds one connection until it ends (the
 * driver pauses the socket while the consumer is busy, so rows never pile up in memory), and
 * look-ups go to the pool meanwhile.
 */
export function rowSource(dataSource: DataSource): RowSource {
  return {
    async *stream<T>(sql: string, params: unknown[]): AsyncIterable<T> {
      const runner: QueryRunner = dataSource.createQueryRunner();
      try {
        // Long id lists (GROUP_CONCAT) stay whole: the default is 1 KB on MySQL and TiDB.
        await runner.query('SET SESSION group_concat_max_len = 4194304');
        const stream = await runner.stream(sql, params);
        for await (const row of stream) yield row as T;
      } finally {
        await runner.release();
      }
    },
    query<T>(sql: string, params: unknown[]): Promise<T[]> {
      return dataSource.query(sql, params);
    },
  };
}
