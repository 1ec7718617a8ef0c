import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, Role, userActor, type DecisionMeasure, type LegalReviewView, type SessionUser } from '@mashang/shared';
import { Transactions } from '../../../infra/database/tx.js';
import { DomainError, forbidden, notFound } from '../../../infra/errors/domain-error.js';
import { UserRepository } from '../../auth/index.js';
import { CaseMeasuresRepository } from '../case-measures.repository.js';
import { CaseProcedureRepository } from '../case-procedure.repository.js';
import { CaseTrail } from '../case-trail.js';
import { IssueDecision } from '../decision/issue-decision.js';
import type { LegalReviewVerdictDto } from '../dto/penalty-case.dto.js';
import { reviewView } from '../view/penalty-case-views.js';

/**
 * 法制审核: a supervisor, or the agency's own legal reviewer (its admin), approves a major decision —
 * which issues it — or returns it with reasons to the officers, who decide again.
 */
@Injectable()
export class DecideLegalReview {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(CaseProcedureRepository) private readonly cases: CaseProcedureRepository,
    @Inject(CaseMeasuresRepository) private readonly measures: CaseMeasuresRepository,
    @Inject(IssueDecision) private readonly issuing: IssueDecision,
    @Inject(CaseTrail) private readonly trail: CaseTrail,
    @Inject(UserRepository) private readonly users: UserRepository,
  ) {}

  async decide(user: SessionUser, reviewId: string, input: LegalReviewVerdictDto, now = new Date()): Promise<LegalReviewView> {
    const actor = userActor(user);
    const stored = await this.transactions.run(async (tx) => {
      const review = await this.measures.lockReview(reviewId, tx);
      if (!review) throw notFound('法制审核');
      const c = await this.cases.lock(review.caseId, tx);
      if (!c) throw notFound('案件');
      if (user.role === Role.AgencyAdmin && user.agencyId !== c.agencyId) throw forbidden('只能审核本部门的案件');
      if (review.verdict !== null || c.stage !== 'review') throw new DomainError(ErrorCode.Conflict, '该法制审核已经作出结论');
      await this.measures.decideReview(reviewId, input.verdict, input.opinion.trim(), user.id, now, tx);
      await this.trail.record(c.id, 'review-decided', actor, { reviewId, verdict: input.verdict, opinion: input.opinion.trim() }, now, tx);
      if (input.verdict === 'approved') await this.issuing.issue(c, { fine: review.fine, measures: review.measures as DecisionMeasure[], reviewId }, actor, now, tx);
      else await this.cases.update(c.id, {}, { stage: 'notified', decisionFine: null }, now, tx);
      return (await this.measures.lockReview(reviewId, tx))!;
    }, 'READ COMMITTED');
    const names = await this.users.displayNames([user.id]);
    return reviewView(stored, names);
  }
}
