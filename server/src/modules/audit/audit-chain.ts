import { createHash } from 'node:crypto';
import type { AuditAction, AuditChainCheck } from '@mashang/shared';

/** The hash before the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** An entry's fields as stored, each of which the hash covers. */
export interface AuditFields {
  seq: number;
  at: Date;
  actor: string;
  action: AuditAction;
  resource: string;
  /** JSON text exactly as stored. */
  filter: string;
  purpose: string | null;
  rows: number | null;
  address: string | null;
}

export interface StoredAuditEntry extends AuditFields {
  prevHash: string;
  hash: string;
}

/** SHA-256 over the previous hash and every field (a JSON array, so null and '' differ), so any edit shows. */
export function auditHash(prevHash: string, e: AuditFields): string {
  return createHash('sha256')
    .update(JSON.stringify([prevHash, e.seq, e.at.toISOString(), e.actor, e.action, e.resource, e.filter, e.purpose, e.rows, e.address]))
    .digest('hex');
}

/** Walks the log in seq order, a page at a time: feed it each page, then read the result. */
export class AuditChainWalk {
  private prev = GENESIS_HASH;
  private expectedSeq = 1;
  private broken: AuditChainCheck['firstBreak'] = null;

  /** Checks the next entries; false once a link is broken (nothing more needs reading). */
  feed(entries: StoredAuditEntry[]): boolean {
    for (const entry of entries) {
      if (entry.seq !== this.expectedSeq) this.broken = { seq: this.expectedSeq, reason: 'sequence-gap' };
      else if (entry.prevHash !== this.prev) this.broken = { seq: entry.seq, reason: 'prev-hash-mismatch' };
      else if (auditHash(this.prev, entry) !== entry.hash) this.broken = { seq: entry.seq, reason: 'hash-mismatch' };
      if (this.broken) return false;
      this.prev = entry.hash;
      this.expectedSeq += 1;
    }
    return true;
  }

  /** The verdict over a log of `entries` entries. */
  result(entries: number): AuditChainCheck {
    return { intact: !this.broken, entries, firstBreak: this.broken };
  }
}
