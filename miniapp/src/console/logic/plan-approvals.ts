import {
  PLAN_APPROVAL_FILTER_LABELS,
  PLAN_APPROVAL_STATUSES,
  planApprovalLabel,
  type DecidePlanApprovalRequest,
  type PlanApprovalStatus,
  type PlanApprovalView,
} from '@mashang/shared';
import { chineseDate } from '../../logic/dates';
import { triggerLabel } from '../../logic/triggers';

export const APPROVAL_PAGE_SIZE = 20;
export const APPROVAL_NOTE_MAX = 500;

export const APPROVAL_FILTERS: readonly { key: PlanApprovalStatus; label: string }[] = PLAN_APPROVAL_STATUSES.map((key) => ({ key, label: PLAN_APPROVAL_FILTER_LABELS[key] }));

/** "老王烩面馆 · 2026年12月1日 · 投诉举报" */
export function approvalHeadline(plan: PlanApprovalView): string {
  return [plan.enterpriseName ?? plan.creditCode, chineseDate(plan.plannedDate, false), triggerLabel(plan.trigger)].join(' · ');
}

/** The tag: 待审批, 事后待审批 (an emergency that went ahead), 已退回 … */
export const approvalTag = (plan: PlanApprovalView) => planApprovalLabel(plan.approval);

export type ApprovalChoice = 'approve' | 'return' | '';

/** The decision as sent, or what is missing: a plan is returned with reasons. */
export function approvalRequest(choice: ApprovalChoice, note: string): { request: DecidePlanApprovalRequest } | { error: string } {
  if (!choice) return { error: '请选择批准或退回' };
  const text = note.trim();
  if (text.length > APPROVAL_NOTE_MAX) return { error: `意见不能超过${APPROVAL_NOTE_MAX}个字` };
  if (choice === 'return' && text.length < 2) return { error: '退回须写明理由（至少2个字）' };
  return { request: text ? { approve: choice === 'approve', note: text } : { approve: choice === 'approve' } };
}
