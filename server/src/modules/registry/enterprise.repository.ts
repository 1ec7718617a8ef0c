import { Injectable } from '@nestjs/common';
import { Brackets } from 'typeorm';
import { EntityTable, likeContains, type Paging } from '../../infra/database/entity-table.js';
import type { Statement } from '../../infra/database/multi-statement-pool.js';
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

  /** Names by credit code. */
  async namesOf(creditCodes: string[], tx?: Tx): Promise<Map<string, string>> {
    if (!creditCodes.length) return new Map();
    const rows: LockedEnterprise[] = await this.db(tx).query('SELECT credit_code, name FROM enterprises WHERE credit_code IN (?)', [[...new Set(creditCodes)]]);
    return new Map(rows.map((r) => [r.credit_code, r.name]));
  }
}
