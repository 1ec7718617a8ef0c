import type { DataSource } from 'typeorm';
import type { RewrittenPhone, StoredPhoneColumn, StoredPhoneRow } from '../crypto/phone-rotation.js';

/** Where a table keeps an encrypted phone, as its owner's repository describes it. */
export interface PhoneColumnSpec {
  table: string;
  /** The primary key column (one column). */
  key: string;
  /** Whether the table keeps the phone's blind index in `phone_index`. */
  indexed: boolean;
  /** A numeric key (an auto-increment id) is compared as a number. */
  numericKey?: boolean;
}

/**
 * The statements that re-encrypt one table's `phone_cipher` (and fill its `phone_index`), for the
 * owner's repository to hand to `rotatePhones`. A batch is one UPDATE: each row is rewritten only while
 * its ciphertext is still the one read, so a phone edited meanwhile is kept.
 */
export class PhoneColumn implements StoredPhoneColumn {
  readonly table: string;

  constructor(private readonly dataSource: DataSource, private readonly spec: PhoneColumnSpec) {
    this.table = spec.table;
  }

  private staleWhere(): string {
    return `phone_cipher IS NOT NULL AND (phone_cipher NOT LIKE ?${this.spec.indexed ? ' OR phone_index IS NULL' : ''})`;
  }

  async countStale(currentPrefix: string): Promise<number> {
    const [row]: { n: number | string }[] = await this.dataSource.query(`SELECT COUNT(*) AS n FROM ${this.spec.table} WHERE ${this.staleWhere()}`, [`${currentPrefix}%`]);
    return Number(row.n);
  }

  async stale(currentPrefix: string, after: string | null, limit: number): Promise<StoredPhoneRow[]> {
    const { table, key, numericKey } = this.spec;
    const rows: { k: string | number; cipher: string }[] = await this.dataSource.query(
      `SELECT ${key} AS k, phone_cipher AS cipher FROM ${table} WHERE ${this.staleWhere()}${after === null ? '' : ` AND ${key} > ?`} ORDER BY ${key} LIMIT ${Number(limit)}`,
      after === null ? [`${currentPrefix}%`] : [`${currentPrefix}%`, numericKey ? Number(after) : after],
    );
    return rows.map((r) => ({ key: String(r.k), cipher: r.cipher }));
  }

  async rewrite(rows: RewrittenPhone[]): Promise<number> {
    if (!rows.length) return 0;
    const { table, key, indexed, numericKey } = this.spec;
    const keyOf = (row: RewrittenPhone) => (numericKey ? Number(row.key) : row.key);
    const when = (value: (row: RewrittenPhone) => string) => ({
      sql: rows.map(() => `WHEN ${key} = ? AND phone_cipher = ? THEN ?`).join(' '),
      params: rows.flatMap((row) => [keyOf(row), row.from, value(row)]),
    });
    // The index is set first: MySQL assigns left to right, and the cipher's own CASE must still see the old value.
    const index = indexed ? when((row) => row.index) : null;
    const cipher = when((row) => row.to);
    const result: { affectedRows: number } = await this.dataSource.query(
      `UPDATE ${table} SET ${index ? `phone_index = CASE ${index.sql} ELSE phone_index END, ` : ''}phone_cipher = CASE ${cipher.sql} ELSE phone_cipher END WHERE ${key} IN (?)`,
      [...(index?.params ?? []), ...cipher.params, rows.map(keyOf)],
    );
    return result.affectedRows;
  }
}
