import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, userActor, type OfficerOffsiteRequestView, type SessionUser } from '@mashang/shared';
import { APP_CONFIG } from '../../../infra/config/config.module.js';
import type { AppConfig } from '../../../infra/config/config.js';
import { DomainError, forbidden, invalid, notFound } from '../../../infra/errors/domain-error.js';
import { JobName } from '../../../infra/queues/queues.js';
import { agencyScope } from '../../auth/index.js';
import { JobOutbox, outboxJob } from '../../outbox/index.js';
import { EnterpriseSerial, IssueCode, PlanRepository } from '../../plans/index.js';
import { TrailRepository } from '../../trail/index.js';
import type { SendOffsiteRequestDto } from '../dto/offsite.dto.js';
import { OffsiteRequestRepository } from '../offsite-request.repository.js';
import { offsiteToken, offsiteTokenHash, offsiteTokenKey } from '../offsite-token.js';
import { OffsiteViews } from '../offsite-views.js';

/**
 * 非现场检查: the officer asks the enterprise for evidence of an off-site plan's items. The plan gets its
 * inspection code first (an off-site check is coded like a visit); the request, its trail entry and the
 * SMS job are written in one transaction, the enterprise locked as for every change to its plans.
 */
@Injectable()
export class SendOffsiteRequest {
  private readonly key: Buffer;

  constructor(
    @Inject(EnterpriseSerial) private readonly serial: EnterpriseSerial,
    @Inject(PlanRepository) private readonly plans: PlanRepository,
    @Inject(IssueCode) private readonly codes: IssueCode,
    @Inject(OffsiteRequestRepository) private readonly requests: OffsiteRequestRepository,
    @Inject(TrailRepository) private readonly trail: TrailRepository,
    @Inject(JobOutbox) private readonly outbox: JobOutbox,
    @Inject(OffsiteViews) private readonly views: OffsiteViews,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.key = offsiteTokenKey(config.jwtSecret);
  }

  async send(user: SessionUser, input: SendOffsiteRequestDto, now = new Date()): Promise<OfficerOffsiteRequestView> {
    const agencyId = agencyScope(user);
    if (!agencyId) throw forbidden('只有执法部门的人员可以发起非现场检查');
    const plan = await this.plans.byId(input.planId);
    if (!plan || plan.agencyId !== agencyId) throw notFound('检查计划');
    if (plan.mode !== 'offsite') throw new DomainError(ErrorCode.Conflict, '该计划为现场检查，不能发起非现场检查');
    if (plan.status !== 'active' || plan.finishedAt) throw new DomainError(ErrorCode.Conflict, '该计划已取消、待审批或已结束，不能发起非现场检查');
    const planItems = new Set((await this.plans.itemsOf([plan.id])).map((i) => i.memberId));
    input.asks.forEach((ask, i) => {
      if (!planItems.has(ask.itemId)) throw invalid(`asks.${i}.itemId`, '不是该计划的检查事项');
    });
    if (await this.requests.ofPlan(plan.id)) throw new DomainError(ErrorCode.Conflict, '该计划已发起非现场检查');
    // Coded like a visit: issued (or the live one returned) before the check begins.
    await this.codes.issue(user, plan.id, undefined, now);
    const id = randomUUID();
    const asks = input.asks.map((ask, position) => ({ position, itemId: ask.itemId, kind: ask.kind, ask: ask.ask.trim() }));
    await this.serial.run(plan.creditCode, async (tx) => {
      if (await this.requests.ofPlan(plan.id, tx)) throw new DomainError(ErrorCode.Conflict, '该计划已发起非现场检查');
      await this.requests.insert({ id, planId: plan.id, agencyId, creditCode: plan.creditCode, tokenHash: offsiteTokenHash(offsiteToken(this.key, id)), requestedAt: now, requestedBy: user.id }, asks, tx);
      await this.trail.append({
        inspectionId: plan.id, kind: 'offsite-requested', actor: userActor(user),
        detail: { requestId: id, asks: asks.map((a) => ({ itemId: a.itemId, kind: a.kind, ask: a.ask })) }, at: now,
      }, tx);
      await this.outbox.add([outboxJob(JobName.OffsiteRequestSms, { requestId: id, round: 1 })], tx);
    });
    return this.views.officerView((await this.requests.find(id))!);
  }
}
