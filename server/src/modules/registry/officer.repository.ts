import { Injectable } from '@nestjs/common';
import { Brackets } from 'typeorm';
import type { Statement } from '../../infra/database/multi-statement-pool.js';
import { EntityTable, likeContains, type Paging } from '../../infra/database/entity-table.js';
import { PhoneColumn } from '../../infra/database/phone-columns.js';
import type { Tx } from '../../infra/database/tx.js';
import { Officer } from './officer.entity.js';

@Injectable()
export class OfficerRepository extends EntityTable<Officer> {
  protected readonly entity = Officer;

  /** Officers of one agency (or all), on duty or not (or both), by name (contains), certificate number or id. */
  list(filter: { agencyId: string | null; q?: string; active?: boolean }, paging: Paging) {
    return this.page('o', paging, 'o.id', (qb) => {
      if (filter.agencyId) qb.andWhere('o.agency_id = :agencyId', { agencyId: filter.agencyId });
      if (filter.active !== undefined) qb.andWhere('o.active = :active', { active: filter.active ? 1 : 0 });
      if (filter.q) qb.andWhere(new Brackets((w) => w.where('o.name LIKE :q', { q: likeContains(filter.q!) }).orWhere('o.cert_no = :exact', { exact: filter.q }).orWhere('o.id = :exact')));
    });
  }

  /** The officers of these ids that exist. */
  byIds(ids: string[], tx?: Tx): Promise<Officer[]> {
    return ids.length ? this.db(tx).createQueryBuilder(Officer, 'o').where('o.id IN (:...ids)', { ids }).getMany() : Promise.resolve([]);
  }

  /** The agency's officers on duty whose certificate is valid through `lastDay` (YYYY-MM-DD), by id. */
  async certifiedThrough(agencyId: string, lastDay: string, tx?: Tx): Promise<string[]> {
    const rows: { id: string }[] = await this.db(tx).query(
      'SELECT id FROM officers WHERE agency_id = ? AND active = 1 AND cert_expires IS NOT NULL AND cert_expires >= ? ORDER BY id', [agencyId, lastDay]);
    return rows.map((r) => r.id);
  }

  /** Names by id, for views that name the officers of other modules' records. */
  async namesOf(ids: string[], tx?: Tx): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows: { id: string; name: string }[] = await this.db(tx).query('SELECT id, name FROM officers WHERE id IN (?)', [[...new Set(ids)]]);
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** The certificate expiries of these officers that have one, for a caller's multi-statement script (the check-in's first round trip). */
  certificateExpiriesStatement(ids: string[]): Statement {
    return ['SELECT id, cert_expires FROM officers WHERE id IN (?) AND cert_expires IS NOT NULL', [[...new Set(ids)]]];
  }

  /** The officers' phones, for `rotate-phones`. */
  phoneColumn(): PhoneColumn {
    return new PhoneColumn(this.dataSource, { table: 'officers', key: 'id', indexed: false });
  }
}
