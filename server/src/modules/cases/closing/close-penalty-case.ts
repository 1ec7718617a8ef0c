import { Inject, Injectable } from '@nestjs/common';
import { userActor, type PenaltyCaseView, type SessionUser } from '@mashang/shared';
import { Transactions } from '../../../infra/database/tx.js';
import { invalid } from '../../../infra/errors/domain-error.js';
import { CaseProcedureRepository } from '../case-procedure.repository.js';
import { CaseTrail } from '../case-trail.js';
import { DiscretionBenchmarkRepository } from '../discretion/discretion-benchmark.repository.js';
import { ownCaseAt } from '../own-case.js';
import { PenaltyCaseViews } from '../view/penalty-case-views.js';

/** 结案, 撤销立案 and 变更案由, each with its reason on the case's trail. */
@Injectable()
export class ClosePenaltyCase {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(CaseProcedureRepository) private readonly cases: CaseProcedureRepository,
    @Inject(DiscretionBenchmarkRepository) private readonly benchmarks: DiscretionBenchmarkRepository,
    @Inject(CaseTrail) private readonly trail: CaseTrail,
    @Inject(PenaltyCaseViews) private readonly views: PenaltyCaseViews,
  ) {}

  /** 结案 once the decision is carried out. */
  async close(user: SessionUser, id: string, reason: string, now = new Date()): Promise<PenaltyCaseView> {
    await this.transactions.run(async (tx) => {
      ownCaseAt(await this.cases.lock(id, tx), user, ['decided']);
      await this.cases.update(id, { status: 'closed', closedAt: now }, { stage: 'closed' }, now, tx);
      await this.trail.record(id, 'case-closed', userActor(user), { reason: reason.trim() }, now, tx);
    }, 'READ COMMITTED');
    return this.views.detail(user, id);
  }

  /** 撤销立案 before a decision. */
  async revoke(user: SessionUser, id: string, reason: string, now = new Date()): Promise<PenaltyCaseView> {
    await this.transactions.run(async (tx) => {
      ownCaseAt(await this.cases.lock(id, tx), user, ['filed', 'notified']);
      await this.cases.update(id, { status: 'revoked', revokedAt: now }, { stage: 'revoked' }, now, tx);
      await this.trail.record(id, 'case-revoked', userActor(user), { reason: reason.trim() }, now, tx);
    }, 'READ COMMITTED');
    return this.views.detail(user, id);
  }

  /**
   * 变更案由 before a decision. The exchange record lists every change, the last one's `to` being the
   * cause; a noticed case goes back to be noticed again under its new clause.
   */
  async changeCause(user: SessionUser, id: string, to: string, reason: string, now = new Date()): Promise<PenaltyCaseView> {
    await this.transactions.run(async (tx) => {
      const c = ownCaseAt(await this.cases.lock(id, tx), user, ['filed', 'notified']);
      if (to === c.cause) throw invalid('to', '新案由与原案由相同');
      const benchmark = await this.benchmarks.find(to, tx);
      if (!benchmark) throw invalid('to', '没有该违法条款的裁量基准');
      const causeChanges = [...c.causeChanges, { from: c.cause, to, at: now.toISOString() }];
      await this.cases.update(id, { cause: to, causeChanges, discretionLevel: 'general' }, {
        stage: 'filed', factors: [], points: null, proposedFine: null, rangeMin: null, rangeMax: null, outsideRangeReason: null, measures: [],
      }, now, tx);
      await this.cases.setLegalBasis(id, benchmark.legalBasis, tx);
      await this.trail.record(id, 'cause-changed', userActor(user), { from: c.cause, to, reason: reason.trim() }, now, tx);
    }, 'READ COMMITTED');
    return this.views.detail(user, id);
  }
}
