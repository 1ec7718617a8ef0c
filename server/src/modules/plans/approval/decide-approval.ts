import { Inject, Injectable } from '@nestjs/common';
import { Role, shanghaiDate, userActor, type CheckMode, type PlanTrigger, type PlanView, type SessionUser } from '@mashang/shared';
import { forbidden, notFound } from '../../../infra/errors/domain-error.js';
import { enterpriseOfPlan } from '../changes/own-plan.js';
import { EnterpriseSerial } from '../enterprise-serial.js';
import { FilingCheck, refusedError } from '../filing/filing-check.js';
import { PlanViews } from '../listing/plan-views.js';
import { Regrouping } from '../merging/regroup.js';
import { PlanHistory } from '../plan-history.js';
import { PlanRepository } from '../plan.repository.js';
import { approvalDecision } from './approval-rules.js';

/**
 * 计划审批: the agency's admin (for its head) approves a plan or returns it with reasons. Approved before
 * the fact, the plan is judged again for what may have changed since filing, then merges with the
 * enterprise's other plans; returned, it is closed. An emergency, approved after the fact, stays as it is.
 */
@Injectable()
export class DecidePlanApproval {
  constructor(
    @Inject(EnterpriseSerial) private readonly serial: EnterpriseSerial,
    @Inject(PlanRepository) private readonly plans: PlanRepository,
    @Inject(FilingCheck) private readonly check: FilingCheck,
    @Inject(PlanHistory) private readonly history: PlanHistory,
    @Inject(Regrouping) private readonly regrouping: Regrouping,
    @Inject(PlanViews) private readonly views: PlanViews,
  ) {}

  async decide(user: SessionUser, id: string, approve: boolean, note: string | undefined, now = new Date()): Promise<PlanView> {
    const actor = userActor(user);
    const today = shanghaiDate(now);
    const refusals = await this.serial.run(await enterpriseOfPlan(this.plans, id), async (tx) => {
      const plan = await this.plans.byId(id, tx);
      if (!plan) throw notFound('检查计划');
      if (user.role !== Role.AgencyAdmin || user.agencyId !== plan.agencyId) throw forbidden('只有本部门管理员可以审批本部门的检查计划');
      const decision = approvalDecision(plan, approve, note);
      const event = { planId: id, agencyId: plan.agencyId, creditCode: plan.creditCode, actor, at: now };
      const activating = decision.status === 'active' && plan.status === 'awaiting';
      if (activating) {
        const subject = { creditCode: plan.creditCode, date: plan.plannedDate, trigger: plan.trigger as PlanTrigger, itemIds: [], mode: plan.mode as CheckMode };
        const found = await this.check.approvalRefusals(plan.agencyId, subject, today, tx);
        if (found.length) {
          await this.history.record({ ...event, kind: 'refused', detail: { approve: true, refusals: found } }, tx);
          return found;
        }
      }
      await this.plans.setApproval(id, decision, tx);
      await this.history.record({ ...event, kind: decision.approval, detail: { when: plan.approvalWhen, note: decision.note } }, tx);
      if (activating) await this.regrouping.regroup(plan.creditCode, today, actor, now, tx);
      return [];
    });
    if (refusals.length) throw refusedError('不能批准', refusals);
    return this.views.get(user, id);
  }
}
