import {
  actorUsername,
  INSPECTION_RESULT_LABELS,
  REVIEW_EVENT_LABELS,
  REVIEW_STATUS_LABELS,
  shanghaiDateTime,
  type DecideReviewRequest,
  type InspectionResult,
  type ReviewRequestView,
  type ReviewStatus,
} from '@mashang/shared';

export const REVIEW_PAGE_SIZE = 20;
export const DECISION_NOTE_MIN = 2;
export const DECISION_NOTE_MAX = 1000;

/** The list's status chips: pending first (what the supervisor works on), then the decided ones, then all. */
export const REVIEW_FILTERS: readonly { key: ReviewStatus | 'all'; label: string }[] = [
  { key: 'pending', label: '待决定' },
  { key: 'accepted', label: '已受理' },
  { key: 'rejected', label: '不予受理' },
  { key: 'all', label: '全部' },
];

export const reviewStatusLabel = (status: string) => REVIEW_STATUS_LABELS[status as ReviewStatus] ?? '状态未知';
export const reviewEventLabel = (kind: string) => REVIEW_EVENT_LABELS[kind as keyof typeof REVIEW_EVENT_LABELS] ?? '其他记录';
export const inspectionResultLabel = (result: string | null) => (result ? INSPECTION_RESULT_LABELS[result as InspectionResult] ?? '其他结果' : '—');

/** "祥符分局 对 市场监管局 2026-11-04 09:30 的检查结果（合格）申请异议复查" */
export function reviewHeadline(review: ReviewRequestView): string {
  const by = review.agencyName ?? `部门 ${review.agencyId}`;
  const of = review.inspectedByAgencyName ?? `部门 ${review.inspectedByAgencyId}`;
  const when = review.inspectionStartedAt ? ` ${shanghaiDateTime(review.inspectionStartedAt)} ` : '';
  return `${by} 对 ${of}${when}的检查结果（${inspectionResultLabel(review.inspectionResult)}）申请异议复查`;
}

/** Who took a step: the account's name (`user:9:supervisor` → supervisor). */
export const reviewActor = (actor: string) => actorUsername(actor) ?? '系统';

export type DecisionChoice = 'accept' | 'reject' | '';

/** The decision as sent, or what is missing. */
export function decisionRequest(choice: DecisionChoice, note: string): { request: DecideReviewRequest } | { error: string } {
  if (!choice) return { error: '请选择受理（重新复查）或不予受理（维持原结果）' };
  const text = note.trim();
  if (text.length < DECISION_NOTE_MIN) return { error: `请写明决定理由（至少${DECISION_NOTE_MIN}个字）` };
  if (text.length > DECISION_NOTE_MAX) return { error: `决定理由不能超过${DECISION_NOTE_MAX}个字` };
  return { request: { accept: choice === 'accept', note: text } };
}
