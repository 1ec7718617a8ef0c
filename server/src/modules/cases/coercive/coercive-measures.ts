import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, SHANGHAI_OFFSET_MS, userActor, type PenaltyCaseView, type RuleRefusal, type SessionUser } from '@mashang/shared';
import { APP_CONFIG } from '../../../infra/config/config.module.js';
import type { AppConfig } from '../../../infra/config/config.js';
import { Transactions } from '../../../infra/database/tx.js';
import { DomainError, invalid, notFound } from '../../../infra/errors/domain-error.js';
import { CaseMeasuresRepository } from '../case-measures.repository.js';
import { CaseProcedureRepository } from '../case-procedure.repository.js';
import { CaseTrail } from '../case-trail.js';
import type { CoerciveMeasureDto } from '../dto/penalty-case.dto.js';
import { ownCaseAt } from '../own-case.js';
import { coerciveDue, extensionRefusal } from '../rules/coercive-term.js';
import { PenaltyCaseViews } from '../view/penalty-case-views.js';

const EXTENSION_REFUSALS = { released: '强制措施已经解除', 'already-extended': '强制措施只能延长一次', lapsed: '强制措施期限已届满，不能再延长' } as const;

/** 查封、扣押: started with their document, extended once with a reason, released. */
@Injectable()
export class CoerciveMeasures {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(CaseProcedureRepository) private readonly cases: CaseProcedureRepository,
    @Inject(CaseMeasuresRepository) private readonly measures: CaseMeasuresRepository,
    @Inject(CaseTrail) private readonly trail: CaseTrail,
    @Inject(PenaltyCaseViews) private readonly views: PenaltyCaseViews,
  ) {}

  async start(user: SessionUser, caseId: string, input: CoerciveMeasureDto, now = new Date()): Promise<PenaltyCaseView> {
    const startedAt = input.startedOn ? new Date(Date.parse(`${input.startedOn}T00:00:00Z`) - SHANGHAI_OFFSET_MS) : now;
    if (startedAt > now) throw invalid('startedOn', '开始日期不能晚于今天');
    await this.transactions.run(async (tx) => {
      ownCaseAt(await this.cases.lock(caseId, tx), user, ['filed', 'notified', 'review']);
      const id = randomUUID();
      const dueAt = coerciveDue(startedAt, this.config.penalties.coerciveDays);
      await this.measures.insertMeasure({ id, caseId, kind: input.kind, items: input.items.trim(), documentNo: input.documentNo.trim(), startedAt, dueAt }, tx);
      await this.cases.update(caseId, { coercive: true }, {}, now, tx);
      await this.trail.record(caseId, 'coercive-started', userActor(user), { measureId: id, kind: input.kind, documentNo: input.documentNo.trim(), dueAt: dueAt.toISOString() }, now, tx);
    }, 'READ COMMITTED');
    return this.views.detail(user, caseId);
  }

  async extend(user: SessionUser, measureId: string, reason: string, now = new Date()): Promise<PenaltyCaseView> {
    const caseId = await this.transactions.run(async (tx) => {
      const measure = await this.measures.lockMeasure(measureId, tx);
      if (!measure) throw notFound('强制措施');
      ownCaseAt(await this.cases.lock(measure.caseId, tx), user, ['filed', 'notified', 'review', 'decided']);
      const refused = extensionRefusal(measure, now);
      if (refused) {
        const refusal: RuleRefusal = { rule: 'coercive-extended', message: EXTENSION_REFUSALS[refused], remedy: '依法解除，或另行决定' };
        throw new DomainError(ErrorCode.RuleRefused, refusal.message, undefined, [refusal]);
      }
      const dueAt = coerciveDue(measure.dueAt, this.config.penalties.coerciveExtensionDays);
      await this.measures.extendMeasure(measureId, dueAt, reason.trim(), now, tx);
      await this.trail.record(measure.caseId, 'coercive-extended', userActor(user), { measureId, dueAt: dueAt.toISOString(), reason: reason.trim() }, now, tx);
      return measure.caseId;
    }, 'READ COMMITTED');
    return this.views.detail(user, caseId);
  }

  async release(user: SessionUser, measureId: string, reason: string, now = new Date()): Promise<PenaltyCaseView> {
    const caseId = await this.transactions.run(async (tx) => {
      const measure = await this.measures.lockMeasure(measureId, tx);
      if (!measure) throw notFound('强制措施');
      ownCaseAt(await this.cases.lock(measure.caseId, tx), user, ['filed', 'notified', 'review', 'decided', 'closed', 'revoked']);
      if (measure.releasedAt) throw new DomainError(ErrorCode.Conflict, '强制措施已经解除');
      await this.measures.releaseMeasure(measureId, reason.trim(), now, tx);
      await this.trail.record(measure.caseId, 'coercive-released', userActor(user), { measureId, reason: reason.trim() }, now, tx);
      return measure.caseId;
    }, 'READ COMMITTED');
    return this.views.detail(user, caseId);
  }
}
