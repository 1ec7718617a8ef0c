import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, shanghaiDate, userActor, type CheckMode, type PlanTrigger, type PlanView, type SessionUser } from '@mashang/shared';
import { DomainError } from '../../../infra/errors/domain-error.js';
import { EnterpriseSerial } from '../enterprise-serial.js';
import { FilingCheck, refusedError } from '../filing/filing-check.js';
import { InspectionCodeRepository } from '../inspection-code.repository.js';
import { PlanViews } from '../listing/plan-views.js';
import { Regrouping } from '../merging/regroup.js';
import { PlanHistory } from '../plan-history.js';
import { PlanRepository } from '../plan.repository.js';
import { enterpriseOfPlan, ownActivePlan } from './own-plan.js';

/** 改期: moving a plan to another date. */
@Injectable()
export class MovePlan {
  constructor(
    @Inject(EnterpriseSerial) private readonly serial: EnterpriseSerial,
    @Inject(PlanRepository) private readonly plans: PlanRepository,
    @Inject(InspectionCodeRepository) private readonly codes: InspectionCodeRepository,
    @Inject(FilingCheck) private readonly check: FilingCheck,
    @Inject(PlanHistory) private readonly history: PlanHistory,
    @Inject(Regrouping) private readonly regrouping: Regrouping,
    @Inject(PlanViews) private readonly views: PlanViews,
  ) {}

  /** The filing rules apply again to the new date, and the enterprise's plans regroup. */
  async move(user: SessionUser, id: string, date: string, now = new Date()): Promise<PlanView> {
    const today = shanghaiDate(now);
    const actor = userActor(user);
    const refusals = await this.serial.run(await enterpriseOfPlan(this.plans, id), async (tx, enterprise) => {
      const plan = ownActivePlan(await this.plans.byId(id, tx), user);
      if (await this.codes.liveOf(plan.leadPlanId, tx)) throw new DomainError(ErrorCode.Conflict, '检查码已生成，不能改期；请取消后重新报备');
      if (plan.checkedInAt) throw new DomainError(ErrorCode.Conflict, '已经入企检查，不能改期');
      if (plan.plannedDate === date) return [];
      const subject = { creditCode: plan.creditCode, date, trigger: plan.trigger as PlanTrigger, reason: plan.reason ?? undefined, itemIds: (await this.plans.itemsOf([id], tx)).map((item) => item.memberId), kind: plan.kind, mode: plan.mode as CheckMode, modeReason: plan.modeReason ?? undefined };
      const found = await this.check.refusals(plan.agencyId, subject, enterprise, now, id, tx);
      const event = { planId: id, agencyId: plan.agencyId, creditCode: plan.creditCode, actor, at: now };
      if (found.length) {
        await this.history.record({ ...event, kind: 'refused', detail: { moveTo: date, refusals: found } }, tx);
        return found;
      }
      await this.plans.setPlannedDate(id, date, tx);
      await this.history.record({ ...event, kind: 'moved', detail: { from: plan.plannedDate, to: date } }, tx);
      await this.regrouping.regroup(plan.creditCode, today, actor, now, tx);
      return [];
    });
    if (refusals.length) throw refusedError('不能改期', refusals);
    return this.views.get(user, id);
  }
}
