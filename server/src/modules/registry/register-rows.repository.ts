import { Injectable } from '@nestjs/common';
import { keysetPage, type KeysetTable } from '../../infra/database/keyset.js';
import type { StagedTables } from '../../infra/database/staged-tables.js';
import { BaseRepository, type Tx } from '../../infra/database/tx.js';
import type { RegisterName } from './register-history.entity.js';

/** A register's table in the exchange format's terms: its key column and the columns an import writes. */
const REGISTER_TABLES: Record<RegisterName, KeysetTable & { key: string }> = {
  agency: { table: 'agencies', key: 'id', keys: ['id'], columns: 'id, name, kind, region' },
  officer: { table: 'officers', key: 'id', keys: ['id'], columns: 'id, agency_id, name, cert_no, phone_cipher, cert_expires' },
  item: { table: 'items', key: 'id', keys: ['id'], columns: 'id, agency_id, name, basis, no_disturb' },
  enterprise: { table: 'enterprises', key: 'credit_code', keys: ['credit_code'], columns: 'credit_code, name, industry, region, phone_cipher, credit_grade, low_touch' },
};

/** A register row in the database's column names (an imported one carries `phone` in clear instead of `phone_cipher`). */
export type RegisterRow = Record<string, string | number | null>;

/** The registers as whole rows, for the exchange format's import and export. */
@Injectable()
export class RegisterRowsRepository extends BaseRepository {
  /** Every key of a register (ids, credit codes). */
  async keys(register: RegisterName): Promise<string[]> {
    const { table, key } = REGISTER_TABLES[register];
    const rows: { k: string }[] = await this.dataSource.query(`SELECT ${key} AS k FROM ${table}`);
    return rows.map((r) => r.k);
  }

  /** The stored rows of these keys, by key. */
  async stored(register: RegisterName, keys: string[], tx?: Tx): Promise<Map<string, RegisterRow>> {
    const { table, key, columns } = REGISTER_TABLES[register];
    const rows: RegisterRow[] = await this.db(tx).query(`SELECT ${columns} FROM ${table} WHERE ${key} IN (?)`, [keys]);
    return new Map(rows.map((row) => [String(row[key]), row]));
  }

  /** Inserts or replaces whole rows (every column of the register, in its order). */
  async upsert(register: RegisterName, rows: RegisterRow[], tx: Tx): Promise<void> {
    if (!rows.length) return;
    const { table, key, columns } = REGISTER_TABLES[register];
    const names = columns.split(', ');
    await tx.query(
      `INSERT INTO ${table} (${columns}) VALUES ? ON DUPLICATE KEY UPDATE ${names.filter((c) => c !== key).map((c) => `${c} = VALUES(${c})`).join(', ')}`,
      [rows.map((row) => names.map((c) => row[c]))],
    );
  }

  /** The table an import of a register fills (its history aside). */
  importTable(register: RegisterName): string {
    return REGISTER_TABLES[register].table;
  }

  /** Whole rows into an empty register's staging copy (the bulk path), as upsert writes them. */
  async stage(register: RegisterName, rows: RegisterRow[], stage: StagedTables): Promise<void> {
    const { table, columns } = REGISTER_TABLES[register];
    const names = columns.split(', ');
    const loader = await stage.loader(table, names);
    for (const row of rows) loader.write(names.map((c) => row[c]));
    await stage.flushDue();
  }

  /** The next page of a register in key order. */
  exchangePage(register: RegisterName, after: unknown[] | null, limit: number): Promise<RegisterRow[]> {
    return keysetPage(this.dataSource.manager, REGISTER_TABLES[register], after, limit);
  }
}
