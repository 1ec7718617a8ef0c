import { COMPLAINT_CONTENT_MAX, type ComplaintView } from '@mashang/shared';
import { shanghaiDateTime } from './dates';

/** Fewest characters a complaint takes: enough to say what happened. */
export const COMPLAINT_CONTENT_MIN = 5;

/** What is wrong with the account typed; null when it may be sent. */
export function complaintContentProblem(content: string): string | null {
  const text = content.trim();
  if (text.length < COMPLAINT_CONTENT_MIN) return `请用至少${COMPLAINT_CONTENT_MIN}个字说明发生了什么`;
  if (text.length > COMPLAINT_CONTENT_MAX) return `请不要超过${COMPLAINT_CONTENT_MAX}字`;
  return null;
}

/** Where a complaint stands, in one line: 待分派 · 答复期限 2026-12-12, or 已办结：经查不属实（已短信告知）. */
export function complaintStatusText(complaint: Pick<ComplaintView, 'statusLabel' | 'conclusionLabel' | 'deadline' | 'outcomeSentAt'>): string {
  if (complaint.conclusionLabel) return `${complaint.statusLabel}：${complaint.conclusionLabel}${complaint.outcomeSentAt ? '（已短信告知）' : ''}`;
  return `${complaint.statusLabel} · 答复期限 ${complaint.deadline}`;
}

/** What the enterprise is told once its complaint is in. */
export function complaintReceivedText(complaint: Pick<ComplaintView, 'receivedAt' | 'deadline'>): string {
  return `已收到您的反映（${shanghaiDateTime(complaint.receivedAt)}），执法监督部门将在 ${complaint.deadline} 前办理，结果将以短信告知。`;
}

/** An inspection to pick in the form: its day and agency. */
export function inspectionChoice(inspection: { agencyName: string; startedAt: string }): string {
  return `${shanghaiDateTime(inspection.startedAt).slice(0, 10)} ${inspection.agencyName}`;
}
