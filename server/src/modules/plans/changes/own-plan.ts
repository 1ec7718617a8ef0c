import { ErrorCode, type SessionUser } from '@mashang/shared';
import { DomainError, forbidden, notFound } from '../../../infra/errors/domain-error.js';
import { agencyScope } from '../../auth/index.js';
import type { Plan } from '../plan.entity.js';
import type { PlanRepository } from '../plan.repository.js';

/** Why a plan in this status is not changed any more. */
const NOT_CHANGED: Record<string, string> = {
  cancelled: '该计划已取消',
  awaiting: '计划待本部门负责人审批，不能改期；可取消后重新报备',
  returned: '计划已被本部门负责人退回，不再执行',
};

/**
 * Only the filing agency changes a plan, and only while it is active; a plan waiting for its head's
 * approval may be withdrawn (`awaiting`: cancelled), not moved.
 */
export function ownActivePlan(plan: Plan | null, user: SessionUser, { awaiting = false } = {}): Plan {
  if (!plan) throw notFound('检查计划');
  if (agencyScope(user) !== plan.agencyId) throw forbidden('只能修改本部门的检查计划');
  if (plan.status === 'active' || (awaiting && plan.status === 'awaiting')) return plan;
  throw new DomainError(ErrorCode.Conflict, NOT_CHANGED[plan.status] ?? '该计划已不在办');
}

/** The enterprise whose plans a change to this plan serialises on. */
export async function enterpriseOfPlan(plans: PlanRepository, planId: string): Promise<string> {
  const creditCode = await plans.creditCodeOf(planId);
  if (!creditCode) throw notFound('检查计划');
  return creditCode;
}
