import { Injectable } from '@nestjs/common';
import { Brackets } from 'typeorm';
import { EntityTable, likeContains, type Paging } from '../../infra/database/entity-table.js';
import type { Statement } from '../../infra/database/multi-statement-pool.js';
import { PhoneColumn } from '../../infra/database/phone-columns.js';
import type { Tx } from '../../infra/database/tx.js';
import { Enterprise } from './enterprise.entity.js';

const LOCK_SQL = 'SELECT credit_code, name FROM enterprises WHERE credit_code IN (?) ORDER BY credit_code FOR UPDATE';

/** A row of the lock's result: the enterprise locked and its name. */
export interface LockedEnterprise {
  credit_code: string;
  name: string;
}

@Injectable()
export class EnterpriseRepository extends EntityTable<Enterprise> {
  protected readonly entity = Enterprise;

  /** Enterprises by name (contains) or, for a typed code prefix of at least two characters, by credit code. */
  list(filter: { q?: string }, paging: Paging) {
    return this.page('e', paging, 'e.credit_code', (qb) => {
      if (!filter.q) return;
      const code = filter.q.trim().toUpperCase();
      qb.andWhere(
        new Brackets((w) => {
          w.where('e.name LIKE :q', { q: likeContains(filter.q!) });
          // A typed code prefix (at least the registration and category characters) also matches.
          if (/^[0-9A-Z]{2,18}$/.test(code)) w.orWhere('e.credit_code LIKE :code', { code: `${code}%` });
        }),
      );
    });
  }

  /**
   * Locks the enterprises' rows for the caller's transaction, in credit-code order. Every change to an
   * enterprise's plans and inspections takes this lock first, so what is read next stays true until commit.
   */
  async lock(creditCodes: string[], tx: Tx): Promise<void> {
    if (creditCodes.length) await tx.query(LOCK_SQL, [[...new Set(creditCodes)].sort()]);
  }

  /** The same lock, as a statement of a caller's multi-statement script; its rows are `LockedEnterprise`s, so a read in the same script needs no join for the names. */
  lockStatement(creditCodes: string[]): Statement {
    return [LOCK_SQL, [[...new Set(creditCodes)].sort()]];
  }

  /** Names by credit code, for views that name the enterprise of other modules' records. */
  async namesOf(creditCodes: string[], tx?: Tx): Promise<Map<string, string>> {
    if (!creditCodes.length) return new Map();
    const rows: { credit_code: string; name: string }[] = await this.db(tx).query('SELECT credit_code, name FROM enterprises WHERE credit_code IN (?)', [[...new Set(creditCodes)]]);
    return new Map(rows.map((r) => [r.credit_code, r.name]));
  }

  /** Name and encrypted phone by credit code. */
  async byCodes(creditCodes: string[], tx?: Tx): Promise<Map<string, { name: string; phoneCipher: string | null }>> {
    if (!creditCodes.length) return new Map();
    const rows: { credit_code: string; name: string; phone_cipher: string | null }[] = await this.db(tx).query(
      'SELECT credit_code, name, phone_cipher FROM enterprises WHERE credit_code IN (?)', [[...new Set(creditCodes)]]);
    return new Map(rows.map((r) => [r.credit_code, { name: r.name, phoneCipher: r.phone_cipher }]));
  }

  /**
   * A subquery for another module's read that must stay one statement: the credit codes of the
   * enterprises whose name contains `text`, to use as `credit_code IN (…)`.
   */
  codesNamedLike(text: string): { sql: string; params: unknown[] } {
    return { sql: 'SELECT credit_code FROM enterprises WHERE name LIKE ?', params: [likeContains(text)] };
  }

  /** The credit codes of at most `limit` enterprises whose name contains `text`. */
  async codesNamed(text: string, limit: number): Promise<string[]> {
    const { sql, params } = this.codesNamedLike(text);
    const rows: { credit_code: string }[] = await this.dataSource.query(`${sql} LIMIT ?`, [...params, limit]);
    return rows.map((r) => r.credit_code);
  }

  /** The register's industries with how many enterprises each has, most first, at most `limit`. */
  async industries(limit: number): Promise<{ industry: string; enterprises: number }[]> {
    const rows: { industry: string; n: string | number }[] = await this.dataSource.query(
      'SELECT industry, COUNT(*) AS n FROM enterprises GROUP BY industry ORDER BY n DESC, industry LIMIT ?', [limit]);
    return rows.map((r) => ({ industry: r.industry, enterprises: Number(r.n) }));
  }

  /** How many enterprises are registered. */
  /** The enterprises a random draw may pick from: of these industries and division-code prefixes (all when empty), with their grades. */
  async drawPopulation(filter: { industries: string[]; regionPrefixes: string[] }): Promise<{ creditCode: string; grade: string }[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.industries.length) { where.push('industry IN (?)'); params.push(filter.industries); }
    if (filter.regionPrefixes.length) { where.push(`(${filter.regionPrefixes.map(() => 'region LIKE ?').join(' OR ')})`); params.push(...filter.regionPrefixes.map((p) => `${p}%`)); }
    const rows: { credit_code: string; credit_grade: string }[] = await this.dataSource.query(
      `SELECT credit_code, credit_grade FROM enterprises${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY credit_code`, params);
    return rows.map((r) => ({ creditCode: r.credit_code, grade: r.credit_grade }));
  }

  async total(): Promise<number> {
    const [row]: { n: number }[] = await this.dataSource.query('SELECT COUNT(*) AS n FROM enterprises');
    return Number(row.n);
  }

  /** The enterprises' phones, for `rotate-phones`. */
  phoneColumn(): PhoneColumn {
    return new PhoneColumn(this.dataSource, { table: 'enterprises', key: 'credit_code', indexed: false });
  }
}
