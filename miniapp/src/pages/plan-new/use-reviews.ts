import type { ReviewStatus } from '@mashang/shared';
import { useState } from 'react';
import { errorMessage } from '../../logic/api-error';
import { ownReviewStatuses, reviewReasonProblem } from '../../logic/reviews';
import { agencyReviews, requestReview } from '../../services/reviews';

/** The review-request form open on one record of the half-year history. */
export interface ReviewDraft {
  inspectionId: string;
  reason: string;
  busy: boolean;
  error: string;
}

/** 异议复查 from the half-year history: what the agency already asked, and the form to ask. */
export function useReviews(ownAgencyId: string | null) {
  const [statuses, setStatuses] = useState<Map<string, ReviewStatus>>(new Map());
  const [draft, setDraft] = useState<ReviewDraft | null>(null);
  const [sent, setSent] = useState('');

  const load = () => agencyReviews().then((reviews) => setStatuses(ownReviewStatuses(reviews, ownAgencyId)), () => undefined);

  const open = (inspectionId: string) => {
    setDraft({ inspectionId, reason: '', busy: false, error: '' });
    setSent('');
  };
  const edit = (reason: string) => setDraft((current) => current && { ...current, reason, error: '' });
  const close = () => setDraft(null);

  const submit = async () => {
    if (!draft || draft.busy) return;
    const problem = reviewReasonProblem(draft.reason);
    if (problem) {
      setDraft({ ...draft, error: problem });
      return;
    }
    setDraft({ ...draft, busy: true, error: '' });
    try {
      const review = await requestReview({ inspectionId: draft.inspectionId, reason: draft.reason.trim() });
      setStatuses((current) => new Map(current).set(review.inspectionId, review.status));
      setSent('已提交异议复查申请，司法局决定前本部门不对该企业入企检查（紧急检查除外）。');
      setDraft(null);
    } catch (error) {
      setDraft((current) => current && { ...current, busy: false, error: errorMessage(error) });
    }
  };

  return { statuses, draft, sent, load, open, edit, close, submit };
}
