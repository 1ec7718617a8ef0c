import { Inject, Injectable } from '@nestjs/common';
import type { Page, SessionUser } from '@mashang/shared';
import { forbidden, notFound } from '../../../infra/errors/domain-error.js';
import { agencyScope } from '../../auth/index.js';
import { InspectionRepository } from '../../inspections/index.js';
import { ReviewRepository, type ReviewStatus } from '../review.repository.js';

export interface ReviewView {
  id: string;
  inspectionId: string;
  creditCode: string;
  agencyId: string;
  inspectedByAgencyId: string;
  reason: string;
  status: ReviewStatus;
  requestedAt: string;
  events: { kind: string; actor: string; note: string | null; at: string }[];
}

/** Review requests as the API shows them. */
@Injectable()
export class ReviewViews {
  constructor(
    @Inject(ReviewRepository) private readonly reviews: ReviewRepository,
    @Inject(InspectionRepository) private readonly inspections: InspectionRepository,
  ) {}

  /** Pending first, then newest: all of them for overseers; for an agency, those it made or that dispute its results. */
  async list(user: SessionUser, page: number, pageSize: number): Promise<Page<ReviewView>> {
    const scope = agencyScope(user);
    const visibleTo = scope ? { agencyId: scope, inspectionIds: await this.inspectionsOf(scope) } : null;
    const { ids, total } = await this.reviews.page(visibleTo, { page, pageSize });
    const items: ReviewView[] = [];
    for (const id of ids) items.push(await this.get(user, id));
    return { items, total, page, pageSize };
  }

  /** The requesting agency, the agency whose result is disputed, and overseers may read it. */
  async get(user: SessionUser, id: string): Promise<ReviewView> {
    const review = await this.reviews.byId(id);
    const inspectedBy = review && (await this.inspections.agencyOf(review.inspectionId));
    if (!review || !inspectedBy) throw notFound('异议复查申请');
    const scope = agencyScope(user);
    if (scope && scope !== review.agencyId && scope !== inspectedBy) throw forbidden('不能访问其他部门的数据');
    const events = await this.reviews.eventsOf(id);
    return {
      id: review.id,
      inspectionId: review.inspectionId,
      creditCode: review.creditCode,
      agencyId: review.agencyId,
      inspectedByAgencyId: inspectedBy,
      reason: review.reason,
      status: review.status,
      requestedAt: review.requestedAt.toISOString(),
      events: events.map((e) => ({ kind: e.kind, actor: e.actor, note: e.note, at: e.at.toISOString() })),
    };
  }

  /** The disputed inspections that are this agency's own. */
  private async inspectionsOf(agencyId: string): Promise<string[]> {
    const agencies = await this.inspections.agenciesOf(await this.reviews.disputedInspectionIds());
    return [...agencies].filter(([, owner]) => owner === agencyId).map(([id]) => id);
  }
}
