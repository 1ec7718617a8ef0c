import type { ComplaintOutcome, RatingInviteView, SubmitRatingsRequest, SubmitRatingsResponse } from '@mashang/shared';
import { api } from './request';

/**
 * The public rating page's calls, sent without any session (anonymous): the SMS link token or the
 * typed code is the only credential, and a 401 must never send this page to the login page.
 */
export function getRatingInvite(credential: string): Promise<RatingInviteView> {
  return api.get<RatingInviteView>(`/api/ratings/invites/${encodeURIComponent(credential)}`, undefined, { anonymous: true });
}

export function submitRatings(credential: string, body: SubmitRatingsRequest): Promise<SubmitRatingsResponse> {
  return api.post<SubmitRatingsResponse>(`/api/ratings/invites/${encodeURIComponent(credential)}`, body, { anonymous: true });
}

/** 企业评: what became of the enterprise's own poor ratings, by the personal link token (not a typed code). */
export function complaintOutcomes(token: string): Promise<ComplaintOutcome[]> {
  return api.get<ComplaintOutcome[]>(`/api/supervision/outcomes/${encodeURIComponent(token)}`, undefined, { anonymous: true });
}
