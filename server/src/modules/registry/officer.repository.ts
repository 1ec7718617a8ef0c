import { Injectable } from '@nestjs/common';
import { Brackets } from 'typeorm';
import { EntityTable, likeContains, type Paging } from '../../infra/database/entity-table.js';
import type { Tx } from '../../infra/database/tx.js';
import { Officer } from './officer.entity.js';

@Injectable()
export class OfficerRepository extends EntityTable<Officer> {
  protected readonly entity = Officer;

  /** Officers of one agency (or all), by name (contains), certificate number or id. */
  list(filter: { agencyId: string | null; q?: string }, paging: Paging) {
    return this.page('o', paging, 'o.id', (qb) => {
      if (filter.agencyId) qb.andWhere('o.agency_id = :agencyId', { agencyId: filter.agencyId });
      if (filter.q) qb.andWhere(new Brackets((w) => w.where('o.name LIKE :q', { q: likeContains(filter.q!) }).orWhere('o.cert_no = :exact', { exact: filter.q }).orWhere('o.id = :exact')));
    });
  }

  /** Names by id, for views that name the officers of other modules' records. */
  async namesOf(ids: string[], tx?: Tx): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows: { id: string; name: string }[] = await this.db(tx).query('SELECT id, name FROM officers WHERE id IN (?)', [[...new Set(ids)]]);
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** Name and certificate number (执法证号) by id, as an officer shows them to the public. */
  async cardsOf(ids: string[], tx?: Tx): Promise<Map<string, { name: string; certNo: string }>> {
    if (!ids.length) return new Map();
    const rows: { id: string; name: string; cert_no: string }[] = await this.db(tx).query('SELECT id, name, cert_no FROM officers WHERE id IN (?)', [[...new Set(ids)]]);
    return new Map(rows.map((r) => [r.id, { name: r.name, certNo: r.cert_no }]));
  }
}
