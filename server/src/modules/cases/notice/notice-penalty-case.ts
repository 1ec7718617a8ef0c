import { Inject, Injectable } from '@nestjs/common';
import { DISCRETION_LEVEL_LABELS, ErrorCode, userActor, type PenaltyCaseView, type RuleRefusal, type SessionUser } from '@mashang/shared';
import { APP_CONFIG } from '../../../infra/config/config.module.js';
import type { AppConfig } from '../../../infra/config/config.js';
import { Transactions } from '../../../infra/database/tx.js';
import { DomainError, invalid } from '../../../infra/errors/domain-error.js';
import { JobName } from '../../../infra/queues/queues.js';
import { JobOutbox, outboxJob } from '../../outbox/index.js';
import { CaseProcedureRepository } from '../case-procedure.repository.js';
import { CaseTrail } from '../case-trail.js';
import { assessDiscretion, UnknownFactorError, withinRange } from '@mashang/shared';
import { DiscretionBenchmarkRepository } from '../discretion/discretion-benchmark.repository.js';
import type { NoticeDto } from '../dto/penalty-case.dto.js';
import { OutsideRangeFlags } from '../outside-range-flags.js';
import { noticePeriods } from '../rules/notice-periods.js';
import { ownCaseAt } from '../own-case.js';
import { supervisionCodeHash, supervisionCodeKey, supervisionCodeToken } from '../supervision-code/supervision-code-token.js';
import { PenaltyCaseViews } from '../view/penalty-case-views.js';

/**
 * 行政处罚告知: the officer ticks the benchmark's factors; the points give the level and the fine
 * range; the notice opens the statement (and, above the threshold, the hearing) period and carries
 * the supervision code.
 */
@Injectable()
export class NoticePenaltyCase {
  private readonly codeKey: Buffer;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(CaseProcedureRepository) private readonly cases: CaseProcedureRepository,
    @Inject(DiscretionBenchmarkRepository) private readonly benchmarks: DiscretionBenchmarkRepository,
    @Inject(OutsideRangeFlags) private readonly outsideRange: OutsideRangeFlags,
    @Inject(CaseTrail) private readonly trail: CaseTrail,
    @Inject(JobOutbox) private readonly outbox: JobOutbox,
    @Inject(PenaltyCaseViews) private readonly views: PenaltyCaseViews,
  ) {
    this.codeKey = supervisionCodeKey(config.jwtSecret);
  }

  async notice(user: SessionUser, id: string, input: NoticeDto, now = new Date()): Promise<PenaltyCaseView> {
    const actor = userActor(user);
    await this.transactions.run(async (tx) => {
      const c = ownCaseAt(await this.cases.lock(id, tx), user, ['filed']);
      const benchmark = await this.benchmarks.find(c.cause, tx);
      if (!benchmark) throw invalid('cause', '没有该违法条款的裁量基准');
      let assessment;
      try {
        assessment = assessDiscretion(benchmark, input.factorIds);
      } catch (error) {
        if (error instanceof UnknownFactorError) throw invalid('factorIds', `裁量基准中没有该情节：${error.factorId}`);
        throw error;
      }
      const within = withinRange(assessment, input.proposedFine);
      const reason = input.outsideRangeReason?.trim() || null;
      if (!within && !reason) {
        const refusal: RuleRefusal = { rule: 'outside-range', message: `拟罚款超出“${DISCRETION_LEVEL_LABELS[assessment.level]}”档的幅度`, remedy: '调整罚款数额，或书面说明理由' };
        throw new DomainError(ErrorCode.RuleRefused, `不能告知：${refusal.message}`, undefined, [refusal]);
      }
      const measures = input.measures ?? [];
      const periods = noticePeriods(now, { fine: input.proposedFine, severeMeasure: measures.length > 0 }, this.config.penalties);
      await this.cases.update(id, { discretionLevel: assessment.level }, {
        stage: 'notified', factors: [...new Set(input.factorIds)], points: assessment.points, proposedFine: input.proposedFine,
        rangeMin: assessment.range.min, rangeMax: assessment.range.max, outsideRangeReason: within ? null : reason, notifiedAt: now,
        statementUntil: periods.statementUntil, hearingUntil: periods.hearingUntil, measures, codeHash: supervisionCodeHash(supervisionCodeToken(this.codeKey, id)),
      }, now, tx);
      await this.trail.record(id, 'case-noticed', actor, {
        factorIds: input.factorIds, points: assessment.points, level: assessment.level, fine: input.proposedFine, measures,
        statementUntil: periods.statementUntil.toISOString(), hearingUntil: periods.hearingUntil?.toISOString() ?? null,
      }, now, tx);
      if (!within) await this.outsideRange.raise({ case: c, step: 'notice', fine: input.proposedFine, assessment, reason: reason!, actor }, now, tx);
      // The party's SMS with the code follows from the queue once this commits, Redis or not.
      await this.outbox.add([outboxJob(JobName.PenaltyNoticeSms, { caseId: id })], tx);
    }, 'READ COMMITTED');
    return this.views.detail(user, id);
  }
}
