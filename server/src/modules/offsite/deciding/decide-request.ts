import { Inject, Injectable, Logger } from '@nestjs/common';
import { ErrorCode, offsiteActions, shanghaiDate, userActor, type OfficerOffsiteRequestView, type PlanTrigger, type SessionUser } from '@mashang/shared';
import type { Tx } from '../../../infra/database/tx.js';
import { DomainError, forbidden, invalid } from '../../../infra/errors/domain-error.js';
import { JobName } from '../../../infra/queues/queues.js';
import { agencyScope } from '../../auth/index.js';
import { InspectionRepository } from '../../inspections/index.js';
import { JobOutbox, outboxJob } from '../../outbox/index.js';
import { EnterpriseSerial, InspectionCodeRepository, PlanProgressRepository, PlanRepository, Regrouping } from '../../plans/index.js';
import { TrailRepository } from '../../trail/index.js';
import { OffsiteRequestRepository, type StoredRequest } from '../offsite-request.repository.js';
import { OffsiteViews } from '../offsite-views.js';
import { ownRequest } from './own-request.js';

type Decision = 'accept' | 'askAgain' | 'convert';
const NOT_NOW: Record<Decision, string> = {
  accept: '企业尚未提交材料或已有决定，不能审核通过',
  askAgain: '企业尚未提交材料或已有决定，不能要求补充',
  convert: '该非现场检查已有决定，不能转为现场检查',
};

/**
 * The officer's decision on an answered request: accept (the check finishes like a visit: its record in
 * the exchange format, the `finished` trail entry and `inspection-finished` in the job outbox, which
 * sends the rating invite), ask again with a note (a new round and SMS), or turn it into an on-site plan
 * with a reason and the visit's date (the plan then merges and is coded like any visit).
 */
@Injectable()
export class DecideOffsiteRequest {
  private readonly logger = new Logger(DecideOffsiteRequest.name);

  constructor(
    @Inject(EnterpriseSerial) private readonly serial: EnterpriseSerial,
    @Inject(OffsiteRequestRepository) private readonly requests: OffsiteRequestRepository,
    @Inject(PlanRepository) private readonly plans: PlanRepository,
    @Inject(PlanProgressRepository) private readonly progress: PlanProgressRepository,
    @Inject(InspectionCodeRepository) private readonly codes: InspectionCodeRepository,
    @Inject(InspectionRepository) private readonly inspections: InspectionRepository,
    @Inject(Regrouping) private readonly regrouping: Regrouping,
    @Inject(TrailRepository) private readonly trail: TrailRepository,
    @Inject(JobOutbox) private readonly outbox: JobOutbox,
    @Inject(OffsiteViews) private readonly views: OffsiteViews,
  ) {}

  async accept(user: SessionUser, id: string, now = new Date()): Promise<OfficerOffsiteRequestView> {
    return this.decide(user, id, 'accept', async (request, tx) => {
      const plan = await this.progress.lock(request.planId, tx);
      if (!plan || plan.status !== 'active' || plan.finishedAt) throw new DomainError(ErrorCode.Conflict, '该计划已取消或已结束');
      // The check began when the enterprise was asked; it ends now.
      await this.progress.markArrival({ planId: plan.id, at: request.requestedAt, codeDueAt: null }, tx);
      await this.progress.markFinished(plan.id, now, tx);
      await this.requests.decide(request.id, { status: 'accepted', at: now, by: user.id, convertReason: null }, tx);
      const codedAt = await this.codes.firstIssuedAt(plan.leadPlanId, tx);
      const [officers, items] = await Promise.all([this.plans.officersOf([plan.id], tx), this.plans.itemsOf([plan.id], tx)]);
      await this.inspections.insertFinished([{
        id: plan.id, agencyId: plan.agencyId, creditCode: plan.creditCode, trigger: plan.trigger as PlanTrigger, jointId: null,
        startedAt: request.requestedAt, finishedAt: now, coded: codedAt !== null && codedAt <= request.requestedAt, codedAt,
        // Evidence accepted: every item complied. What needs a correction or a penalty is converted to a visit instead.
        result: 'pass', officerIds: officers.map((o) => o.memberId), itemIds: items.map((i) => i.memberId),
      }], tx);
      const actor = userActor(user);
      await this.trail.append({ inspectionId: plan.id, kind: 'offsite-accepted', actor, detail: { requestId: request.id, round: request.round }, at: now }, tx);
      await this.trail.append({ inspectionId: plan.id, kind: 'finished', actor, detail: { at: now.toISOString(), result: 'pass', mode: 'offsite' }, at: now }, tx);
      await this.outbox.add([outboxJob(JobName.InspectionFinished, { groupId: plan.id, creditCode: plan.creditCode, inspectionIds: [plan.id], finishedAt: now.toISOString() })], tx);
      this.logger.log(`off-site check ${plan.id} accepted`);
    });
  }

  async askAgain(user: SessionUser, id: string, note: string, now = new Date()): Promise<OfficerOffsiteRequestView> {
    const text = note.trim();
    if (!text) throw invalid('note', '请写明需要补充什么');
    return this.decide(user, id, 'askAgain', async (request, tx) => {
      await this.requests.askAgain(request.id, text, tx);
      const round = request.round + 1;
      await this.trail.append({ inspectionId: request.planId, kind: 'offsite-asked-again', actor: userActor(user), detail: { requestId: request.id, round, note: text }, at: now }, tx);
      await this.outbox.add([outboxJob(JobName.OffsiteRequestSms, { requestId: request.id, round })], tx);
    });
  }

  async convert(user: SessionUser, id: string, input: { reason: string; date: string }, now = new Date()): Promise<OfficerOffsiteRequestView> {
    const reason = input.reason.trim();
    if (!reason) throw invalid('reason', '请写明转为现场检查的理由');
    const today = shanghaiDate(now);
    if (input.date < today) throw invalid('date', `现场检查日期不能早于今天（${today}）`);
    return this.decide(user, id, 'convert', async (request, tx) => {
      const plan = await this.plans.byId(request.planId, tx);
      if (!plan || plan.status !== 'active' || plan.finishedAt) throw new DomainError(ErrorCode.Conflict, '该计划已取消或已结束');
      await this.requests.decide(request.id, { status: 'converted', at: now, by: user.id, convertReason: reason }, tx);
      await this.plans.convertToOnsite(plan.id, input.date, reason, tx);
      // The off-site check's code does not open the door: the visit is coded for its own date.
      await this.codes.revokeLive(plan.leadPlanId, now, tx);
      const actor = userActor(user);
      await this.trail.append({ inspectionId: plan.id, kind: 'offsite-converted', actor, detail: { requestId: request.id, reason, date: input.date }, at: now }, tx);
      await this.regrouping.regroup(plan.creditCode, today, actor, now, tx);
    });
  }

  /** Runs a decision on the request, the enterprise locked as for every change to its plans, then the request's row. */
  private async decide(user: SessionUser, id: string, decision: Decision, work: (request: StoredRequest, tx: Tx) => Promise<void>): Promise<OfficerOffsiteRequestView> {
    if (!agencyScope(user)) throw forbidden('只有执法部门的人员可以审核非现场检查');
    const request = ownRequest(user, await this.requests.find(id));
    await this.serial.run(request.creditCode, async (tx) => {
      const locked = (await this.requests.lock(id, tx))!;
      if (!offsiteActions(locked.status)[decision]) throw new DomainError(ErrorCode.Conflict, NOT_NOW[decision]);
      await work(locked, tx);
    });
    return this.views.officerView((await this.requests.find(id))!);
  }
}
