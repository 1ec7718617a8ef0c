import { Inject, Injectable } from '@nestjs/common';
import { ENTERPRISE_ACTOR, ErrorCode, type OffsiteRequestView, type RuleRefusal } from '@mashang/shared';
import { Transactions } from '../../../infra/database/tx.js';
import { DomainError } from '../../../infra/errors/domain-error.js';
import { TrailRepository } from '../../trail/index.js';
import { unansweredAsks } from '../evidence-rules.js';
import { OffsiteRequestRepository } from '../offsite-request.repository.js';
import { OffsiteViews } from '../offsite-views.js';
import { EnterpriseRequest, type Answerer } from './enterprise-request.js';

/** The enterprise says it has sent everything: every ask needs something of this round; the officer decides next. */
@Injectable()
export class SubmitAnswer {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(OffsiteRequestRepository) private readonly requests: OffsiteRequestRepository,
    @Inject(EnterpriseRequest) private readonly enterprise: EnterpriseRequest,
    @Inject(TrailRepository) private readonly trail: TrailRepository,
    @Inject(OffsiteViews) private readonly views: OffsiteViews,
  ) {}

  async submit(by: Answerer, now = new Date()): Promise<OffsiteRequestView> {
    const id = await this.transactions.run(async (tx) => {
      const request = await this.enterprise.lockOpen(by, tx);
      if (request.status === 'answered') throw new DomainError(ErrorCode.Conflict, '材料已提交，等待执法部门审核');
      const asks = await this.requests.asksOf(request.id, tx);
      const evidence = await this.requests.evidenceOf(request.id, tx);
      const missing = unansweredAsks(asks.map((a) => a.position), evidence, request.round);
      if (missing.length) {
        const refusal: RuleRefusal = { rule: 'offsite-evidence-missing', message: `还有${missing.length}项没有提交材料`, remedy: '逐项上传照片、文件或填写读数后再提交' };
        throw new DomainError(ErrorCode.RuleRefused, `不能提交：${refusal.message}`, undefined, [refusal]);
      }
      await this.requests.markAnswered(request.id, now, tx);
      await this.trail.append({
        inspectionId: request.planId, kind: 'offsite-answered', actor: ENTERPRISE_ACTOR,
        detail: { requestId: request.id, round: request.round, evidence: evidence.filter((e) => e.round === request.round).map((e) => ({ position: e.position, kind: e.kind, sha256: e.sha256 })) }, at: now,
      }, tx);
      return request.id;
    }, 'READ COMMITTED');
    return this.views.view((await this.requests.find(id))!);
  }
}
