import type { Page, RequestReviewRequest, ReviewRequestView } from '@mashang/shared';
import { api } from './request';

/** 异议复查: disputes a same-industry result; the supervisor decides. */
export function requestReview(request: RequestReviewRequest): Promise<ReviewRequestView> {
  return api.post<ReviewRequestView>('/api/reviews', request);
}

/** The requests the caller's agency made or that dispute its results, pending first (the first 100). */
export async function agencyReviews(): Promise<ReviewRequestView[]> {
  return (await api.get<Page<ReviewRequestView>>('/api/reviews', { page: 1, pageSize: 100 })).items;
}
