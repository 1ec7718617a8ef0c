import { Injectable } from '@nestjs/common';
import type { AnomalyRunStatus } from '@mashang/shared';
import { BaseRepository } from '../../infra/database/tx.js';

/** A report run as stored: one row per as-of date. */
export interface RunRow {
  as_of: string;
  rule_set: string;
  status: AnomalyRunStatus;
  progress: number;
  current_rule: string | null;
  attempts: number;
  error: string | null;
  requested_by: string;
  queued_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  generated_at: Date | null;
  summary: string | null;
  finding_count: number;
  raised_count: number;
}

/** The report's runs (`anomaly_runs`): queued, running, completed or failed, with progress and every attempt's error. */
@Injectable()
export class AnomalyRunRepository extends BaseRepository {
  /** Records that a run of `asOf` waits in the queue, unless that date's report is already complete. */
  async markQueued(asOf: string, ruleSet: string, requestedBy: string, at: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO anomaly_runs (as_of, rule_set, status, progress, current_rule, attempts, error, requested_by, queued_at)
       VALUES (?, ?, 'queued', 0, NULL, 0, NULL, ?, ?)
       ON DUPLICATE KEY UPDATE status = IF(status = 'completed', status, 'queued'), requested_by = IF(status = 'completed', requested_by, VALUES(requested_by)),
         queued_at = IF(status = 'completed', queued_at, VALUES(queued_at))`,
      [asOf, ruleSet, requestedBy, at],
    );
  }

  /** An attempt starts: the run is running again from 0 %, one attempt more. */
  async begin(asOf: string, ruleSet: string, requestedBy: string, at: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO anomaly_runs (as_of, rule_set, status, progress, current_rule, attempts, error, requested_by, queued_at, started_at, finished_at)
       VALUES (?, ?, 'running', 0, NULL, 1, NULL, ?, ?, ?, NULL)
       ON DUPLICATE KEY UPDATE status = 'running', progress = 0, current_rule = NULL, attempts = attempts + 1, started_at = VALUES(started_at),
         finished_at = NULL, rule_set = VALUES(rule_set)`,
      [asOf, ruleSet, requestedBy, at, at],
    );
  }

  async progress(asOf: string, percent: number, step: string): Promise<void> {
    await this.dataSource.query('UPDATE anomaly_runs SET progress = ?, current_rule = ? WHERE as_of = ?', [percent, step, asOf]);
  }

  async complete(asOf: string, done: { at: Date; summary: string; findings: number; raised: number }): Promise<void> {
    await this.dataSource.query(
      `UPDATE anomaly_runs SET status = 'completed', progress = 100, current_rule = NULL, error = NULL, finished_at = ?, generated_at = ?,
         summary = ?, finding_count = ?, raised_count = ? WHERE as_of = ?`,
      [done.at, done.at, done.summary, done.findings, done.raised, asOf],
    );
  }

  /** An attempt failed: queued again when it will be retried, else failed; the failing rule is kept when known. */
  async fail(asOf: string, failure: { requeue: boolean; message: string; at: Date; rule: string | null }): Promise<void> {
    await this.dataSource.query(
      'UPDATE anomaly_runs SET status = ?, error = ?, finished_at = ?, current_rule = COALESCE(?, current_rule) WHERE as_of = ?',
      [failure.requeue ? 'queued' : 'failed', failure.message, failure.at, failure.rule, asOf],
    );
  }

  async get(asOf: string): Promise<RunRow | null> {
    const [row]: RunRow[] = await this.dataSource.query('SELECT * FROM anomaly_runs WHERE as_of = ?', [asOf]);
    return row ?? null;
  }

  /** Runs, newest date first, and how many there are. */
  async page(limit: number, offset: number): Promise<{ rows: RunRow[]; total: number }> {
    const [{ total }] = await this.dataSource.query('SELECT COUNT(*) AS total FROM anomaly_runs');
    const rows: RunRow[] = await this.dataSource.query('SELECT * FROM anomaly_runs ORDER BY as_of DESC LIMIT ? OFFSET ?', [limit, offset]);
    return { rows, total: Number(total) };
  }
}
