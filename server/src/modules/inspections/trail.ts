import type { EntityManager } from 'typeorm';
import { entryHash, GENESIS_HASH } from './trail-chain.js';

export type TrailKind =
  | 'filed' | 'merged' | 'moved' | 'cancelled' | 'coded' | 'alone'
  | 'checked-in' | 'finding' | 'document' | 'finished'
  | 'invited' | 'rated' | 'flagged' | 'code-overdue';

const DUPLICATE_ENTRY = 'ER_DUP_ENTRY';

/**
 * Appends one entry to an inspection's trail inside the caller's transaction. Concurrent appends to one
 * inspection race for the next seq; the loser's insert hits the unique key and retries on the new tail.
 * Call it in a READ COMMITTED transaction: under REPEATABLE READ the tail's locking read also locks the
 * index gap after it, and concurrent appends to neighbouring inspections deadlock.
 */
export async function appendTrail(
  manager: EntityManager,
  inspectionId: string,
  kind: TrailKind,
  actor: string,
  detail: Record<string, unknown>,
  at = new Date(),
): Promise<{ seq: number; hash: string }> {
  const text = JSON.stringify(detail);
  // Stored with millisecond precision; hash what will be read back.
  const stamp = new Date(Math.floor(at.getTime()));
  for (let attempt = 0; ; attempt += 1) {
    const [tail]: { seq: number; hash: string }[] = await manager.query(
      'SELECT seq, hash FROM inspection_trail WHERE inspection_id = ? ORDER BY seq DESC LIMIT 1 FOR UPDATE',
      [inspectionId],
    );
    const seq = (tail?.seq ?? 0) + 1;
    const prevHash = tail?.hash ?? GENESIS_HASH;
    const hash = entryHash(prevHash, { inspectionId, seq, kind, actor, detail: text, at: stamp });
    try {
      await manager.query(
        'INSERT INTO inspection_trail (inspection_id, seq, kind, actor, detail, at, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        [inspectionId, seq, kind, actor, text, stamp, prevHash, hash],
      );
      return { seq, hash };
    } catch (error) {
      if ((error as { code?: string }).code !== DUPLICATE_ENTRY || attempt >= 8) throw error;
    }
  }
}

export interface TrailAppend {
  inspectionId: string;
  kind: TrailKind;
  actor: string;
  detail: Record<string, unknown>;
  at: Date;
}

/**
 * The last entry of each of the given inspections' trails: one range read over their entries, the
 * highest seq per inspection joined back for its hash. A trail holds tens of entries, and one
 * statement plans faster than a probe per inspection (≈ 4 ms against 12 for 500 trails).
 */
export function trailTails(manager: EntityManager, inspectionIds: string[]): Promise<TrailTail[]> {
  return manager.query(
    `SELECT t.inspection_id, t.seq, t.hash FROM inspection_trail t
     JOIN (SELECT inspection_id, MAX(seq) AS seq FROM inspection_trail WHERE inspection_id IN (?) GROUP BY inspection_id) tail
       ON tail.inspection_id = t.inspection_id AND tail.seq = t.seq`,
    [inspectionIds],
  );
}

/** Inserts chained entries (parameter: the rows of `chainTrailEntries`). */
export const TRAIL_INSERT_SQL = 'INSERT INTO inspection_trail (inspection_id, seq, kind, actor, detail, at, prev_hash, hash) VALUES ?';

export type TrailTail = { inspection_id: string; seq: number | string; hash: string };

/** The rows that chain the entries (several per inspection allowed, in the given order) onto the trails' tails. */
export function chainTrailEntries(appends: TrailAppend[], tails: TrailTail[]): unknown[][] {
  const heads = new Map(tails.map((t) => [t.inspection_id, { seq: Number(t.seq), hash: t.hash }]));
  return appends.map((append) => {
    const head = heads.get(append.inspectionId) ?? { seq: 0, hash: GENESIS_HASH };
    const seq = head.seq + 1;
    const text = JSON.stringify(append.detail);
    // Stored with millisecond precision; hash what will be read back.
    const at = new Date(Math.floor(append.at.getTime()));
    const hash = entryHash(head.hash, { inspectionId: append.inspectionId, seq, kind: append.kind, actor: append.actor, detail: text, at });
    heads.set(append.inspectionId, { seq, hash });
    return [append.inspectionId, seq, append.kind, append.actor, text, at, head.hash, hash];
  });
}

/**
 * Appends many entries with one read of the tails and one multi-row insert, inside the caller's
 * transaction. Should another writer append to one of these inspections meanwhile, the insert hits
 * the unique (inspection, seq) key — which undoes only that statement — and the entries go one by
 * one through appendTrail instead.
 */
export async function appendTrailBatch(manager: EntityManager, appends: TrailAppend[]): Promise<void> {
  if (!appends.length) return;
  const tails = await trailTails(manager, [...new Set(appends.map((a) => a.inspectionId))]);
  try {
    await manager.query(TRAIL_INSERT_SQL, [chainTrailEntries(appends, tails)]);
  } catch (error) {
    if ((error as { code?: string }).code !== DUPLICATE_ENTRY) throw error;
    for (const append of appends) await appendTrail(manager, append.inspectionId, append.kind, append.actor, append.detail, append.at);
  }
}
