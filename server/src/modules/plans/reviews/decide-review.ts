import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, userActor, type SessionUser } from '@mashang/shared';
import { Transactions } from '../../../infra/database/tx.js';
import { DomainError, notFound } from '../../../infra/errors/domain-error.js';
import { FlaggedCaseRepository } from '../../flags/index.js';
import { ReviewRepository } from '../review.repository.js';
import { ReviewViews, type ReviewView } from './review-views.js';

/** The supervisor (司法局) decides a review request: accepted — the result is reviewed again; rejected — it stands. */
@Injectable()
export class DecideReview {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(ReviewRepository) private readonly reviews: ReviewRepository,
    @Inject(FlaggedCaseRepository) private readonly flaggedCases: FlaggedCaseRepository,
    @Inject(ReviewViews) private readonly views: ReviewViews,
  ) {}

  async decide(user: SessionUser, id: string, accept: boolean, note: string, now = new Date()): Promise<ReviewView> {
    const actor = userActor(user);
    await this.transactions.run(async (tx) => {
      const status = await this.reviews.lockStatus(id, tx);
      if (!status) throw notFound('异议复查申请');
      if (status !== 'pending') throw new DomainError(ErrorCode.Conflict, '该申请已有决定');
      const decision = accept ? 'accepted' : 'rejected';
      await this.reviews.setStatus(id, decision, tx);
      await this.reviews.appendEvent({ reviewId: id, kind: decision, actor, note: note.trim(), at: now }, tx);
      // The supervision case this request raised shows the decision in its log; the supervisor closes it there.
      await this.flaggedCases.appendEventByDedupeKey(`review:${id}`, { kind: 'review-decided', actor, detail: { decision, note: note.trim() }, at: now }, tx);
    });
    return this.views.get(user, id);
  }
}
