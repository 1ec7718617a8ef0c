import { Injectable } from '@nestjs/common';
import type { Statement } from '../../infra/database/multi-statement-pool.js';
import { BaseRepository, type Tx } from '../../infra/database/tx.js';

/** A job to record: its name, Bull id, payload (JSON) and, for a delayed job, when it is due. */
export interface OutboxRow {
  jobName: string;
  jobId: string;
  payload: string;
  runAt: Date | null;
}

/** A row a relay round holds. */
export interface ClaimedRow extends OutboxRow {
  id: string;
  attempts: number;
}

/**
 * The same job recorded twice (two officers opening one deadline at once, an event handled again) stays
 * one row. Times the relays compare are the database's (UTC), so servers with skewed clocks agree.
 */
const INSERT = (rows: number) =>
  `INSERT INTO job_outbox (job_name, job_id, payload, run_at, created_at, available_at) VALUES ${Array(rows).fill('(?, ?, ?, ?, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))').join(', ')} ON DUPLICATE KEY UPDATE id = id`;
const values = (rows: OutboxRow[]) => rows.flatMap((r) => [r.jobName, r.jobId, r.payload, r.runAt]);

/**
 * Statements on `job_outbox`. Rows are claimed with a token (no SKIP LOCKED, which older TiDB lacks): a
 * round reads due ids without locking, takes those still due by primary key, and reads back what its
 * token holds; a claim is a lease, so rows a crashed relay held come due again.
 */
@Injectable()
export class JobOutboxRepository extends BaseRepository {
  async insert(rows: OutboxRow[], tx?: Tx): Promise<void> {
    if (!rows.length) return;
    await this.db(tx).query(INSERT(rows.length), values(rows));
  }

  /** The insert as a statement of a scripted transaction. */
  insertStatement(rows: OutboxRow[]): Statement {
    return [INSERT(rows.length), values(rows)];
  }

  /** Ids of rows due for relaying, oldest first (a consistent read: uncommitted rows are not seen, nothing is locked). */
  async dueIds(limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      'SELECT id FROM job_outbox WHERE relayed_at IS NULL AND available_at <= UTC_TIMESTAMP(3) ORDER BY id LIMIT ?', [limit]);
    return rows.map((r) => String(r.id));
  }

  /** Takes those of these rows still due for `leaseSeconds` under `token`; answers them. */
  async claim(ids: string[], token: string, leaseSeconds: number): Promise<ClaimedRow[]> {
    if (!ids.length) return [];
    await this.dataSource.query(
      `UPDATE job_outbox SET claim = ?, attempts = attempts + 1, available_at = DATE_ADD(UTC_TIMESTAMP(3), INTERVAL ? SECOND)
       WHERE id IN (?) AND relayed_at IS NULL AND available_at <= UTC_TIMESTAMP(3)`,
      [token, leaseSeconds, ids],
    );
    const rows: { id: string; job_name: string; job_id: string; payload: string; run_at: Date | null; attempts: number }[] = await this.dataSource.query(
      'SELECT id, job_name, job_id, payload, run_at, attempts FROM job_outbox WHERE id IN (?) AND claim = ? AND relayed_at IS NULL ORDER BY id', [ids, token]);
    return rows.map((r) => ({ id: String(r.id), jobName: r.job_name, jobId: r.job_id, payload: r.payload, runAt: r.run_at === null ? null : new Date(r.run_at), attempts: Number(r.attempts) }));
  }

  /** These rows' jobs are in Bull. */
  async markRelayed(ids: string[]): Promise<void> {
    if (!ids.length) return;
    await this.dataSource.query('UPDATE job_outbox SET relayed_at = UTC_TIMESTAMP(3), claim = NULL, last_error = NULL WHERE id IN (?) AND relayed_at IS NULL', [ids]);
  }

  /** Gives rows this round holds back, due again in `retryInSeconds`, with why they were not relayed. */
  async release(ids: string[], token: string, retryInSeconds: number, error: string): Promise<void> {
    if (!ids.length) return;
    await this.dataSource.query(
      `UPDATE job_outbox SET claim = NULL, available_at = DATE_ADD(UTC_TIMESTAMP(3), INTERVAL ? SECOND), last_error = ?
       WHERE id IN (?) AND claim = ? AND relayed_at IS NULL`,
      [retryInSeconds, error.slice(0, 500), ids, token],
    );
  }

  /** Rows not yet relayed, and how long the oldest has waited (seconds). */
  async backlog(): Promise<{ pending: number; oldestSeconds: number | null }> {
    const [row]: { pending: string | number; oldest: string | number | null }[] = await this.dataSource.query(
      'SELECT COUNT(*) AS pending, TIMESTAMPDIFF(SECOND, MIN(created_at), UTC_TIMESTAMP(3)) AS oldest FROM job_outbox WHERE relayed_at IS NULL');
    return { pending: Number(row.pending), oldestSeconds: row.oldest === null ? null : Number(row.oldest) };
  }

  /** Deletes up to `limit` rows relayed more than `days` ago; answers how many. */
  async purgeRelayed(days: number, limit: number): Promise<number> {
    const result: { affectedRows: number } = await this.dataSource.query(
      'DELETE FROM job_outbox WHERE relayed_at < DATE_SUB(UTC_TIMESTAMP(3), INTERVAL ? DAY) LIMIT ?', [days, limit]);
    return result.affectedRows;
  }
}
