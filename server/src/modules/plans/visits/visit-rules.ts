import { isVisit, type RuleRefusal } from '@mashang/shared';
import type { FilingRefusal } from '../plan-filing.js';

/**
 * A visit (回访、服务走访) is no inspection: none of the inspection filing rules (7 days ahead, credit
 * caps, 无感监管/无事不扰, lock-out, pending reviews) apply. Only its date may not be past.
 */
export function visitFilingRefusals(input: { date: string; today: string }): FilingRefusal[] {
  if (input.date >= input.today) return [];
  return [{ rule: 'past-date', message: `走访日期 ${input.date} 已过`, remedy: '选择今天或之后的日期' }];
}

/** A visit takes no items; an inspection at least one. Null when the plan's items fit its kind. */
export function itemsProblem(kind: string, itemIds: readonly string[]): string | null {
  if (isVisit(kind)) return itemIds.length ? '回访、服务走访不填写检查事项' : null;
  return itemIds.length ? null : '至少选择一项检查事项';
}

/** The inspection an officer asks to accompany (陪同执法), as far as the rule is concerned. */
export interface AccompanyTarget {
  kind: string;
  status: string;
  agencyId: string;
  inspectionDate: string;
  finished: boolean;
  officerOnPlan: boolean;
}

/**
 * 陪同执法: an officer of another agency (the business-environment bureau's) may accompany an active
 * inspection that has not finished and is not past; never a visit, never their own agency's plan.
 */
export function accompanyRefusal(target: AccompanyTarget, officerAgencyId: string, today: string): RuleRefusal | null {
  if (isVisit(target.kind)) return { rule: 'not-an-inspection', message: '回访、服务走访不是行政检查，不能陪同执法', remedy: '输入行政检查计划的计划编码' };
  if (target.status !== 'active') return { rule: 'plan-inactive', message: '该检查计划未生效（已取消、待审批或已退回）', remedy: '向检查部门核对计划编码' };
  if (target.agencyId === officerAgencyId || target.officerOnPlan) return { rule: 'own-agency', message: '本部门的检查由计划中的执法人员进行，不需要陪同', remedy: '陪同执法适用于营商环境部门人员陪同其他部门检查' };
  if (target.finished || target.inspectionDate < today) return { rule: 'inspection-over', message: '该检查已经结束或检查日期已过', remedy: '陪同执法须在检查进行前或进行中登记' };
  return null;
}
