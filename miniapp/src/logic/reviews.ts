import { REVIEW_STATUS_LABELS, type ReviewRequestView, type ReviewStatus } from '@mashang/shared';

/** The server takes a reason of 4–1000 characters. */
export const REVIEW_REASON_MIN = 4;
export const REVIEW_REASON_MAX = 1000;

export function reviewReasonProblem(reason: string): string | null {
  const text = reason.trim();
  if (text.length < REVIEW_REASON_MIN) return `请写明对检查结果的异议和理由（至少${REVIEW_REASON_MIN}个字）`;
  if (text.length > REVIEW_REASON_MAX) return `异议理由不能超过${REVIEW_REASON_MAX}个字`;
  return null;
}

/**
 * What the caller's agency has asked about each disputed inspection: its pending request if it has
 * one, else its latest decided one (the list comes pending first, then newest).
 */
export function ownReviewStatuses(reviews: readonly ReviewRequestView[], ownAgencyId: string | null): Map<string, ReviewStatus> {
  const statuses = new Map<string, ReviewStatus>();
  for (const review of reviews) {
    if (review.agencyId === ownAgencyId && !statuses.has(review.inspectionId)) statuses.set(review.inspectionId, review.status);
  }
  return statuses;
}

export const reviewStatusText = (status: ReviewStatus) => `异议复查：${REVIEW_STATUS_LABELS[status] ?? '状态未知'}`;

/** Whether the agency may ask again: not while a request of its own is pending. */
export const mayRequestReview = (status: ReviewStatus | undefined) => status !== 'pending';
