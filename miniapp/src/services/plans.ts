import type {
  EnterpriseSlotsView,
  FilePlanRequest,
  HalfYearRecord,
  IssuedCode,
  Page,
  PlanEventView,
  PlanView,
} from '@mashang/shared';
import { PLAN_PAGE_SIZE } from '../logic/plans';
import { api } from './request';

const path = (id: string) => `/api/plans/${encodeURIComponent(id)}`;

/** The caller's agency's active plans, newest inspection date first. */
export function listPlans(page: number): Promise<Page<PlanView>> {
  return api.get<Page<PlanView>>('/api/plans', { page, pageSize: PLAN_PAGE_SIZE });
}

/** Files a plan; refused rules arrive as ApiError RULE_REFUSED with `refusals`. */
export function filePlan(request: FilePlanRequest): Promise<PlanView> {
  return api.post<PlanView>('/api/plans', request);
}

export function planHistory(id: string): Promise<PlanEventView[]> {
  return api.get<PlanEventView[]>(`${path(id)}/history`);
}

/**
 * The inspection's code (the same one again if a member agency already issued it). `aloneReason`
 * answers a joint-supervision scenario's refusal: why the agency inspects without the others.
 */
export function issueInspectionCode(id: string, aloneReason?: string): Promise<IssuedCode> {
  return api.post<IssuedCode>(`${path(id)}/code`, aloneReason ? { aloneReason } : {});
}

/** 改期: the filing rules apply to the new date; refusals arrive as RULE_REFUSED. */
export function movePlan(id: string, date: string): Promise<PlanView> {
  return api.patch<PlanView>(path(id), { date });
}

/** 取消: the reason goes into the plan's history. */
export function cancelPlan(id: string, reason: string): Promise<PlanView> {
  return api.post<PlanView>(`${path(id)}/cancel`, { reason });
}

/** The half-days the enterprise marked as suiting it (双向预约), to weigh when fixing the date. */
export function enterpriseSlots(id: string): Promise<EnterpriseSlotsView> {
  return api.get<EnterpriseSlotsView>(`${path(id)}/enterprise-slots`);
}

/** Same-industry inspection results of the enterprise in the last six months (结果互认). */
export function halfYearHistory(creditCode: string): Promise<HalfYearRecord[]> {
  return api.get<HalfYearRecord[]>('/api/plans/half-year-history', { creditCode });
}

/**
 * The plan just filed, for the plans page to announce: pages share one JS context in both the
 * mini-program and H5, so the filing page leaves it here before going back.
 */
let justFiled: PlanView | null = null;

export function rememberFiledPlan(plan: PlanView): void {
  justFiled = plan;
}

export function takeFiledPlan(): PlanView | null {
  const plan = justFiled;
  justFiled = null;
  return plan;
}
