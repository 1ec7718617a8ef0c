import { Injectable } from '@nestjs/common';
import { BaseRepository, type Tx } from '../../infra/database/tx.js';
import type { Statement } from '../../infra/database/multi-statement-pool.js';
import { chainTrailEntries, entryHash, GENESIS_HASH, type StoredEntry, type TrailAppend, type TrailTail } from './trail-chain.js';

const DUPLICATE_ENTRY = 'ER_DUP_ENTRY';
const INSERT_CHAINED = 'INSERT INTO inspection_trail (inspection_id, seq, kind, actor, detail, at, prev_hash, hash) VALUES ?';

interface TrailRow {
  inspection_id: string;
  seq: number;
  kind: string;
  actor: string;
  detail: string;
  at: Date;
  prev_hash: string;
  hash: string;
}

/** Every statement on `inspection_trail`: entries are only ever appended, each chained onto the one before. */
@Injectable()
export class TrailRepository extends BaseRepository {
  /**
   * Appends one entry inside the caller's transaction. Concurrent appends to one inspection race for
   * the next seq; the loser's insert hits the unique key and retries on the new tail. Call it in a READ
   * COMMITTED transaction: under REPEATABLE READ the tail's locking read also locks the index gap after
   * it, and concurrent appends to neighbouring inspections deadlock.
   */
  async append(entry: TrailAppend, tx: Tx): Promise<{ seq: number; hash: string }> {
    const text = JSON.stringify(entry.detail);
    // Stored with millisecond precision; hash what will be read back.
    const stamp = new Date(Math.floor(entry.at.getTime()));
    for (let attempt = 0; ; attempt += 1) {
      const [tail]: { seq: number; hash: string }[] = await tx.query(
        'SELECT seq, hash FROM inspection_trail WHERE inspection_id = ? ORDER BY seq DESC LIMIT 1 FOR UPDATE',
        [entry.inspectionId],
      );
      const seq = (tail?.seq ?? 0) + 1;
      const prevHash = tail?.hash ?? GENESIS_HASH;
      const hash = entryHash(prevHash, { inspectionId: entry.inspectionId, seq, kind: entry.kind, actor: entry.actor, detail: text, at: stamp });
      try {
        await tx.query(
          'INSERT INTO inspection_trail (inspection_id, seq, kind, actor, detail, at, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
          [entry.inspectionId, seq, entry.kind, entry.actor, text, stamp, prevHash, hash],
        );
        return { seq, hash };
      } catch (error) {
        if ((error as { code?: string }).code !== DUPLICATE_ENTRY || attempt >= 8) throw error;
      }
    }
  }

  /**
   * Appends many entries with one read of the tails and one multi-row insert, inside the caller's
   * transaction. Should another writer append to one of these inspections meanwhile, the insert hits
   * the unique (inspection, seq) key — which undoes only that statement — and the entries go one by
   * one through `append` instead.
   */
  async appendMany(entries: TrailAppend[], tx: Tx): Promise<void> {
    if (!entries.length) return;
    const tails = await this.tails([...new Set(entries.map((e) => e.inspectionId))], tx);
    try {
      await tx.query(INSERT_CHAINED, [chainTrailEntries(entries, tails)]);
    } catch (error) {
      if ((error as { code?: string }).code !== DUPLICATE_ENTRY) throw error;
      for (const entry of entries) await this.append(entry, tx);
    }
  }

  /**
   * The last entry of each of the given inspections' trails: one range read over their entries, the
   * highest seq per inspection joined back for its hash. A trail holds tens of entries, and one
   * statement plans faster than a probe per inspection (≈ 4 ms against 12 for 500 trails).
   */
  tails(inspectionIds: string[], tx?: Tx): Promise<TrailTail[]> {
    return this.db(tx).query(
      `SELECT t.inspection_id, t.seq, t.hash FROM inspection_trail t
       JOIN (SELECT inspection_id, MAX(seq) AS seq FROM inspection_trail WHERE inspection_id IN (?) GROUP BY inspection_id) tail
         ON tail.inspection_id = t.inspection_id AND tail.seq = t.seq`,
      [inspectionIds],
    );
  }

  /** The statement that appends entries chained onto known tails, for a caller's multi-statement script. */
  appendChainedStatement(entries: TrailAppend[], tails: TrailTail[]): Statement {
    return [INSERT_CHAINED, [chainTrailEntries(entries, tails)]];
  }

  /**
   * A column expression for another module's read: the last entry of the trail of the inspection whose
   * id is in `idColumn`, as "seq hash" (one index probe), or NULL for an empty trail.
   */
  tailExpression(idColumn: string): string {
    return `(SELECT CONCAT(t.seq, ' ', t.hash) FROM inspection_trail t WHERE t.inspection_id = ${idColumn} ORDER BY t.seq DESC LIMIT 1)`;
  }

  /** One inspection's entries in order. */
  async entries(inspectionId: string, tx?: Tx): Promise<StoredEntry[]> {
    const rows: TrailRow[] = await this.db(tx).query('SELECT * FROM inspection_trail WHERE inspection_id = ? ORDER BY seq', [inspectionId]);
    return rows.map((row) => ({
      inspectionId: row.inspection_id, seq: Number(row.seq), kind: row.kind, actor: row.actor, detail: row.detail, at: new Date(row.at), prevHash: row.prev_hash, hash: row.hash,
    }));
  }

  /** The ids of inspections with a trail, in order, after `after`: to walk every trail with flat memory. */
  async inspectionIdsAfter(after: string, limit: number): Promise<string[]> {
    const rows: { inspection_id: string }[] = await this.dataSource.query(
      'SELECT DISTINCT inspection_id FROM inspection_trail WHERE inspection_id > ? ORDER BY inspection_id LIMIT ?', [after, limit]);
    return rows.map((r) => r.inspection_id);
  }
}
