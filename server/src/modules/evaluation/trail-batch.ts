import type { EntityManager } from 'typeorm';
import { entryHash, GENESIS_HASH } from '../inspections/trail-chain.js';
import { appendTrail, type TrailKind } from '../inspections/trail.js';

export interface TrailEntryInput {
  inspectionId: string;
  kind: TrailKind;
  actor: string;
  detail: Record<string, unknown>;
  at: Date;
}

const DUPLICATE_ENTRY = 'ER_DUP_ENTRY';

/**
 * appendTrail for many entries at once, inside the caller's transaction: one locking read of the
 * inspections' last entries, one insert, chained exactly as appendTrail chains them. Should another
 * writer append to one of these inspections meanwhile, the insert hits the (inspection, seq) key,
 * and the entries go one by one through appendTrail instead.
 */
export async function appendTrailBatch(manager: EntityManager, entries: TrailEntryInput[]): Promise<void> {
  if (!entries.length) return;
  const ids = [...new Set(entries.map((e) => e.inspectionId))];
  const tails: { inspection_id: string; seq: number; hash: string }[] = await manager.query(
    `SELECT t.inspection_id, t.seq, t.hash FROM inspection_trail t
     JOIN (SELECT inspection_id, MAX(seq) AS seq FROM inspection_trail WHERE inspection_id IN (?) GROUP BY inspection_id) last
       ON last.inspection_id = t.inspection_id AND last.seq = t.seq
     FOR UPDATE`,
    [ids],
  );
  const tail = new Map(tails.map((t) => [t.inspection_id, { seq: Number(t.seq), hash: t.hash }]));
  const rows = entries.map((entry) => {
    const previous = tail.get(entry.inspectionId) ?? { seq: 0, hash: GENESIS_HASH };
    const detail = JSON.stringify(entry.detail);
    // Stored with millisecond precision; hash what will be read back.
    const at = new Date(Math.floor(entry.at.getTime()));
    const seq = previous.seq + 1;
    const hash = entryHash(previous.hash, { inspectionId: entry.inspectionId, seq, kind: entry.kind, actor: entry.actor, detail, at });
    tail.set(entry.inspectionId, { seq, hash });
    return [entry.inspectionId, seq, entry.kind, entry.actor, detail, at, previous.hash, hash];
  });
  await manager.query('SAVEPOINT trail_batch');
  try {
    await manager.query('INSERT INTO inspection_trail (inspection_id, seq, kind, actor, detail, at, prev_hash, hash) VALUES ?', [rows]);
  } catch (error) {
    if ((error as { code?: string }).code !== DUPLICATE_ENTRY) throw error;
    await manager.query('ROLLBACK TO SAVEPOINT trail_batch');
    for (const entry of entries) await appendTrail(manager, entry.inspectionId, entry.kind, entry.actor, entry.detail, entry.at);
  }
}
