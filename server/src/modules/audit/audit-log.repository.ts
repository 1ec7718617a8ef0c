import { Injectable } from '@nestjs/common';
import type { AuditAction } from '@mashang/shared';
import type { Paging } from '../../infra/database/entity-table.js';
import { BaseRepository, type Tx } from '../../infra/database/tx.js';
import { auditHash, GENESIS_HASH, type StoredAuditEntry } from './audit-chain.js';

const DUPLICATE_ENTRY = 'ER_DUP_ENTRY';

/** An entry to append: what left, who let it, why and from where. */
export interface AuditRecord {
  actor: string;
  action: AuditAction;
  resource: string;
  filter: Record<string, unknown>;
  purpose: string | null;
  rows: number | null;
  address: string | null;
}

/** Which entries a reader asks for; `since` and `before` bound `at` (half-open). */
export interface AuditFilter {
  /** An exact actor (`cli`), or a username: the actor of that user. */
  actor?: string;
  action?: AuditAction;
  since?: Date;
  before?: Date;
}

interface AuditRow {
  seq: string | number;
  at: Date;
  actor: string;
  action: AuditAction;
  resource: string;
  filter: string;
  purpose: string | null;
  row_count: number | null;
  address: string | null;
  prev_hash: string;
  hash: string;
}

const toEntry = (r: AuditRow): StoredAuditEntry => ({
  seq: Number(r.seq), at: new Date(r.at), actor: r.actor, action: r.action, resource: r.resource, filter: r.filter,
  purpose: r.purpose, rows: r.row_count === null ? null : Number(r.row_count), address: r.address, prevHash: r.prev_hash, hash: r.hash,
});

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Every statement on `audit_log`. It only inserts and reads: there is no UPDATE or DELETE of the log
 * anywhere, and a database user that may only INSERT and SELECT it is all the server needs.
 */
@Injectable()
export class AuditLogRepository extends BaseRepository {
  /**
   * Appends one entry, chained onto the last, inside the caller's transaction (READ COMMITTED).
   * Concurrent appends race for the next seq; the loser's insert hits the primary key and retries on the new tail.
   */
  async append(record: AuditRecord, at: Date, tx: Tx): Promise<StoredAuditEntry> {
    const filter = JSON.stringify(record.filter);
    // Stored with millisecond precision; hash what will be read back.
    const stamp = new Date(Math.floor(at.getTime()));
    for (let attempt = 0; ; attempt += 1) {
      const [tail]: { seq: string | number; hash: string }[] = await tx.query('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1 FOR UPDATE');
      const entry = { ...record, filter, at: stamp, seq: Number(tail?.seq ?? 0) + 1, prevHash: tail?.hash ?? GENESIS_HASH };
      const hash = auditHash(entry.prevHash, entry);
      try {
        await tx.query(
          'INSERT INTO audit_log (seq, at, actor, action, resource, `filter`, purpose, row_count, address, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
          [entry.seq, stamp, entry.actor, entry.action, entry.resource, filter, entry.purpose, entry.rows, entry.address, entry.prevHash, hash],
        );
        return { ...entry, hash };
      } catch (error) {
        if ((error as { code?: string }).code !== DUPLICATE_ENTRY || attempt >= 8) throw error;
      }
    }
  }

  /** One page of the entries matching the filter, newest first, and how many match. */
  async page(filter: AuditFilter, paging: Paging): Promise<{ rows: StoredAuditEntry[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.actor) {
      where.push('(actor = ? OR actor LIKE ?)');
      params.push(filter.actor, `user:%:${escapeLike(filter.actor)}`);
    }
    if (filter.action) {
      where.push('action = ?');
      params.push(filter.action);
    }
    if (filter.since) {
      where.push('at >= ?');
      params.push(filter.since);
    }
    if (filter.before) {
      where.push('at < ?');
      params.push(filter.before);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ n }]: { n: number | string }[] = await this.dataSource.query(`SELECT COUNT(*) AS n FROM audit_log ${clause}`, params);
    const rows: AuditRow[] = await this.dataSource.query(`SELECT * FROM audit_log ${clause} ORDER BY seq DESC LIMIT ? OFFSET ?`, [
      ...params, paging.pageSize, (paging.page - 1) * paging.pageSize,
    ]);
    return { rows: rows.map(toEntry), total: Number(n) };
  }

  /** The entries after `seq`, in order: to walk the whole log with flat memory. */
  async after(seq: number, limit: number): Promise<StoredAuditEntry[]> {
    const rows: AuditRow[] = await this.dataSource.query('SELECT * FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?', [seq, limit]);
    return rows.map(toEntry);
  }

  async count(): Promise<number> {
    const [{ n }]: { n: number | string }[] = await this.dataSource.query('SELECT COUNT(*) AS n FROM audit_log');
    return Number(n);
  }
}
