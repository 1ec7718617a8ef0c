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
