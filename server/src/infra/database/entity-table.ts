import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { BaseRepository, type Tx } from './tx.js';

export interface Paging {
  page: number;
  pageSize: number;
}

/**
 * The plain statements on one entity's table, for a repository to build on: find (optionally locked),
 * exists, insert, update, and one filtered, ordered page.
 */
export abstract class EntityTable<E extends ObjectLiteral> extends BaseRepository {
  protected abstract readonly entity: new () => E;

  find(where: Partial<E>, tx?: Tx, { forUpdate = false } = {}): Promise<E | null> {
    return this.db(tx).findOne(this.entity, { where: where as never, lock: forUpdate ? { mode: 'pessimistic_write' } : undefined });
  }

  exists(where: Partial<E>, tx?: Tx): Promise<boolean> {
    return this.db(tx).existsBy(this.entity, where as never);
  }

  async insert(row: Partial<E>, tx?: Tx): Promise<void> {
    await this.db(tx).insert(this.entity, row as never);
  }

  async update(where: Partial<E>, patch: Partial<E>, tx?: Tx): Promise<void> {
    await this.db(tx).update(this.entity, where as never, patch as never);
  }

  protected async page(alias: string, paging: Paging, orderBy: string, filter: (qb: SelectQueryBuilder<E>) => void, tx?: Tx): Promise<{ rows: E[]; total: number }> {
    const qb = (this.db(tx) as EntityManager).createQueryBuilder(this.entity, alias);
    filter(qb);
    const [rows, total] = await qb.orderBy(orderBy, 'ASC').skip((paging.page - 1) * paging.pageSize).take(paging.pageSize).getManyAndCount();
    return { rows, total };
  }
}

/** `%`/`_` typed by a user are searched for literally. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
