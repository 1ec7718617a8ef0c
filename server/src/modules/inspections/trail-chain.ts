import { createHash } from 'node:crypto';

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
