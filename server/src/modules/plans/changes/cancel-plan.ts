import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, shanghaiDate, userActor, type PlanView, type SessionUser } from '@mashang/shared';
import { DomainError } from '../../../infra/errors/domain-error.js';
import { EnterpriseSerial } from '../enterprise-serial.js';
import { InspectionCodeRepository } from '../inspection-code.repository.js';
import { PlanViews } from '../listing/plan-views.js';
import { Regrouping } from '../merging/regroup.js';
import { PlanHistory } from '../plan-history.js';
import { PlanRepository } from '../plan.repository.js';
import { enterpriseOfPlan, ownActivePlan } from './own-plan.js';

/** Cancelling a plan. */
@Injectable()
export class CancelPlan {
  constructor(
    @Inject(EnterpriseSerial) private readonly serial: EnterpriseSerial,
    @Inject(PlanRepository) private readonly plans: PlanRepository,
    @Inject(InspectionCodeRepository) private readonly codes: InspectionCodeRepository,
    @Inject(PlanHistory) private readonly history: PlanHistory,
    @Inject(Regrouping) private readonly regrouping: Regrouping,
    @Inject(PlanViews) private readonly views: PlanViews,
  ) {}

  /**
   * Cancels a plan; the rest regroup. A code stays valid for the members still going and is
   * revoked (says "cancelled" when scanned) once none is left.
   */
  async cancel(user: SessionUser, id: string, reason: string, now = new Date()): Promise<PlanView> {
    const actor = userActor(user);
    await this.serial.run(await enterpriseOfPlan(this.plans, id), async (tx) => {
      const plan = ownActivePlan(await this.plans.byId(id, tx), user, { awaiting: true });
      if (plan.checkedInAt) throw new DomainError(ErrorCode.Conflict, '已经入企检查，不能取消计划');
      await this.plans.cancel(id, tx);
      await this.history.record({ planId: id, agencyId: plan.agencyId, creditCode: plan.creditCode, kind: 'cancelled', actor, at: now, detail: { reason } }, tx);
      await this.codes.revokeWhenNoneActive(plan.leadPlanId, now, tx);
      await this.regrouping.regroup(plan.creditCode, shanghaiDate(now), actor, now, tx);
    });
    return this.views.get(user, id);
  }
}
