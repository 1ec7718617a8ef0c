import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, SHANGHAI_OFFSET_MS, shanghaiDate, userActor, type PenaltyCaseView, type SessionUser } from '@mashang/shared';
import { APP_CONFIG } from '../../../infra/config/config.module.js';
import type { AppConfig } from '../../../infra/config/config.js';
import { Transactions } from '../../../infra/database/tx.js';
import { DomainError, invalid } from '../../../infra/errors/domain-error.js';
import { CaseMeasuresRepository } from '../case-measures.repository.js';
import { CaseProcedureRepository } from '../case-procedure.repository.js';
import { CaseTrail } from '../case-trail.js';
import type { DecisionDto } from '../dto/penalty-case.dto.js';
import { OutsideRangeFlags } from '../outside-range-flags.js';
import { ownCaseAt } from '../own-case.js';
import { decisionRefusals } from '../rules/decision-readiness.js';
import { majorDecisionReasons } from '../rules/major-decision.js';
import { endOfDayAfter } from '../rules/notice-periods.js';
import { PenaltyCaseViews } from '../view/penalty-case-views.js';
import { IssueDecision } from './issue-decision.js';

/**
 * 作出处罚决定 once the statement period is over (or the party has spoken) and a requested hearing
 * held. A major decision (重大执法决定) is not issued: it goes to legal review, and is issued when approved.
 */
@Injectable()
export class DecidePenaltyCase {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(CaseProcedureRepository) private readonly cases: CaseProcedureRepository,
    @Inject(CaseMeasuresRepository) private readonly measures: CaseMeasuresRepository,
    @Inject(IssueDecision) private readonly issuing: IssueDecision,
    @Inject(OutsideRangeFlags) private readonly outsideRange: OutsideRangeFlags,
    @Inject(CaseTrail) private readonly trail: CaseTrail,
    @Inject(PenaltyCaseViews) private readonly views: PenaltyCaseViews,
  ) {}

  async decide(user: SessionUser, id: string, input: DecisionDto, now = new Date()): Promise<PenaltyCaseView> {
    const actor = userActor(user);
    const hearingHeldAt = input.hearingHeldOn ? new Date(Date.parse(`${input.hearingHeldOn}T00:00:00Z`) - SHANGHAI_OFFSET_MS) : null;
    if (hearingHeldAt && hearingHeldAt > now) throw invalid('hearingHeldOn', '听证日期不能晚于今天');
    await this.transactions.run(async (tx) => {
      const c = ownCaseAt(await this.cases.lock(id, tx), user, ['notified']);
      if (input.hearingHeldOn && c.notifiedAt && input.hearingHeldOn < shanghaiDate(c.notifiedAt)) throw invalid('hearingHeldOn', '听证日期早于告知日期');
      const within = input.fine >= c.rangeMin! && input.fine <= c.rangeMax!;
      const reason = input.outsideRangeReason?.trim() || null;
      const hearingHeld = hearingHeldAt !== null || c.hearingHeldAt !== null;
      const refusals = decisionRefusals({
        now, statementUntil: c.statementUntil!, statementMade: await this.cases.hasSubmission(id, 'statement', tx),
        hearingRequested: c.hearingRequestedAt !== null, hearingHeld, fineWithinRange: within, outsideRangeReason: reason,
      });
      if (refusals.length) throw new DomainError(ErrorCode.RuleRefused, `不能作出决定：${refusals.map((r) => r.message).join('；')}`, undefined, refusals);
      const measures = input.measures ?? [];
      const reasons = majorDecisionReasons({ fine: input.fine, measures, hearingHeld }, this.config.penalties.majorMinFine);
      if (hearingHeldAt) await this.cases.update(id, {}, { hearingHeldAt }, now, tx);
      if (!within) {
        const assessment = { points: c.points ?? 0, level: c.discretionLevel as 'light' | 'general' | 'severe', range: { min: c.rangeMin!, max: c.rangeMax! } };
        await this.outsideRange.raise({ case: c, step: 'decision', fine: input.fine, assessment, reason: reason!, actor }, now, tx);
      }
      if (!reasons.length) {
        await this.issuing.issue(c, { fine: input.fine, measures, reviewId: null }, actor, now, tx);
        return;
      }
      const reviewId = randomUUID();
      const dueAt = endOfDayAfter(now, this.config.penalties.reviewDays);
      await this.measures.insertReview({ id: reviewId, caseId: id, reasons, fine: input.fine, measures, requestedAt: now, dueAt }, tx);
      await this.cases.update(id, {}, { stage: 'review', decisionFine: input.fine, measures, major: true, outsideRangeReason: within ? c.outsideRangeReason : reason }, now, tx);
      await this.trail.record(id, 'review-requested', actor, { reviewId, reasons, fine: input.fine, measures, dueAt: dueAt.toISOString() }, now, tx);
    }, 'READ COMMITTED');
    return this.views.detail(user, id);
  }
}
