import { ErrorCode, type PlanApprovalState, type RuleRefusal } from '@mashang/shared';
import { DomainError, invalid } from '../../../infra/errors/domain-error.js';
import type { Plan } from '../plan.entity.js';

/** The least a reason to return a plan says. */
export const RETURN_NOTE_MIN = 2;

/**
 * When a plan of an agency that requires approval is approved (MoJ: prior approval by the body's head):
 * an emergency afterwards (it goes ahead at once), any other before it merges or gets a code.
 */
export function approvalWhen(trigger: string, required: boolean): 'prior' | 'after' | null {
  if (!required) return null;
  return trigger === 'emergency' ? 'after' : 'prior';
}

/** A plan's approval as the API shows it; null when its agency does not require one. */
export function approvalState(plan: Pick<Plan, 'approval' | 'approvalWhen' | 'approvalNote'>): PlanApprovalState | null {
  if (!plan.approval) return null;
  return { status: plan.approval as PlanApprovalState['status'], when: plan.approvalWhen === 'after' ? 'after' : 'prior', note: plan.approvalNote };
}

/** Why the plan's inspection code may not be issued yet because of its approval; null when it may. */
export function approvalRefusal(plan: Pick<Plan, 'status'>): RuleRefusal | null {
  if (plan.status === 'awaiting') {
    return { rule: 'plan-approval', message: '计划待本部门负责人审批，批准前不参与合并、不能生成检查码', remedy: '请部门管理员在执法监督平台“计划审批”中批准后再生成检查码；紧急情况按紧急检查报备（事后审批）' };
  }
  if (plan.status === 'returned') {
    return { rule: 'plan-approval', message: '计划已被本部门负责人退回，不再执行', remedy: '按退回意见修改后重新报备' };
  }
  return null;
}

/** The head's decision as stored: the approval's state, the reasons, and the plan's status after it. */
export interface ApprovalDecision {
  approval: 'approved' | 'returned';
  note: string | null;
  status: string;
}

/**
 * The decision on a plan waiting for approval, or why it cannot be taken: only a pending approval is
 * decided, once; a plan is returned with reasons. A prior approval makes the plan active (it merges
 * and may get its code) or closes it; one after the fact changes nothing of what already happened.
 */
export function approvalDecision(plan: Pick<Plan, 'status' | 'approval' | 'approvalWhen'>, approve: boolean, note: string | undefined): ApprovalDecision {
  if (plan.status === 'cancelled') throw new DomainError(ErrorCode.Conflict, '计划已取消，无需审批');
  if (plan.approval !== 'pending') throw new DomainError(ErrorCode.Conflict, plan.approval ? '该计划已审批' : '本部门的计划无需审批');
  const text = note?.trim() || null;
  if (!approve && (!text || text.length < RETURN_NOTE_MIN)) throw invalid('note', `退回须写明理由（至少${RETURN_NOTE_MIN}个字）`);
  const prior = plan.approvalWhen !== 'after';
  if (approve) return { approval: 'approved', note: text, status: prior ? 'active' : plan.status };
  return { approval: 'returned', note: text, status: prior ? 'returned' : plan.status };
}
