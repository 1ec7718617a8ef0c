/** 计划审批 (MoJ: prior approval by the body's head; emergencies approved afterwards), in the words people read. */
import type { PlanApprovalState, PlanView } from './api.js';

/** A plan's approval as a short tag. */
export function planApprovalLabel(approval: PlanApprovalState | null): string {
  if (!approval) return '';
  if (approval.status === 'approved') return approval.when === 'after' ? '已事后审批' : '已审批';
  if (approval.status === 'returned') return approval.when === 'after' ? '事后审批未通过' : '已退回';
  return approval.when === 'after' ? '事后待审批' : '待审批';
}

/** What the officer is told about where the approval stands and what follows. */
export function planApprovalLine(approval: PlanApprovalState | null): string {
  if (!approval) return '';
  const note = approval.note ? `：${approval.note}` : '';
  switch (approval.status) {
    case 'pending':
      return approval.when === 'after' ? '紧急检查先行，待本部门负责人事后审批' : '待本部门负责人审批；批准后参与合并、生成检查码';
    case 'approved':
      return `负责人已批准${note}`;
    case 'returned':
      return approval.when === 'after' ? `负责人事后审批未通过${note}` : `负责人退回，计划不再执行${note}；如需检查请按意见重新报备`;
  }
}

/** One plan in the head's approval queue, with what a person needs to decide. */
export interface PlanApprovalView extends PlanView {
  enterpriseName: string | null;
  agencyName: string | null;
  officerNames: string[];
  itemNames: string[];
}

/** POST /api/plans/:id/approval (the agency's admin) */
export interface DecidePlanApprovalRequest {
  approve: boolean;
  /** Required to return a plan; optional to approve. */
  note?: string;
}

export const PLAN_APPROVAL_STATUSES = ['pending', 'approved', 'returned'] as const;
export type PlanApprovalStatus = (typeof PLAN_APPROVAL_STATUSES)[number];
export const PLAN_APPROVAL_FILTER_LABELS: Record<PlanApprovalStatus, string> = { pending: '待审批', approved: '已批准', returned: '已退回' };
