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

  /**
   * Items whose industries text mentions this industry (the caller matches whole names: 餐饮 is in 餐饮服务's
   * text too). A register holds a few thousand items at most, so no index is kept for it.
   */
  mentioningIndustry(industry: string, tx?: Tx): Promise<Item[]> {
    return this.db(tx).createQueryBuilder(Item, 'i').where('i.industries LIKE :q', { q: likeContains(industry) }).orderBy('i.id').getMany();
  }

  /** Sets the booklet's guidance of every item of each name (the demo city's catalogue; registers edit one item at a time). */
  async setGuidanceByName(rows: readonly { name: string; industries: string; commonViolations: string; complianceGuide: string }[], tx?: Tx): Promise<void> {
    for (const row of rows) {
      await this.db(tx).query('UPDATE items SET industries = ?, common_violations = ?, compliance_guide = ? WHERE name = ?', [row.industries, row.commonViolations, row.complianceGuide, row.name]);
    }
  }

  /** The items of these ids that exist, in name order. */
  byIds(ids: string[], tx?: Tx): Promise<Item[]> {
    return ids.length ? this.db(tx).createQueryBuilder(Item, 'i').where('i.id IN (:...ids)', { ids }).orderBy('i.name').getMany() : Promise.resolve([]);
  }
}
