import type { PhoneCipher } from './phone-cipher.js';

/** A stored phone, by the key of its row. */
export interface StoredPhoneRow {
  key: string;
  cipher: string;
}

/** A row's phone written anew: under the current key, with its blind index where the table keeps one. */
export interface RewrittenPhone {
  key: string;
  /** The ciphertext read: a row whose phone changed meanwhile is left as it is. */
  from: string;
  to: string;
  index: string;
}

/** A table column of encrypted phones, implemented by the table's owner (a repository). */
export interface StoredPhoneColumn {
  readonly table: string;
  /** Rows still to rewrite: a phone not under `currentPrefix`, or one without its blind index. */
  countStale(currentPrefix: string): Promise<number>;
  /** The next such rows after the key `after` (the first when null), in key order. */
  stale(currentPrefix: string, after: string | null, limit: number): Promise<StoredPhoneRow[]>;
  /** Writes the rows whose ciphertext is still what was read; answers how many changed. */
  rewrite(rows: RewrittenPhone[]): Promise<number>;
}

export interface RotationProgress {
  table: string;
  /** Rows of the table looked at so far, of `total` to do when the run started. */
  done: number;
  total: number;
  rewritten: number;
  unreadable: number;
}

export interface RotationResult {
  rewritten: number;
  /** Phones no configured key opens (their version is missing): left as they are. */
  unreadable: number;
  byTable: RotationProgress[];
}

/**
 * Re-encrypts every stored phone under the current key and fills missing blind indexes, a batch at a
 * time, each batch committed on its own. Interrupted, it is simply run again: what is done no longer
 * matches, and a row edited meanwhile is not overwritten (its ciphertext no longer equals the one read).
 */
export async function rotatePhones(
  cipher: PhoneCipher,
  columns: StoredPhoneColumn[],
  { batchSize = 500, onProgress }: { batchSize?: number; onProgress?: (progress: RotationProgress) => void } = {},
): Promise<RotationResult> {
  const byTable: RotationProgress[] = [];
  for (const column of columns) {
    const progress: RotationProgress = { table: column.table, done: 0, total: await column.countStale(cipher.currentPrefix), rewritten: 0, unreadable: 0 };
    onProgress?.(progress);
    let after: string | null = null;
    for (;;) {
      const rows = await column.stale(cipher.currentPrefix, after, batchSize);
      if (!rows.length) break;
      const rewrites: RewrittenPhone[] = [];
      for (const row of rows) {
        const phone = cipher.decrypt(row.cipher);
        if (phone === null) progress.unreadable += 1;
        else rewrites.push({ key: row.key, from: row.cipher, to: cipher.encrypt(phone)!, index: cipher.index(phone)! });
      }
      if (rewrites.length) progress.rewritten += await column.rewrite(rewrites);
      progress.done += rows.length;
      after = rows[rows.length - 1].key;
      onProgress?.(progress);
    }
    byTable.push(progress);
  }
  return {
    rewritten: byTable.reduce((sum, t) => sum + t.rewritten, 0),
    unreadable: byTable.reduce((sum, t) => sum + t.unreadable, 0),
    byTable,
  };
}
