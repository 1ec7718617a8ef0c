import { Inject, Injectable } from '@nestjs/common';
import type { Page, ReviewRequestView, ReviewStatus, SessionUser } from '@mashang/shared';
import { forbidden, notFound } from '../../../infra/errors/domain-error.js';
import { agencyScope, UserRepository } from '../../auth/index.js';
import { InspectionRepository } from '../../inspections/index.js';
import { AgencyRepository, EnterpriseRepository } from '../../registry/index.js';
import { ReviewRepository } from '../review.repository.js';

export type ReviewView = ReviewRequestView;

/** Review requests as the API shows them: with the names of the agencies and the enterprise, and the disputed result. */
@Injectable()
export class ReviewViews {
  constructor(
    @Inject(ReviewRepository) private readonly reviews: ReviewRepository,
    @Inject(InspectionRepository) private readonly inspections: InspectionRepository,
    @Inject(AgencyRepository) private readonly agencies: AgencyRepository,
    @Inject(EnterpriseRepository) private readonly enterprises: EnterpriseRepository,
    @Inject(UserRepository) private readonly users: UserRepository,
  ) {}

  /** Pending first, then newest: all of them for overseers; for an agency, those it made or that dispute its results. */
  async list(user: SessionUser, page: number, pageSize: number, status?: ReviewStatus): Promise<Page<ReviewView>> {
    const scope = agencyScope(user);
    const visibleTo = scope ? { agencyId: scope, inspectionIds: await this.inspectionsOf(scope) } : null;
    const { ids, total } = await this.reviews.page(visibleTo, { page, pageSize }, status);
    return { items: await this.views(ids), total, page, pageSize };
  }

  /** The requesting agency, the agency whose result is disputed, and overseers may read it. */
  async get(user: SessionUser, id: string): Promise<ReviewView> {
    const [review] = await this.views([id]);
    if (!review) throw notFound('异议复查申请');
    const scope = agencyScope(user);
    if (scope && scope !== review.agencyId && scope !== review.inspectedByAgencyId) throw forbidden('不能访问其他部门的数据');
    return review;
  }

  /** The views of these requests, in the order asked; a request whose inspection record is gone is left out. */
  private async views(ids: string[]): Promise<ReviewView[]> {
    const stored = new Map((await this.reviews.byIds(ids)).map((r) => [r.id, r]));
    const inspections = new Map((await this.inspections.byIds([...new Set([...stored.values()].map((r) => r.inspectionId))])).map((i) => [i.id, i]));
    const [events, agencyNames, enterpriseNames] = await Promise.all([
      this.reviews.eventsOf([...stored.keys()]),
      this.agencies.namesOf([...stored.values()].flatMap((r) => [r.agencyId, inspections.get(r.inspectionId)?.agencyId ?? r.agencyId])),
      this.enterprises.namesOf([...stored.values()].map((r) => r.creditCode)),
    ]);
    const actorNames = await this.users.actorNames(events.map((e) => e.actor));
    return ids.flatMap((id) => {
      const review = stored.get(id);
      const inspection = review && inspections.get(review.inspectionId);
      if (!review || !inspection) return [];
      return [{
        id: review.id,
        inspectionId: review.inspectionId,
        creditCode: review.creditCode,
        enterpriseName: enterpriseNames.get(review.creditCode) ?? null,
        agencyId: review.agencyId,
        agencyName: agencyNames.get(review.agencyId) ?? null,
        inspectedByAgencyId: inspection.agencyId,
        inspectedByAgencyName: agencyNames.get(inspection.agencyId) ?? null,
        inspectionStartedAt: inspection.startedAt.toISOString(),
        inspectionResult: inspection.result,
        reason: review.reason,
        status: review.status,
        requestedAt: review.requestedAt.toISOString(),
        events: events.filter((e) => e.reviewId === id).map((e) => ({ kind: e.kind, actor: e.actor, actorName: actorNames.get(e.actor) ?? null, note: e.note, at: e.at.toISOString() })),
      }];
    });
  }

  /** The disputed inspections that are this agency's own. */
  private async inspectionsOf(agencyId: string): Promise<string[]> {
    const agencies = await this.inspections.agenciesOf(await this.reviews.disputedInspectionIds());
    return [...agencies].filter(([, owner]) => owner === agencyId).map(([id]) => id);
  }
}
