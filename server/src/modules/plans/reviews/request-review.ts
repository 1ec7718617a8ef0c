import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, userActor, type SessionUser } from '@mashang/shared';
import { Transactions } from '../../../infra/database/tx.js';
import { DomainError, forbidden, invalid } from '../../../infra/errors/domain-error.js';
import { agencyScope } from '../../auth/index.js';
import { FlagRaiser } from '../../flags/index.js';
import { InspectionRepository } from '../../inspections/index.js';
import { AgencyRepository } from '../../registry/index.js';
import { ReviewRepository } from '../review.repository.js';
import { reviewRefusal } from './review-eligibility.js';
import { ReviewViews, type ReviewView } from './review-views.js';

/** 异议复查: disputing a same-industry result instead of inspecting the same facts again. */
@Injectable()
export class RequestReview {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(ReviewRepository) private readonly reviews: ReviewRepository,
    @Inject(InspectionRepository) private readonly inspections: InspectionRepository,
    @Inject(AgencyRepository) private readonly agencies: AgencyRepository,
    @Inject(FlagRaiser) private readonly flags: FlagRaiser,
    @Inject(ReviewViews) private readonly views: ReviewViews,
  ) {}

  async request(user: SessionUser, inspectionId: string, reason: string, now = new Date()): Promise<ReviewView> {
    const agencyId = agencyScope(user);
    if (!agencyId) throw forbidden('只有执法部门可以申请异议复查');
    const actor = userActor(user);
    const id = await this.transactions.run(async (tx) => {
      const inspection = await this.inspections.byId(inspectionId, tx);
      const kinds = await this.agencies.kindsOf(inspection ? [inspection.agencyId, agencyId] : [], tx);
      if (!inspection || !kinds.has(inspection.agencyId)) throw invalid('inspectionId', '检查记录不存在');
      const refusal = reviewRefusal({ agencyId: inspection.agencyId, agencyKind: kinds.get(inspection.agencyId)!, startedAt: inspection.startedAt }, { agencyId, kind: kinds.get(agencyId) }, now);
      if (refusal) throw invalid('inspectionId', refusal);
      if (await this.reviews.lockPending(inspectionId, agencyId, tx)) throw new DomainError(ErrorCode.Conflict, '本部门对该检查结果的异议复查申请已在处理中');
      const reviewId = randomUUID();
      await this.reviews.insert({
        id: reviewId, inspectionId, creditCode: inspection.creditCode, agencyId, reason: reason.trim(), status: 'pending', requestedBy: user.id, requestedAt: now,
      }, tx);
      await this.reviews.appendEvent({ reviewId, kind: 'requested', actor, note: reason.trim(), at: now }, tx);
      // The supervisor decides review requests: each one is a case in the supervision queue.
      await this.flags.raiseOne({
        dedupeKey: `review:${reviewId}`,
        source: 'review',
        subjectType: 'review',
        subjectId: reviewId,
        agencyId: inspection.agencyId,
        creditCode: inspection.creditCode,
        inspectionId,
        severity: 'medium',
        title: `异议复查：对检查 ${inspectionId} 的结果有异议`,
        evidence: { reviewId, inspectionId, requestingAgencyId: agencyId, reason: reason.trim() },
        actor,
      }, now, tx);
      return reviewId;
    });
    return this.views.get(user, id);
  }
}
