import { Inject, Injectable } from '@nestjs/common';
import type { CaseListItem, CaseListQuery, CasePage, SessionUser } from '@mashang/shared';
import { FlaggedCaseQueueRepository, type QueueFilter } from '../../flags/index.js';
import { EnterpriseRepository } from '../../registry/index.js';
import { CaseNames } from '../case-names.js';
import { listedFor, sourcesHiddenFrom } from '../case-disclosure.js';
import { listItem } from '../case-view.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { enterpriseSearch, queueFilter } from './queue-filter.js';

/** Enterprises whose names look like a typed credit code, searched beside the code itself at most. */
const NAMES_LIKE_CODE = 200;

/** 执法监督: the flagged-case queue with its filters, search and keyset pages. */
@Injectable()
export class CaseQueue {
  constructor(
    @Inject(FlaggedCaseQueueRepository) private readonly queue: FlaggedCaseQueueRepository,
    @Inject(EnterpriseRepository) private readonly enterprises: EnterpriseRepository,
    @Inject(CaseNames) private readonly names: CaseNames,
  ) {}

  async list(user: SessionUser, query: CaseListQuery, now = new Date()): Promise<CasePage> {
    const filter = await this.filter(user, query, now);
    const pageSize = query.pageSize ?? 20;
    const sort = query.sort ?? 'newest';
    if (sort === 'deadline') filter.withDeadline = true;
    const after = query.cursor ? decodeCursor(query.cursor, sort) : null;
    const [total, rows] = await Promise.all([
      this.queue.count(filter),
      this.queue.page(filter, sort, after && { key: sort === 'deadline' ? after.key : new Date(after.key), id: after.id }, pageSize + 1),
    ]);
    const shown = rows.slice(0, pageSize);
    const namesOf = await this.names.of(shown);
    const items = shown.map((c) => listedFor(user, listItem(c, namesOf(c), now)));
    const last = items[items.length - 1];
    return {
      items,
      total,
      nextCursor: rows.length > pageSize && last ? encodeCursor(sort === 'deadline' ? last.deadline! : last.createdAt, last.id) : null,
    };
  }

  /** The first `limit` cases of the list, newest first, for an export. */
  async rows(user: SessionUser, query: CaseListQuery, limit: number, now = new Date()): Promise<CaseListItem[]> {
    const rows = await this.queue.page(await this.filter(user, query, now), 'newest', null, limit);
    const namesOf = await this.names.of(rows);
    return rows.map((c) => listedFor(user, listItem(c, namesOf(c), now)));
  }

  private async filter(user: SessionUser, query: CaseListQuery, now: Date): Promise<QueueFilter> {
    const filter = queueFilter(user, query, now);
    const search = enterpriseSearch(query.q);
    // Found by the enterprise, a rating's case would tell the rated agency who rated it.
    const hidden = sourcesHiddenFrom(user);
    if (search && hidden.length) filter.withoutSources = hidden;
    if (search && 'codePrefix' in search) {
      // A code being typed: a range on the credit-code index (names that look like codes are looked up first).
      filter.creditCodes = { prefix: search.codePrefix, orIn: await this.enterprises.codesNamed(search.text, NAMES_LIKE_CODE) };
    } else if (search) {
      filter.creditCodes = { in: this.enterprises.codesNamedLike(search.name) };
    }
    return filter;
  }
}
