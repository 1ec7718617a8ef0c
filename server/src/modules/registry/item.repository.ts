import { Injectable } from '@nestjs/common';
import { Brackets } from 'typeorm';
import { EntityTable, likeContains, type Paging } from '../../infra/database/entity-table.js';
import type { Tx } from '../../infra/database/tx.js';
import { Item } from './item.entity.js';

@Injectable()
export class ItemRepository extends EntityTable<Item> {
  protected readonly entity = Item;

  /** Items of one agency (or all), by name (contains) or id. */
  list(filter: { agencyId: string | null; q?: string }, paging: Paging) {
    return this.page('i', paging, 'i.id', (qb) => {
      if (filter.agencyId) qb.andWhere('i.agency_id = :agencyId', { agencyId: filter.agencyId });
      if (filter.q) qb.andWhere(new Brackets((w) => w.where('i.name LIKE :q', { q: likeContains(filter.q!) }).orWhere('i.id = :exact', { exact: filter.q })));
    });
  }

  /** Names by id, in the order asked. */
  async namesOf(ids: string[], tx?: Tx): Promise<string[]> {
    if (!ids.length) return [];
    const rows: { id: string; name: string }[] = await this.db(tx).query('SELECT id, name FROM items WHERE id IN (?)', [ids]);
    const byId = new Map(rows.map((r) => [r.id, r.name]));
    return ids.filter((id) => byId.has(id)).map((id) => byId.get(id)!);
  }

  /** Name and legal basis by id, for views that list items. */
  async detailsOf(ids: string[], tx?: Tx): Promise<Map<string, { name: string; basis: string }>> {
    if (!ids.length) return new Map();
    const rows: { id: string; name: string; basis: string }[] = await this.db(tx).query('SELECT id, name, basis FROM items WHERE id IN (?)', [[...new Set(ids)]]);
    return new Map(rows.map((r) => [r.id, { name: r.name, basis: r.basis }]));
  }
}
