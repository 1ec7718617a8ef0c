import { Injectable } from '@nestjs/common';
import { Brackets } from 'typeorm';
import { EntityTable, likeContains, type Paging } from '../../infra/database/entity-table.js';
import type { Tx } from '../../infra/database/tx.js';
import { Agency } from './agency.entity.js';

@Injectable()
export class AgencyRepository extends EntityTable<Agency> {
  protected readonly entity = Agency;

  /** Agencies by name (contains) or exact id, one of them only when `onlyId` is given. */
  list(filter: { onlyId: string | null; q?: string }, paging: Paging) {
    return this.page('a', paging, 'a.id', (qb) => {
      if (filter.onlyId) qb.andWhere('a.id = :scope', { scope: filter.onlyId });
      if (filter.q) qb.andWhere(new Brackets((w) => w.where('a.name LIKE :q', { q: likeContains(filter.q!) }).orWhere('a.id = :id', { id: filter.q })));
    });
  }

  /** Names by id, in name order (the database's collation), for views that show other agencies' names. */
  async namesOf(ids: string[], tx?: Tx): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows: { id: string; name: string }[] = await this.db(tx).query('SELECT id, name FROM agencies WHERE id IN (?) ORDER BY name, id', [[...new Set(ids)]]);
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** Whether the agency's plans wait for its head's approval. */
  async requiresPlanApproval(id: string, tx?: Tx): Promise<boolean> {
    const [row]: { plan_approval: number | string }[] = await this.db(tx).query('SELECT plan_approval FROM agencies WHERE id = ?', [id]);
    return Boolean(Number(row?.plan_approval ?? 0));
  }

  /** Kinds (industry authorities) by id. */
  async kindsOf(ids: string[], tx?: Tx): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows: { id: string; kind: string }[] = await this.db(tx).query('SELECT id, kind FROM agencies WHERE id IN (?)', [[...new Set(ids)]]);
    return new Map(rows.map((r) => [r.id, r.kind]));
  }

  /** Names by id of the agencies of the same kind (industry) as this one, itself included; empty when it does not exist. */
  async namesOfSameKind(id: string, tx?: Tx): Promise<Map<string, string>> {
    const rows: { id: string; name: string }[] = await this.db(tx).query('SELECT id, name FROM agencies WHERE kind = (SELECT kind FROM agencies WHERE id = ?)', [id]);
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /**
   * A column expression for another module's read that must stay one statement: the name of the
   * agency whose id is in `idColumn` (one primary-key probe), or NULL when there is none.
   */
  nameExpression(idColumn: string): string {
    return `(SELECT a.name FROM agencies a WHERE a.id = ${idColumn})`;
  }
}
