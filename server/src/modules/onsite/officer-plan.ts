import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, type SessionUser } from '@mashang/shared';
import type { Tx } from '../../infra/database/tx.js';
import { DomainError, forbidden, notFound } from '../../infra/errors/domain-error.js';
import { PlanProgressRepository, type PlanProgress } from '../plans/index.js';

/** The officer behind a session user; only officers of an agency work on site. */
export function requireOfficer(user: SessionUser): string {
  if (user.role !== 'officer' || !user.agencyId || !user.officerId) throw forbidden('只有执法人员可以入企检查');
  return user.officerId;
}

/** What an on-site write asks of the plan besides the user being one of its officers. */
export interface PlanAccess {
  /** Refuse a finished plan (with `finishedError` when given). */
  open: boolean;
  finishedError?: DomainError;
}

/** The plan, when the user is one of its officers and it is active and checked in: every on-site write starts here. */
@Injectable()
export class OfficerPlans {
  constructor(@Inject(PlanProgressRepository) private readonly plans: PlanProgressRepository) {}

  /** With `tx`, the plan's row is locked for that transaction; without, it is read as it stands (a check before the real one). */
  async planOfOfficer(user: SessionUser, planId: string, access: PlanAccess, tx?: Tx): Promise<PlanProgress> {
    const officerId = requireOfficer(user);
    const plan = tx ? await this.plans.lock(planId, tx) : await this.plans.find(planId);
    if (!plan || plan.agencyId !== user.agencyId) throw notFound('检查');
    if (!(await this.plans.hasOfficer(planId, officerId, tx))) throw forbidden('您不是该检查的执法人员');
    return this.usable(plan, access);
  }

  /**
   * 一表通查: in a joint inspection the officers record together on one checklist, each finding on the
   * plan of the agency whose item it is. The plan, when the user is one of its officers or an officer of
   * another agency of the same inspection who has checked in; otherwise as `planOfOfficer`.
   */
  async planOfJointOfficer(user: SessionUser, planId: string, access: PlanAccess, tx: Tx): Promise<PlanProgress> {
    const officerId = requireOfficer(user);
    const plan = await this.plans.lock(planId, tx);
    if (!plan) throw notFound('检查');
    if (plan.agencyId === user.agencyId) {
      if (!(await this.plans.hasOfficer(planId, officerId, tx))) throw forbidden('您不是该检查的执法人员');
      return this.usable(plan, access);
    }
    // Another agency's part: only from inside the same inspection, once this officer has checked in there;
    // until then it is another agency's plan, not found as before.
    const own = await this.plans.officerPlanIn(plan.leadPlanId, officerId, tx);
    if (!own || own.agencyId !== user.agencyId || !own.checkedInAt) throw notFound('检查');
    if (plan.status !== 'active') throw new DomainError(ErrorCode.Conflict, '该检查计划已取消');
    if (!plan.checkedInAt) throw new DomainError(ErrorCode.Conflict, '该部门的执法人员尚未登记入企，暂不能记录其检查事项');
    if (access.open && plan.finishedAt) throw access.finishedError ?? new DomainError(ErrorCode.Conflict, '该部门已结束检查，结果不能再修改');
    return plan;
  }

  private usable(plan: PlanProgress, access: PlanAccess): PlanProgress {
    if (plan.status !== 'active') throw new DomainError(ErrorCode.Conflict, '该检查计划已取消');
    if (!plan.checkedInAt) throw new DomainError(ErrorCode.Conflict, '请先扫码入企（登记入企）');
    if (access.open && plan.finishedAt) throw access.finishedError ?? new DomainError(ErrorCode.Conflict, '该检查已经结束，结果不能再修改');
    return plan;
  }
}
