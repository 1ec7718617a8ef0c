import { ErrorCode, type SessionUser } from '@mashang/shared';
import { DomainError, forbidden, notFound } from '../../../infra/errors/domain-error.js';
import { agencyScope } from '../../auth/index.js';
import type { Plan } from '../plan.entity.js';
import type { PlanRepository } from '../plan.repository.js';

/** Only the filing agency changes a plan, and only while it is active. */
export function ownActivePlan(plan: Plan | null, user: SessionUser): Plan {
  if (!plan) throw notFound('检查计划');
  if (agencyScope(user) !== plan.agencyId) throw forbidden('只能修改本部门的检查计划');
  if (plan.status !== 'active') throw new DomainError(ErrorCode.Conflict, '该计划已取消');
  return plan;
}

/** The enterprise whose plans a change to this plan serialises on. */
export async function enterpriseOfPlan(plans: PlanRepository, planId: string): Promise<string> {
  const creditCode = await plans.creditCodeOf(planId);
  if (!creditCode) throw notFound('检查计划');
  return creditCode;
}
