import { createHash } from 'node:crypto';
import type { TrailKind } from '@mashang/shared';

/** The hash before an inspection's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  inspectionId: string;
  seq: number;
  kind: string;
  actor: string;
  /** JSON text exactly as stored. */
  detail: string;
  at: Date;
}

/** SHA-256 over the previous hash and every field of the entry, so any edit shows. */
export function entryHash(prevHash: string, entry: ChainedFields): string {
  return createHash('sha256')
    .update([prevHash, entry.inspectionId, String(entry.seq), entry.kind, entry.actor, entry.at.toISOString(), entry.detail].join('\n'))
    .digest('hex');
}

export interface StoredEntry extends ChainedFields {
  prevHash: string;
  hash: string;
}

export type ChainBreak = { seq: number; reason: 'sequence-gap' | 'prev-hash-mismatch' | 'hash-mismatch' };

/** Recomputes a chain (entries in seq order) and names the first broken link, or null when intact. */
export function firstBreak(entries: StoredEntry[]): ChainBreak | null {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const entry of entries) {
    if (entry.seq !== expectedSeq) return { seq: expectedSeq, reason: 'sequence-gap' };
    if (entry.prevHash !== prev) return { seq: entry.seq, reason: 'prev-hash-mismatch' };
    if (entryHash(prev, entry) !== entry.hash) return { seq: entry.seq, reason: 'hash-mismatch' };
    prev = entry.hash;
    expectedSeq += 1;
  }
  return null;
}

/** An entry to append. */
export interface TrailAppend {
  inspectionId: string;
  kind: TrailKind;
  actor: string;
  detail: Record<string, unknown>;
  at: Date;
}

/** The last entry of a trail, as stored. */
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
